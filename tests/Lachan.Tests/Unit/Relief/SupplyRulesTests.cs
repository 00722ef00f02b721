using Lachan.Features.Relief.Supplies;

namespace Lachan.Tests.Unit.Relief;

/// <summary>Per-worker limits as dated rules, and drawing stock lot by lot without going below zero.</summary>
public sealed class SupplyRulesTests
{
    private static readonly DateOnly Day = new(2021, 6, 10);
    private static readonly IssueLimitRule Package = new() { Id = 1, Code = "basic-package-7d", ItemId = 1, MaxPerWindow = 1, WindowDays = 7, EffectiveFrom = new(2021, 1, 1) };
    private static readonly IssueLimitRule Cash = new() { Id = 2, Code = "cash-30d", ItemId = null, MaxPerWindow = 1_000_000, WindowDays = 30, EffectiveFrom = new(2021, 1, 1) };

    private static IssueLimitRule? Check(IEnumerable<IssueLimitRule> rules, long packages, long cash, params SupplyRules.Received[] history) =>
        SupplyRules.Breached(rules, Day, new Dictionary<int, long> { [1] = packages }, cash, history);

    private static SupplyRules.Received R(DateOnly day, int? item, long quantity) => new(day, item, quantity);

    [Fact]
    public void A_second_package_inside_seven_days_is_refused_by_the_rule() =>
        Assert.Same(Package, Check([Package], 1, 0, R(Day.AddDays(-6), 1, 1)));

    [Fact]
    public void A_package_seven_days_after_the_last_is_allowed() =>
        Assert.Null(Check([Package], 1, 0, R(Day.AddDays(-7), 1, 1)));

    [Fact]
    public void Two_packages_at_once_break_a_one_package_limit() => Assert.Same(Package, Check([Package], 2, 0));

    [Fact]
    public void Other_items_do_not_count_towards_the_package_limit() =>
        Assert.Null(Check([Package], 1, 0, R(Day, 2, 5), R(Day, null, 900_000)));

    [Fact]
    public void Cash_adds_up_over_its_window()
    {
        Assert.Same(Cash, Check([Cash], 0, 200_001, R(Day.AddDays(-29), null, 800_000)));
        Assert.Null(Check([Cash], 0, 200_000, R(Day.AddDays(-29), null, 800_000)));
        Assert.Null(Check([Cash], 0, 500_000, R(Day.AddDays(-30), null, 800_000)));
    }

    [Fact]
    public void A_rule_applies_only_inside_its_period()
    {
        var ended = new IssueLimitRule { Id = 3, Code = "old", ItemId = 1, MaxPerWindow = 1, WindowDays = 7, EffectiveFrom = new(2021, 1, 1), EffectiveTo = Day.AddDays(-1) };
        var later = new IssueLimitRule { Id = 4, Code = "later", ItemId = 1, MaxPerWindow = 1, WindowDays = 7, EffectiveFrom = Day.AddDays(1) };
        Assert.Null(Check([ended, later], 2, 0));
        var now = new IssueLimitRule { Id = 5, Code = "now", ItemId = 1, MaxPerWindow = 1, WindowDays = 7, EffectiveFrom = Day };
        Assert.Same(now, Check([ended, now], 2, 0));
    }

    private static Holding Lot(int id, long quantity, DateOnly? expires = null, int donation = 1) =>
        new() { Id = id, Kind = AccountKind.Point, Ref = 9, ItemId = 2, DonationId = donation, ExpiresOn = expires, UnitValue = 150_000, Quantity = quantity };

    private static readonly Dictionary<int, DonorKind> Sources = new() { [1] = DonorKind.Company, [2] = DonorKind.Individual };

    [Fact]
    public void Drawing_more_than_the_lots_hold_takes_nothing()
    {
        var held = new List<Holding> { Lot(1, 2), Lot(2, 3, donation: 2) };
        Assert.Null(Stock.Draw(held, 6, MovementReason.Issue, AccountKind.Recipients, 0, Day, DateTime.UtcNow, "t", Sources));
        Assert.Equal([2L, 3L], held.Select(h => h.Quantity));
    }

    [Fact]
    public void Drawing_takes_lot_by_lot_and_each_lot_is_a_movement_from_its_donation()
    {
        var held = new List<Holding> { Lot(1, 2), Lot(2, 3, donation: 2) };
        var moves = Stock.Draw(held, 4, MovementReason.Issue, AccountKind.Recipients, 0, Day, DateTime.UtcNow, "t", Sources)!;
        Assert.Equal([0L, 1L], held.Select(h => h.Quantity));
        Assert.Equal([(1, 2L, 300_000L, DonorKind.Company), (2, 2L, 300_000L, DonorKind.Individual)],
            moves.Select(m => (m.DonationId, m.Quantity, m.Value, m.SourceKind)));
        Assert.All(moves, m => Assert.Equal((AccountKind.Point, 9, AccountKind.Recipients), (m.FromKind, m.FromRef, m.ToKind)));
    }
}
