using Lachan.Features.Outbreak.Zones;
using Lachan.Features.Registry.Contracts;

namespace Lachan.Tests.Unit.Outbreak;

public sealed class ZoneTimelineTests
{
    private static readonly DateOnly May18 = new(2021, 5, 18);
    private static int _id;

    private static ZoneOrder Order(ZoneLevel level, DateOnly from, DateOnly? to = null, DateOnly? lifted = null, DateOnly? decided = null, params int[] exempt) => new()
    {
        Id = ++_id, Level = level, DecisionNumber = "QĐ " + _id, IssuedBy = "BCĐ", DecisionDate = decided ?? from.AddDays(-1),
        EffectiveFrom = from, EffectiveTo = to, LiftedOn = lifted, Exemptions = exempt.Select(e => new ZoneOrderExemption { EnterpriseId = e }).ToList(),
    };

    private static Enterprise InZone(int id, int zoneId, string commune = "07756") => new()
    {
        Id = id, TaxCode = "24000000" + id, Name = "DN " + id, NameSearch = "", IndustrialZoneId = zoneId, CommuneCode = commune, DistrictCode = "222", ProvinceCode = "24",
    };

    private static ControlZone IzZone(int izId, params ZoneOrder[] orders) =>
        new() { Id = izId * 10, Name = "KCN", Kind = ControlZoneKind.IndustrialZone, IndustrialZoneId = izId, ProvinceCode = "24", Orders = [.. orders] };

    [Fact]
    public void No_order_means_normal_and_an_order_governs_from_its_first_day()
    {
        var lockdown = Order(ZoneLevel.Lockdown, May18);
        Assert.Equal(ZoneLevel.Normal, ZoneTimeline.LevelOn([], May18));
        Assert.Equal(ZoneLevel.Normal, ZoneTimeline.LevelOn([lockdown], May18.AddDays(-1)));
        Assert.Equal(ZoneLevel.Lockdown, ZoneTimeline.LevelOn([lockdown], May18));
        Assert.Equal(ZoneLevel.Lockdown, ZoneTimeline.LevelOn([lockdown], May18.AddYears(1)));   // open-ended
    }

    [Fact]
    public void The_last_day_is_inclusive_and_lifting_ends_the_order_on_its_day()
    {
        var bounded = Order(ZoneLevel.MedicalIsolation, May18, to: May18.AddDays(13));
        Assert.Equal(ZoneLevel.MedicalIsolation, ZoneTimeline.LevelOn([bounded], May18.AddDays(13)));
        Assert.Equal(ZoneLevel.Normal, ZoneTimeline.LevelOn([bounded], May18.AddDays(14)));

        var lifted = Order(ZoneLevel.Lockdown, May18, lifted: May18.AddDays(10));
        Assert.Equal(ZoneLevel.Lockdown, ZoneTimeline.LevelOn([lifted], May18.AddDays(9)));
        Assert.Equal(ZoneLevel.Normal, ZoneTimeline.LevelOn([lifted], May18.AddDays(10)));
    }

    [Fact]
    public void A_later_order_supersedes_an_earlier_one_for_good_even_when_it_ends_first()
    {
        var lockdown = Order(ZoneLevel.Lockdown, May18);
        var distancing = Order(ZoneLevel.SocialDistancing, May18.AddDays(10), to: May18.AddDays(20));
        ZoneOrder[] orders = [distancing, lockdown];   // order of entry does not matter

        Assert.Equal(ZoneLevel.Lockdown, ZoneTimeline.LevelOn(orders, May18.AddDays(9)));
        Assert.Equal(ZoneLevel.SocialDistancing, ZoneTimeline.LevelOn(orders, May18.AddDays(10)));
        // the open-ended lockdown does not come back when the distancing order ends
        Assert.Equal(ZoneLevel.Normal, ZoneTimeline.LevelOn(orders, May18.AddDays(21)));
    }

    [Fact]
    public void Orders_from_the_same_day_are_ranked_by_decision_date()
    {
        var early = Order(ZoneLevel.Lockdown, May18, decided: May18.AddDays(-3));
        var later = Order(ZoneLevel.MedicalIsolation, May18, decided: May18.AddDays(-1));
        Assert.Same(later, ZoneTimeline.InForce([later, early], May18));
    }

    [Fact]
    public void An_order_lifted_before_it_starts_is_cancelled_and_the_earlier_one_still_governs()
    {
        var lockdown = Order(ZoneLevel.Lockdown, May18);
        var cancelled = Order(ZoneLevel.Normal, May18.AddDays(10), lifted: May18.AddDays(5));
        Assert.Equal(ZoneLevel.Lockdown, ZoneTimeline.LevelOn([lockdown, cancelled], May18.AddDays(12)));
        Assert.False(ZoneTimeline.Counts(cancelled));
    }

