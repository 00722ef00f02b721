using System.Text.Json;
using Lachan.Features.Relief.Supplies;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lachan.Tests.Integration.Relief;

/// <summary>The running totals the public page reads (<see cref="LedgerTotal"/>, kept by a trigger) against a direct SUM
/// over the movements, on both databases, after a mix of donations, allocations, a transfer, issues (goods and cash),
/// reversals of a gift and of an issue, and a bulk INSERT … SELECT that bypasses the app (as a bench top-up or a
/// data load does).</summary>
public sealed class LedgerTotalsTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    private static readonly DateOnly Day = new(2021, 6, 2);

    [Theory, BothProviders]
    public async Task The_running_totals_and_the_public_totals_equal_a_direct_sum_after_every_kind_of_movement(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (a, b) = (new SupplyPoint { Name = "Tổng A " + tag, CommuneCode = "X", Address = "a" }, new SupplyPoint { Name = "Tổng B " + tag, CommuneCode = "X", Address = "b" });
        await app.WithDbAsync(async db => { db.AddRange(a, b); return await db.SaveChangesAsync(); });
        Task<PostResult> Ledger(Func<SupplyLedger, Task<PostResult>> work) => SupplyLedgerTests.WithAsync(app, s => work(s.GetRequiredService<SupplyLedger>()));
        Task<IssueResult> Issue(IssueRequest r) => SupplyLedgerTests.WithAsync(app, s => s.GetRequiredService<SupplyIssues>().IssueAsync(r, default));

        Assert.IsType<PostResult.Posted>(await Ledger(l => l.ReceiveAsync(new DonationInput(DonorKind.Company, "Công ty Tổng " + tag, null, Day, 8_000_000,
            [new DonatedGoods(1, 30, a.Id), new DonatedGoods(2, 12, b.Id)]), default)));
        var person = Assert.IsType<PostResult.Posted>(await Ledger(l => l.ReceiveAsync(new DonationInput(DonorKind.Individual, "Người Tổng " + tag, null, Day.AddDays(1), 700_000, []), default)));
        Assert.IsType<PostResult.Posted>(await Ledger(l => l.AllocateAsync(new AllocationInput(AccountKind.Point, a.Id, Day.AddDays(1), 2_000_000), default)));
        Assert.IsType<PostResult.Posted>(await Ledger(l => l.TransferAsync(new TransferInput(a.Id, b.Id, 1, 6, Day.AddDays(2)), default)));
        var issued = Assert.IsType<IssueResult.Issued>(await Issue(new IssueRequest(Guid.NewGuid().ToString("N"), b.Id, Day.AddDays(2), IssueChannel.Counter, null, "T-" + tag, [new IssueLine(1, 1), new IssueLine(2, 1)])));
        Assert.IsType<IssueResult.Issued>(await Issue(new IssueRequest(Guid.NewGuid().ToString("N"), a.Id, Day.AddDays(3), IssueChannel.Cash, null, "C-" + tag, [], 300_000)));
        // reversals: a gift (money back to its donor) and one line of the counter issue (goods back to the point)
        var gift = await app.WithDbAsync(db => db.Set<LedgerMovement>().Where(m => m.DonationId == (int)person.Id && m.Reason == MovementReason.Donation).Select(m => m.Id).SingleAsync());
        Assert.IsType<PostResult.Posted>(await Ledger(l => l.ReverseAsync(gift, Day.AddDays(4), default)));
        var issueLine = await app.WithDbAsync(db => db.Set<LedgerMovement>().Where(m => m.ReliefIssueId == issued.IssueId && m.ItemId == 2).Select(m => m.Id).FirstAsync());
        Assert.IsType<PostResult.Posted>(await Ledger(l => l.ReverseAsync(issueLine, Day.AddDays(4), default)));
        // a bulk copy past the app: the totals follow any INSERT, not only the app's own writes
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "LedgerMovements" ("At", "Day", "Reason", "FromKind", "FromRef", "ToKind", "ToRef", "ItemId", "DonationId", "SourceKind", "Quantity", "Value", "ReliefIssueId", "By")
            SELECT "At", "Day", "Reason", "FromKind", "FromRef", "ToKind", "ToRef", "ItemId", "DonationId", "SourceKind", "Quantity", "Value", "ReliefIssueId", 'bulk'
            FROM "LedgerMovements" WHERE "ReversesId" IS NULL
            """));

        await app.WithDbAsync(async db =>
        {
            var moves = await db.Set<LedgerMovement>().AsNoTracking().ToListAsync();
            static int Ref(AccountKind kind, int value) => kind == AccountKind.Recipients ? value : 0;
            var direct = moves.GroupBy(m => (m.Day, m.FromKind, FromRef: Ref(m.FromKind, m.FromRef), m.ToKind, ToRef: Ref(m.ToKind, m.ToRef), m.SourceKind, ItemId: m.ItemId ?? 0))
                .ToDictionary(g => g.Key, g => (Count: (long)g.Count(), Quantity: g.Sum(m => m.Quantity), Value: g.Sum(m => m.Value)));
            var kept = (await db.Set<LedgerTotal>().AsNoTracking().ToListAsync())
                .ToDictionary(t => (t.Day, t.FromKind, t.FromRef, t.ToKind, t.ToRef, t.SourceKind, t.ItemId), t => (Count: t.Movements, t.Quantity, t.Value));
            Assert.True(direct.Count > 5);
            Assert.Equal(direct.OrderBy(x => x.Key.ToString()), kept.OrderBy(x => x.Key.ToString()));
            return 0;
        });

        var anonymous = app.NewClient();
        foreach (var asOf in new[] { Day.AddDays(1), Day.AddDays(3), Day.AddDays(30) })
        {
            var json = JsonDocument.Parse(await SupplyLedgerTests.PublicTotalsEqualTheLedgerAsync(app, anonymous, asOf)).RootElement;
            var moves = await app.WithDbAsync(db => db.Set<LedgerMovement>().AsNoTracking().Where(m => m.Day <= asOf).ToListAsync());
            foreach (var item in json.GetProperty("items").EnumerateArray())
            {
                var id = await app.WithDbAsync(db => db.Set<SupplyItem>().Where(i => i.Code == item.GetProperty("code").GetString()).Select(i => i.Id).SingleAsync());
                Assert.Equal(moves.Where(m => m.ItemId == id).Sum(m => m.ToKind == AccountKind.Recipients ? m.Quantity : m.FromKind == AccountKind.Recipients ? -m.Quantity : 0),
                    item.GetProperty("quantityOut").GetInt64());
            }
            // the date of the data is the newest movement counted
            var newest = moves.Max(m => m.At);
            Assert.True(Math.Abs((json.GetProperty("dataAt").GetDateTime().ToUniversalTime() - DateTime.SpecifyKind(newest, DateTimeKind.Utc)).TotalMilliseconds) < 1,
                $"dataAt {json.GetProperty("dataAt")} vs {newest:O}");
        }
    }
}
