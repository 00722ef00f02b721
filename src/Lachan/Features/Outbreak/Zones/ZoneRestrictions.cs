using Lachan.Features.Outbreak.Contracts;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Zones;

/// <summary>What the zones' orders in force on a day stop and lock: each stopped enterprise with the order that stops it,
/// and each locked lodging house (in a locked commune, or in a locked lodging cluster) with the first day of the order
/// that locks it (the earliest when two do). One rule for "who is affected", the outbreak's published facts on a day
/// and over a period (support payments).</summary>
public sealed record ZoneRestrictions(List<(Enterprise Enterprise, ZoneOrder Order)> Stopping, Dictionary<int, DateOnly> LockedHouses)
{
    /// <param name="onlyHouse">Only this lodging house is asked about (one request's priority): the rest are not loaded.</param>
    public static async Task<ZoneRestrictions> OnAsync(LachanDb db, IReadOnlyList<ControlZone> zones, IEnumerable<Enterprise> enterprises, DateOnly day,
        CancellationToken ct, int? onlyHouse = null)
    {
        var stopping = enterprises.Select(e => (e, ZoneTimeline.StoppingOrder(e, zones, day))).Where(x => x.Item2 is not null).Select(x => (x.e, x.Item2!)).ToList();
        var locking = zones.Select(z => (Zone: z, Order: ZoneTimeline.InForce(z.Orders, day)))
            .Where(x => x.Order is not null && ZoneTimeline.Restricts(x.Order.Level))
            .Select(x => (x.Zone, x.Order!.EffectiveFrom)).ToList();
        var houses = await LockedHousesAsync(db, locking, onlyHouse, ct);
        return new ZoneRestrictions(stopping, houses.ToDictionary(h => h.Key, h => h.Value.Min()));
    }

    /// <summary>The same over a period: for each enterprise stopped and each house locked on some day of it, the stretches
    /// of days (clipped to the period).</summary>
    public static async Task<PeriodRestrictions> BetweenAsync(LachanDb db, IReadOnlyList<ControlZone> zones, IEnumerable<Enterprise> enterprises,
        DateOnly from, DateOnly to, CancellationToken ct)
    {
        var stopped = new Dictionary<int, IReadOnlyList<DaySpan>>();
        foreach (var e in enterprises)
            if (Clip(ZoneTimeline.StoppedPeriods(e, zones), from, to) is { Count: > 0 } spans) stopped[e.Id] = spans;
        var locking = zones.SelectMany(z => Clip(ZoneTimeline.Periods(z.Orders).Where(p => ZoneTimeline.Restricts(p.Level)), from, to).Select(s => (z, s))).ToList();
        var houses = await LockedHousesAsync(db, locking, null, ct);
        return new PeriodRestrictions(stopped, houses.ToDictionary(h => h.Key, h => (IReadOnlyList<DaySpan>)h.Value));
    }

    /// <summary>The one rule of what a restricting zone locks: every lodging house of a locked commune, and the houses of
    /// a locked cluster. Each house gets every lock (a first day, a span) that falls on it.</summary>
    private static async Task<Dictionary<int, List<T>>> LockedHousesAsync<T>(LachanDb db, List<(ControlZone Zone, T Lock)> locking, int? onlyHouse,
        CancellationToken ct)
    {
        var houses = new Dictionary<int, List<T>>();
        void Add(int house, T value)
        {
            if (!houses.TryGetValue(house, out var list)) houses[house] = list = [];
            list.Add(value);
        }
        var communes = locking.Where(x => x.Zone.Kind == ControlZoneKind.Commune).ToLookup(x => x.Zone.CommuneCode!, x => x.Lock);
        if (communes.Count > 0)
        {
            var codes = communes.Select(c => c.Key).ToList();
            var inCommunes = db.Set<LodgingHouse>().AsNoTracking().Where(l => codes.Contains(l.CommuneCode));
            if (onlyHouse is int only) inCommunes = inCommunes.Where(l => l.Id == only);
            foreach (var h in await inCommunes.Select(l => new { l.Id, l.CommuneCode }).ToListAsync(ct))
                foreach (var value in communes[h.CommuneCode]) Add(h.Id, value);
        }
        foreach (var (zone, value) in locking)
            foreach (var l in zone.LodgingHouses)
                if (onlyHouse is null || l.LodgingHouseId == onlyHouse) Add(l.LodgingHouseId, value);
        return houses;
    }

    private static List<DaySpan> Clip(IEnumerable<ZonePeriod> periods, DateOnly from, DateOnly to) =>
        periods.Where(p => p.From <= to && (p.To is null || p.To >= from))
            .Select(p => new DaySpan(p.From < from ? from : p.From, p.To is null || p.To > to ? to : p.To)).ToList();
}
