using Lachan.Features.Relief.Supplies;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lachan.Tests.Integration.Relief;

/// <summary>SupplyIssues.IssueAsync on both databases: stock drawn in the same save as the issue, never below zero even
/// under concurrency, a repeated key recorded once, the per-worker limits in force.</summary>
public sealed class SupplyIssueTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    private static readonly DateOnly Day = new(2021, 6, 2);

    private static async Task<IssueResult> IssueAsync(LachanApp app, IssueRequest request)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SupplyIssues>().IssueAsync(request, CancellationToken.None);
    }

    private static IssueRequest Packages(SupplyWorld w, long quantity, string? ticket = null, string? key = null, int? worker = null) =>
        new(key ?? Guid.NewGuid().ToString("N"), w.Point.Id, Day, IssueChannel.Counter, worker, worker is null ? ticket ?? NewTicket() : null,
            [new IssueLine(SupplyWorld.Package, quantity)]);

    private static string NewTicket() => "HT" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private static Task<long> StockAsync(LachanApp app, SupplyWorld w, int? item) => app.WithDbAsync(db =>
        db.Set<Holding>().Where(h => h.Kind == AccountKind.Point && h.Ref == w.Point.Id && h.ItemId == item).SumAsync(h => h.Quantity));

    [Theory, BothProviders]
    public async Task An_issue_draws_the_points_stock_and_writes_its_movements_and_audit(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await SupplyWorld.CreateAsync(app, packages: 3, rice: 5);
        var request = new IssueRequest(Guid.NewGuid().ToString("N"), w.Point.Id, Day, IssueChannel.Delivery, null, NewTicket(),
            [new IssueLine(SupplyWorld.Package, 1), new IssueLine(SupplyWorld.Rice, 2)]);
        var issued = Assert.IsType<IssueResult.Issued>(await IssueAsync(app, request));

        Assert.Equal((2L, 3L), (await StockAsync(app, w, SupplyWorld.Package), await StockAsync(app, w, SupplyWorld.Rice)));
        await app.WithDbAsync(async db =>
        {
            var moves = await db.Set<LedgerMovement>().Where(m => m.ReliefIssueId == issued.IssueId).OrderBy(m => m.ItemId).ToListAsync();
            Assert.Equal([(SupplyWorld.Package, 1L, 100_000L), (SupplyWorld.Rice, 2L, 200_000L)], moves.Select(m => (m.ItemId!.Value, m.Quantity, m.Value)));
            Assert.All(moves, m => Assert.Equal((AccountKind.Point, w.Point.Id, AccountKind.Recipients, (int)IssueChannel.Delivery, w.Donation.Id, DonorKind.Company),
                (m.FromKind, m.FromRef, m.ToKind, m.ToRef, m.DonationId, m.SourceKind)));
            Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.EntityType == nameof(ReliefIssue) && a.EntityId == request.IdempotencyKey));
            return 0;
        });
    }

    [Theory, BothProviders]
    public async Task An_issue_that_would_make_stock_negative_is_refused_naming_the_item_and_draws_nothing(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await SupplyWorld.CreateAsync(app, packages: 1, rice: 1);
        var request = new IssueRequest(Guid.NewGuid().ToString("N"), w.Point.Id, Day, IssueChannel.Counter, null, NewTicket(),
            [new IssueLine(SupplyWorld.Package, 1), new IssueLine(SupplyWorld.Rice, 2)]);
        var low = Assert.IsType<IssueResult.StockTooLow>(await IssueAsync(app, request));
        Assert.Equal((SupplyWorld.Rice, "Gạo 10 kg", 1L), (low.ItemId!.Value, low.ItemName, low.Available));
        Assert.Equal((1L, 1L), (await StockAsync(app, w, SupplyWorld.Package), await StockAsync(app, w, SupplyWorld.Rice)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ReliefIssue>().CountAsync(i => i.IdempotencyKey == request.IdempotencyKey)));
    }

    [Theory, BothProviders]
    public async Task The_database_refuses_a_negative_stock_even_if_the_code_were_wrong(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await SupplyWorld.CreateAsync(app, packages: 1);
        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            var h = await db.Set<Holding>().SingleAsync(x => x.Kind == AccountKind.Point && x.Ref == w.Point.Id);
            h.Quantity = -1;
            return await db.SaveChangesAsync();
        }));
    }

    [Theory, BothProviders]
    public async Task Two_issues_of_the_last_unit_at_once_one_wins_and_stock_stays_at_zero(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        for (var round = 0; round < 3; round++)
        {
            var w = await SupplyWorld.CreateAsync(app, packages: 1);
            var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => IssueAsync(app, Packages(w, 1)))));
            Assert.Single(results.OfType<IssueResult.Issued>());
            Assert.Equal(0L, Assert.Single(results.OfType<IssueResult.StockTooLow>()).Available);
            Assert.Equal(0L, await StockAsync(app, w, SupplyWorld.Package));
            Assert.Equal(1L, await app.WithDbAsync(db => db.Set<LedgerMovement>().Where(m => m.FromKind == AccountKind.Point && m.FromRef == w.Point.Id).SumAsync(m => m.Quantity)));
        }
    }

    [Theory, BothProviders]
    public async Task A_repeated_confirmation_is_recorded_once_even_when_sent_twice_at_once(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await SupplyWorld.CreateAsync(app, packages: 10);
        var request = Packages(w, 1);
        var first = Assert.IsType<IssueResult.Issued>(await IssueAsync(app, request));
        Assert.Equal(new IssueResult.AlreadyRecorded(first.IssueId), await IssueAsync(app, request));

        // a race is rare in one try: several rounds, and a failure names both answers
        for (var round = 0; round < 5; round++)
        {
            var doubled = Packages(w, 1);
            var both = await Task.WhenAll(Task.Run(() => IssueAsync(app, doubled)), Task.Run(() => IssueAsync(app, doubled)));
            var issued = both.OfType<IssueResult.Issued>().ToList();
            Assert.True(issued.Count == 1, $"round {round}: {both[0]} / {both[1]}");
            Assert.Equal([new IssueResult.AlreadyRecorded(issued[0].IssueId)], both.OfType<IssueResult.AlreadyRecorded>());
        }
        Assert.Equal(4L, await StockAsync(app, w, SupplyWorld.Package));
    }

    [Theory, BothProviders]
    public async Task A_second_basic_package_within_seven_days_is_refused_by_the_seeded_rule(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var registry = await TestRegistry.AddAsync(app);
        var w = await SupplyWorld.CreateAsync(app, packages: 10);
        Assert.IsType<IssueResult.Issued>(await IssueAsync(app, Packages(w, 1, worker: registry.WorkerOwn.Id)));
        var refused = Assert.IsType<IssueResult.LimitReached>(await IssueAsync(app, Packages(w, 1, worker: registry.WorkerOwn.Id) with { Day = Day.AddDays(6) }));
        Assert.Equal(("basic-package-7d", 7), (refused.Rule, refused.WindowDays));
        Assert.IsType<IssueResult.Issued>(await IssueAsync(app, Packages(w, 1, worker: registry.WorkerOwn.Id) with { Day = Day.AddDays(7) }));
        // the ticket of a recipient outside the registry is limited the same way
        var ticket = NewTicket();
        Assert.IsType<IssueResult.Issued>(await IssueAsync(app, Packages(w, 1, ticket)));
        Assert.IsType<IssueResult.LimitReached>(await IssueAsync(app, Packages(w, 1, ticket)));
        Assert.Equal(7L, await StockAsync(app, w, SupplyWorld.Package));
    }

    [Theory, BothProviders]
    public async Task Cash_is_drawn_from_the_points_money_and_refused_beyond_it(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await SupplyWorld.CreateAsync(app, packages: 0, money: 700_000);
        IssueRequest Cash(long amount) => new(Guid.NewGuid().ToString("N"), w.Point.Id, Day, IssueChannel.Cash, null, NewTicket(), [], amount);
        Assert.IsType<IssueResult.Issued>(await IssueAsync(app, Cash(500_000)));
        var low = Assert.IsType<IssueResult.StockTooLow>(await IssueAsync(app, Cash(500_000)));
        Assert.Equal((null, 200_000L), (low.ItemId, low.Available));
        Assert.Equal(200_000L, await StockAsync(app, w, null));
    }

    [Theory, BothProviders]
    public async Task Bad_requests_are_refused_field_by_field_and_unknown_places_are_not_found(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await SupplyWorld.CreateAsync(app, packages: 1);
        var invalid = Assert.IsType<IssueResult.Invalid>(await IssueAsync(app,
            new IssueRequest("", w.Point.Id, Day, IssueChannel.Counter, null, null, [new IssueLine(SupplyWorld.Package, 0)])));
        Assert.Equal(["IdempotencyKey", "Lines", "Recipient"], invalid.Errors.Keys.Order());
        Assert.IsType<IssueResult.NotFound>(await IssueAsync(app, Packages(w, 1) with { PointId = -5 }));
        Assert.IsType<IssueResult.NotFound>(await IssueAsync(app, Packages(w, 1) with { Lines = [new IssueLine(9999, 1)] }));
        Assert.IsType<IssueResult.NotFound>(await IssueAsync(app, Packages(w, 1, worker: -7)));
    }
}
