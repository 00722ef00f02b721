using Lachan.Features.Registry.Contracts;

namespace Lachan.Features.Outbreak.Zones;

/// <summary>A stretch of days governed by one order (or by none: normal). To is inclusive; null means open-ended.</summary>
public sealed record ZonePeriod(DateOnly From, DateOnly? To, ZoneLevel Level, ZoneOrder? Order);

/// <summary>How orders make a zone's status on each day. Pure, so every rule is unit-tested:
/// the latest order by effective date (then decision date) governs from its effective date and supersedes the
/// earlier ones for good; it stops governing after its last day or from the day it is lifted, and the zone is then
/// normal. An order lifted on or before its first day was cancelled and never counts. Future orders are planned.</summary>
public static class ZoneTimeline
{
    /// <summary>Lockdown and medical isolation stop the enterprises inside and lock the lodging houses inside.</summary>
    public static bool Restricts(ZoneLevel level) => level >= ZoneLevel.MedicalIsolation;

    public static bool Counts(ZoneOrder o) => o.LiftedOn is not { } lifted || lifted > o.EffectiveFrom;

    public static ZoneOrder? InForce(IEnumerable<ZoneOrder> orders, DateOnly day)
    {
        var latest = orders.Where(o => Counts(o) && o.EffectiveFrom <= day).MaxBy(o => (o.EffectiveFrom, o.DecisionDate, o.Id));
        if (latest is null) return null;
        if (latest.EffectiveTo is { } last && day > last) return null;
        if (latest.LiftedOn is { } lifted && day >= lifted) return null;
        return latest;
    }

    public static ZoneLevel LevelOn(IEnumerable<ZoneOrder> orders, DateOnly day) => InForce(orders, day)?.Level ?? ZoneLevel.Normal;

    /// <summary>The days between from and to (inclusive) on which the zone goes into lockdown: locked that day and not the
    /// day before. A new lockdown order that follows one in force (the exemptions of 24/05/2021) starts no lockdown.</summary>
    public static IReadOnlyList<DateOnly> LockdownStarts(IReadOnlyCollection<ZoneOrder> orders, DateOnly from, DateOnly to) =>
        orders.Where(o => Counts(o) && o.Level == ZoneLevel.Lockdown && o.EffectiveFrom >= from && o.EffectiveFrom <= to)
            .Select(o => o.EffectiveFrom).Distinct().Order()
            .Where(d => LevelOn(orders, d) == ZoneLevel.Lockdown && LevelOn(orders, d.AddDays(-1)) != ZoneLevel.Lockdown).ToList();

    /// <summary>The zone's status from its first order on, each period with the order that made it (none: normal).</summary>
    public static IReadOnlyList<ZonePeriod> Periods(IReadOnlyCollection<ZoneOrder> orders) =>
        Stretches(ChangeDays(orders), day => InForce(orders, day))
            .Select(s => new ZonePeriod(s.From, s.To, s.Value?.Level ?? ZoneLevel.Normal, s.Value)).ToList();

    /// <summary>The order that stops the enterprise on the day: a restricting order in force on a zone that contains it
    /// and does not exempt it. Null: not stopped by any order.</summary>
    public static ZoneOrder? StoppingOrder(Enterprise e, IEnumerable<ControlZone> zones, DateOnly day) =>
        zones.Where(z => Contains(z, e))
            .Select(z => InForce(z.Orders, day))
            .FirstOrDefault(o => o is not null && Restricts(o.Level) && o.Exemptions.All(x => x.EnterpriseId != e.Id));

    /// <summary>The periods in which orders stopped the enterprise (what its status history shows as the reason).</summary>
    public static IReadOnlyList<ZonePeriod> StoppedPeriods(Enterprise e, IReadOnlyCollection<ControlZone> zones)
    {
        var mine = zones.Where(z => Contains(z, e)).ToList();
        return Stretches(ChangeDays(mine.SelectMany(z => z.Orders)), day => StoppingOrder(e, mine, day))
            .Where(s => s.Value is not null)
            .Select(s => new ZonePeriod(s.From, s.To, s.Value!.Level, s.Value)).ToList();
    }

    public static bool Contains(ControlZone z, Enterprise e) => z.Kind switch
    {
        ControlZoneKind.IndustrialZone => e.IndustrialZoneId is { } iz && z.IndustrialZoneId == iz,
        ControlZoneKind.Commune => z.CommuneCode == e.CommuneCode,
        ControlZoneKind.EnterpriseSite => z.EnterpriseId == e.Id,
        _ => false,
    };

    /// <summary>Days on which some order starts, ends or is lifted: the status can only change on them.</summary>
    private static List<DateOnly> ChangeDays(IEnumerable<ZoneOrder> orders) =>
        orders.Where(Counts)
            .SelectMany(o => new[] { o.EffectiveFrom, o.EffectiveTo?.AddDays(1), o.LiftedOn })
            .OfType<DateOnly>().Distinct().Order().ToList();

    private sealed record Stretch<T>(DateOnly From, DateOnly? To, T? Value);

    /// <summary>Evaluates the value on each change day and merges neighbours with the same value.</summary>
    private static List<Stretch<T>> Stretches<T>(List<DateOnly> days, Func<DateOnly, T?> at) where T : class
    {
        var result = new List<Stretch<T>>();
        foreach (var day in days)
        {
            var value = at(day);
            if (result.Count > 0 && ReferenceEquals(result[^1].Value, value)) continue;
            if (result.Count > 0) result[^1] = result[^1] with { To = day.AddDays(-1) };
            else if (value is null) continue;   // nothing before the first order
            result.Add(new Stretch<T>(day, null, value));
        }
        return result;
    }
}