    [Fact]
    public void A_future_order_is_planned_the_zone_is_normal_until_then()
    {
        var planned = Order(ZoneLevel.SocialDistancing, new DateOnly(2030, 1, 1));
        Assert.Equal(ZoneLevel.Normal, ZoneTimeline.LevelOn([planned], new DateOnly(2029, 12, 31)));
        Assert.Equal(ZoneLevel.SocialDistancing, ZoneTimeline.LevelOn([planned], new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void Periods_follow_the_orders_with_the_order_behind_each()
    {
        var lockdown = Order(ZoneLevel.Lockdown, May18);
        var distancing = Order(ZoneLevel.SocialDistancing, May18.AddDays(10), to: May18.AddDays(20));
        var periods = ZoneTimeline.Periods([lockdown, distancing]);

        Assert.Equal(
        [
            new ZonePeriod(May18, May18.AddDays(9), ZoneLevel.Lockdown, lockdown),
            new ZonePeriod(May18.AddDays(10), May18.AddDays(20), ZoneLevel.SocialDistancing, distancing),
            new ZonePeriod(May18.AddDays(21), null, ZoneLevel.Normal, null),
        ], periods);
    }

    [Fact]
    public void Lockdown_and_medical_isolation_stop_enterprises_social_distancing_does_not()
    {
        Assert.True(ZoneTimeline.Restricts(ZoneLevel.Lockdown));
        Assert.True(ZoneTimeline.Restricts(ZoneLevel.MedicalIsolation));
        Assert.False(ZoneTimeline.Restricts(ZoneLevel.SocialDistancing));
        Assert.False(ZoneTimeline.Restricts(ZoneLevel.Normal));
    }

    [Fact]
    public void An_IZ_order_stops_its_enterprises_except_the_exempt_and_not_those_of_other_zones()
    {
        var order = Order(ZoneLevel.Lockdown, May18, exempt: 2);
        var zone = IzZone(1, order);
        Assert.Same(order, ZoneTimeline.StoppingOrder(InZone(1, zoneId: 1), [zone], May18));
        Assert.Null(ZoneTimeline.StoppingOrder(InZone(2, zoneId: 1), [zone], May18));          // exempt
        Assert.Null(ZoneTimeline.StoppingOrder(InZone(3, zoneId: 9), [zone], May18));          // another zone
        Assert.Null(ZoneTimeline.StoppingOrder(InZone(1, zoneId: 1), [zone], May18.AddDays(-1)));
    }

    [Fact]
    public void Exemptions_belong_to_one_order_a_later_order_without_them_stops_the_enterprise_again()
    {
        var exempting = Order(ZoneLevel.Lockdown, May18, exempt: 1);
        var tightened = Order(ZoneLevel.Lockdown, May18.AddDays(5));
        var e = InZone(1, zoneId: 1);
        var zone = IzZone(1, exempting, tightened);
        Assert.Null(ZoneTimeline.StoppingOrder(e, [zone], May18.AddDays(4)));
        Assert.Same(tightened, ZoneTimeline.StoppingOrder(e, [zone], May18.AddDays(5)));
    }

    [Fact]
    public void Commune_and_enterprise_site_zones_stop_the_enterprises_inside_a_lodging_cluster_does_not()
    {
        var e = InZone(7, zoneId: 1, commune: "07756");
        var commune = new ControlZone { Name = "Nếnh", Kind = ControlZoneKind.Commune, CommuneCode = "07756", ProvinceCode = "24", Orders = [Order(ZoneLevel.MedicalIsolation, May18)] };
        var site = new ControlZone { Name = "DN 7", Kind = ControlZoneKind.EnterpriseSite, EnterpriseId = 7, ProvinceCode = "24", Orders = [Order(ZoneLevel.Lockdown, May18)] };
        var cluster = new ControlZone { Name = "Cụm", Kind = ControlZoneKind.LodgingCluster, ProvinceCode = "24", Orders = [Order(ZoneLevel.Lockdown, May18)] };
        Assert.NotNull(ZoneTimeline.StoppingOrder(e, [commune], May18));
        Assert.NotNull(ZoneTimeline.StoppingOrder(e, [site], May18));
        Assert.Null(ZoneTimeline.StoppingOrder(e, [cluster], May18));
        Assert.Null(ZoneTimeline.StoppingOrder(InZone(8, zoneId: 1, commune: "07753"), [commune, site], May18));
    }

    [Fact]
    public void The_enterprise_history_shows_each_stop_with_its_order_and_lifting_restores_it()
    {
        var first = Order(ZoneLevel.Lockdown, May18, lifted: May18.AddDays(10));
        var second = Order(ZoneLevel.MedicalIsolation, May18.AddDays(20), to: May18.AddDays(26));
        var e = InZone(1, zoneId: 1);
        var periods = ZoneTimeline.StoppedPeriods(e, [IzZone(1, first, second), IzZone(2, Order(ZoneLevel.Lockdown, May18))]);

        Assert.Equal(
        [
            new ZonePeriod(May18, May18.AddDays(9), ZoneLevel.Lockdown, first),
            new ZonePeriod(May18.AddDays(20), May18.AddDays(26), ZoneLevel.MedicalIsolation, second),
        ], periods);
    }

    [Fact]
    public void A_lockdown_starts_on_the_day_a_zone_goes_into_lockdown_not_when_a_new_lockdown_order_follows_one_in_force()
    {
        var first = Order(ZoneLevel.Lockdown, May18, to: May18.AddDays(5));
        var exemptions = Order(ZoneLevel.Lockdown, May18.AddDays(6), to: May18.AddDays(20), exempt: [7]);   // 24/05: the same lockdown, new exemptions
        var cancelled = Order(ZoneLevel.Lockdown, May18.AddDays(25), lifted: May18.AddDays(25));
        var again = Order(ZoneLevel.Lockdown, May18.AddDays(30));                                          // after a normal stretch: a new lockdown
        ZoneOrder[] orders = [first, exemptions, cancelled, again];
        Assert.Equal([May18, May18.AddDays(30)], ZoneTimeline.LockdownStarts(orders, May18.AddDays(-10), May18.AddDays(40)));
        Assert.Equal([May18.AddDays(30)], ZoneTimeline.LockdownStarts(orders, May18.AddDays(1), May18.AddDays(40)));
        // a lockdown that follows medical isolation at once starts that day
        var isolation = Order(ZoneLevel.MedicalIsolation, May18, to: May18.AddDays(2));
        var locked = Order(ZoneLevel.Lockdown, May18.AddDays(3));
        Assert.Equal([May18.AddDays(3)], ZoneTimeline.LockdownStarts([isolation, locked], May18, May18.AddDays(9)));
    }
}
