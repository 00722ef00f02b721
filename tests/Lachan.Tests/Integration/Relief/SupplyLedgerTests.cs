using System.Net;
using System.Text.Json;
using Lachan.Features.Relief.Supplies;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lachan.Tests.Integration.Relief;

/// <summary>Donations, allocations, transfers, issues and reversals on both databases: every holding equals what the
/// ledger moved into and out of it, reversals only mirror, and the public transparency totals equal a direct sum of the
/// ledger without any personal data.</summary>
public sealed class SupplyLedgerTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    private static readonly DateOnly Day = new(2021, 5, 25);

    internal static async Task<T> WithAsync<T>(LachanApp app, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private static Task<PostResult> LedgerAsync(LachanApp app, Func<SupplyLedger, Task<PostResult>> work) =>
        WithAsync(app, s => work(s.GetRequiredService<SupplyLedger>()));

    private static async Task<(SupplyPoint A, SupplyPoint B)> PointsAsync(LachanApp app)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var a = new SupplyPoint { Name = "Điểm A " + tag, CommuneCode = "X", Address = "a" };
        var b = new SupplyPoint { Name = "Điểm B " + tag, CommuneCode = "X", Address = "b" };
        await app.WithDbAsync(async db => { db.AddRange(a, b); return await db.SaveChangesAsync(); });
        return (a, b);
    }

    [Theory, BothProviders]
    public async Task Every_posting_keeps_each_holding_equal_to_its_ledger_and_reversals_only_mirror(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var (a, b) = await PointsAsync(app);
        var company = Assert.IsType<PostResult.Posted>(await LedgerAsync(app, l => l.ReceiveAsync(
            new DonationInput(DonorKind.Company, "Công ty Sổ Cái " + a.Name, "0101", Day, 10_000_000, [new DonatedGoods(1, 20, a.Id, "L1", new(2021, 12, 1))]), default)));
        var person = Assert.IsType<PostResult.Posted>(await LedgerAsync(app, l => l.ReceiveAsync(
            new DonationInput(DonorKind.Individual, "Nguyễn Thị Hảo Tâm", null, Day, 1_000_000, []), default)));
        Assert.IsType<PostResult.Posted>(await LedgerAsync(app, l => l.AllocateAsync(new AllocationInput(AccountKind.Point, a.Id, Day, 3_000_000), default)));
        var transfer = Assert.IsType<PostResult.Posted>(await LedgerAsync(app, l => l.TransferAsync(new TransferInput(a.Id, b.Id, 1, 5, Day), default)));
        await WithAsync(app, s => s.GetRequiredService<SupplyIssues>().IssueAsync(new IssueRequest(Guid.NewGuid().ToString("N"), b.Id, Day, IssueChannel.Counter, null, "T-" + a.Id, [new IssueLine(1, 1)]), default));
        Assert.IsType<IssueResult.Issued>(await WithAsync(app, s => s.GetRequiredService<SupplyIssues>().IssueAsync(
            new IssueRequest(Guid.NewGuid().ToString("N"), a.Id, Day, IssueChannel.Cash, null, "C-" + a.Id, [], 500_000), default)));

        // refusals: more than the source holds, a transfer whose goods were partly issued, a second reversal
        Assert.IsType<PostResult.TooLow>(await LedgerAsync(app, l => l.TransferAsync(new TransferInput(a.Id, b.Id, 1, 16, Day), default)));
        Assert.Equal(new PostResult.TooLow(4), await LedgerAsync(app, l => l.ReverseAsync(transfer.Id, Day, default)));
        var gift = await app.WithDbAsync(db => db.Set<LedgerMovement>().Where(m => m.DonationId == (int)person.Id && m.Reason == MovementReason.Donation).Select(m => m.Id).SingleAsync());
        var reversal = Assert.IsType<PostResult.Posted>(await LedgerAsync(app, l => l.ReverseAsync(gift, Day.AddDays(1), default)));
        Assert.IsType<PostResult.Invalid>(await LedgerAsync(app, l => l.ReverseAsync(gift, Day.AddDays(1), default)));
        Assert.IsType<PostResult.Invalid>(await LedgerAsync(app, l => l.ReverseAsync(reversal.Id, Day.AddDays(1), default)));

        await app.WithDbAsync(async db =>
        {
            Assert.Equal(15L, await Held(db, AccountKind.Point, a.Id, 1));
            Assert.Equal(4L, await Held(db, AccountKind.Point, b.Id, 1));
            Assert.Equal(2_500_000L, await Held(db, AccountKind.Point, a.Id, null));
            // the cash handed out is traced back: recipients ← point A ← fund ← a donor, on the same donation (the fund is
            // shared with the other tests of the class, so which donation is the fund's oldest money is not fixed here)
            var cash = await db.Set<LedgerMovement>().AsNoTracking().Where(m => m.ToKind == AccountKind.Recipients && m.ItemId == null && m.FromRef == a.Id).ToListAsync();
            Assert.Equal(500_000L, cash.Sum(m => m.Value));
            foreach (var m in cash)
            {
                Assert.True(await db.Set<LedgerMovement>().AnyAsync(x => x.DonationId == m.DonationId && x.FromKind == AccountKind.Fund && x.ToKind == AccountKind.Point && x.ToRef == a.Id));
                Assert.True(await db.Set<LedgerMovement>().AnyAsync(x => x.DonationId == m.DonationId && x.FromKind == AccountKind.Donor && x.ToKind == AccountKind.Fund));
            }
            var original = await db.Set<LedgerMovement>().AsNoTracking().SingleAsync(m => m.Id == gift);
            var mirror = await db.Set<LedgerMovement>().AsNoTracking().SingleAsync(m => m.Id == reversal.Id);
            Assert.Equal((original.ToKind, original.FromKind, original.Value, (long?)original.Id), (mirror.FromKind, mirror.ToKind, mirror.Value, mirror.ReversesId));
            Assert.True(await db.AuditEvents.CountAsync(e => e.EntityType == nameof(Donation) || e.EntityType == nameof(LedgerMovement)) >= 5);
            await AssertHoldingsEqualLedgerAsync(db);
            return 0;
        });
    }

    private static Task<long> Held(LachanDb db, AccountKind kind, int refId, int? item) =>
        db.Set<Holding>().Where(h => h.Kind == kind && h.Ref == refId && h.ItemId == item).SumAsync(h => h.Quantity);

    /// <summary>The ledger's balance: for every account that holds goods or money, per item and donation, what it holds
    /// is what the movements brought in minus what they took out.</summary>
    internal static async Task AssertHoldingsEqualLedgerAsync(LachanDb db)
    {
        var moves = await db.Set<LedgerMovement>().AsNoTracking().ToListAsync();
        var ledger = moves.Where(m => SupplyLedger.Holds(m.ToKind)).Select(m => (m.ToKind, m.ToRef, m.ItemId, m.DonationId, Q: m.Quantity))
            .Concat(moves.Where(m => SupplyLedger.Holds(m.FromKind)).Select(m => (m.FromKind, m.FromRef, m.ItemId, m.DonationId, Q: -m.Quantity)))
            .GroupBy(x => (x.Item1, x.Item2, x.ItemId, x.DonationId)).ToDictionary(g => g.Key, g => g.Sum(x => x.Q));
        var held = (await db.Set<Holding>().AsNoTracking().ToListAsync())
            .GroupBy(h => (h.Kind, h.Ref, h.ItemId, h.DonationId)).ToDictionary(g => g.Key, g => g.Sum(h => h.Quantity));
        var keys = ledger.Keys.Union(held.Keys).ToList();
        Assert.NotEmpty(keys);
        var wrong = keys.Where(k => ledger.GetValueOrDefault(k) != held.GetValueOrDefault(k)).Select(k => $"{k}: ledger {ledger.GetValueOrDefault(k)}, held {held.GetValueOrDefault(k)}").ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory, BothProviders]
    public async Task The_public_totals_equal_a_direct_sum_of_the_ledger_and_name_nobody(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var (a, _) = await PointsAsync(app);
        const string donor = "Trần Văn Kín Danh";
        await LedgerAsync(app, l => l.ReceiveAsync(new DonationInput(DonorKind.Individual, donor, null, Day, 2_000_000, [new DonatedGoods(2, 10, a.Id)]), default));
        await LedgerAsync(app, l => l.ReceiveAsync(new DonationInput(DonorKind.LabourFederation, "LĐLĐ " + a.Name, null, Day.AddDays(3), 5_000_000, []), default));
        await LedgerAsync(app, l => l.AllocateAsync(new AllocationInput(AccountKind.Point, a.Id, Day.AddDays(3), 6_000_000), default));
        await WithAsync(app, s => s.GetRequiredService<SupplyIssues>().IssueAsync(new IssueRequest(Guid.NewGuid().ToString("N"), a.Id, Day.AddDays(4), IssueChannel.Delivery, null, "P-" + a.Id, [new IssueLine(2, 3)]), default));
        await WithAsync(app, s => s.GetRequiredService<SupplyIssues>().IssueAsync(new IssueRequest(Guid.NewGuid().ToString("N"), a.Id, Day.AddDays(4), IssueChannel.Cash, null, "Q-" + a.Id, [], 400_000), default));

        var anonymous = app.NewClient();
        foreach (var asOf in new[] { Day.AddDays(2), Day.AddDays(10) })
        {
            var body = await PublicTotalsEqualTheLedgerAsync(app, anonymous, asOf);
            Assert.DoesNotContain(donor, body);
            var json = JsonDocument.Parse(body).RootElement;
            Assert.Equal(asOf.ToString("yyyy-MM-dd"), json.GetProperty("asOf").GetString());
            if (asOf == Day.AddDays(10))
            {
                Assert.True(json.GetProperty("money").GetProperty("out").GetInt64() >= 400_000);
                Assert.Contains(json.GetProperty("items").EnumerateArray(), i => i.GetProperty("code").GetString() == "GAO-10" && i.GetProperty("quantityOut").GetInt64() >= 3);
            }
        }

        var bad = await anonymous.GetAsync("/api/v1/public/transparency?asOf=31-02-2021");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("asOf", await bad.Content.ReadAsStringAsync());

        var page = await anonymous.GetAsync($"/Relief/Supplies/Transparency?Date={Day.AddDays(10):yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.PageAsync();
        Assert.DoesNotContain(donor, html);
        Assert.Contains("data-testid=\"money-in\"", html);
    }

    /// <summary>The public totals up to a day against a direct sum of the movements: in and out of money and goods, by kind
    /// of source and by use. Returns the answer's body.</summary>
    internal static async Task<string> PublicTotalsEqualTheLedgerAsync(LachanApp app, HttpClient anonymous, DateOnly asOf)
    {
        var response = await anonymous.GetAsync($"/api/v1/public/transparency?asOf={asOf:yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var json = JsonDocument.Parse(body).RootElement;
        var moves = await app.WithDbAsync(db => db.Set<LedgerMovement>().AsNoTracking().Where(m => m.Day <= asOf).ToListAsync());
        long Sum(bool money, Func<LedgerMovement, bool> plus, Func<LedgerMovement, bool> minus) =>
            moves.Where(m => (m.ItemId is null) == money).Sum(m => plus(m) ? m.Value : minus(m) ? -m.Value : 0);
        foreach (var (name, money) in new[] { ("money", true), ("goods", false) })
        {
            var flow = json.GetProperty(name);
            Assert.Equal(Sum(money, m => m.FromKind == AccountKind.Donor, m => m.ToKind == AccountKind.Donor), flow.GetProperty("in").GetInt64());
            Assert.Equal(Sum(money, m => m.ToKind == AccountKind.Recipients, m => m.FromKind == AccountKind.Recipients), flow.GetProperty("out").GetInt64());
            foreach (var source in flow.GetProperty("inBySource").EnumerateArray())
                Assert.Equal(Sum(money, m => m.FromKind == AccountKind.Donor && m.SourceKind.ToString() == source.GetProperty("key").GetString(), m => m.ToKind == AccountKind.Donor && m.SourceKind.ToString() == source.GetProperty("key").GetString()),
                    source.GetProperty("value").GetInt64());
            foreach (var use in flow.GetProperty("outByUse").EnumerateArray())
            {
                var channel = (int)Enum.Parse<IssueChannel>(use.GetProperty("key").GetString()!);
                Assert.Equal(Sum(money, m => m.ToKind == AccountKind.Recipients && m.ToRef == channel, m => m.FromKind == AccountKind.Recipients && m.FromRef == channel), use.GetProperty("value").GetInt64());
            }
        }
        return body;
    }
}
