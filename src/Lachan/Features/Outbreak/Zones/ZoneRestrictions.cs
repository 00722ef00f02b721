using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Zones;

/// <summary>What the zones' orders in force on a day stop and lock: each stopped enterprise with the order that stops it,
/// and each locked lodging house (in a locked commune, or in a locked lodging cluster) with the first day of the order
/// that locks it (the earliest when two do). One rule for "who is affected" and the outbreak's published facts.</summary>
public sealed record ZoneRestrictions(List<(Enterprise Enterprise, ZoneOrder Order)> Stopping, Dictionary<int, DateOnly> LockedHouses)
{
    public static async Task<ZoneRestrictions> OnAsync(LachanDb db, IReadOnlyList<ControlZone> zones, IEnumerable<Enterprise> enterprises, DateOnly day,
        CancellationToken ct)
    {
        var stopping = enterprises.Select(e => (e, ZoneTimeline.StoppingOrder(e, zones, day))).Where(x => x.Item2 is not null).Select(x => (x.e, x.Item2!)).ToList();

        var locked = zones.Select(z => (Zone: z, Order: ZoneTimeline.InForce(z.Orders, day)))
            .Where(x => x.Order is not null && ZoneTimeline.Restricts(x.Order.Level)).ToList();
        var communes = new Dictionary<string, DateOnly>();
        foreach (var (zone, order) in locked.Where(x => x.Zone.Kind == ControlZoneKind.Commune))
            communes[zone.CommuneCode!] = communes.TryGetValue(zone.CommuneCode!, out var other) && other < order!.EffectiveFrom ? other : order!.EffectiveFrom;
        var clusters = locked.SelectMany(x => x.Zone.LodgingHouses.Select(l => (l.LodgingHouseId, Since: x.Order!.EffectiveFrom))).ToList();

        var houses = new Dictionary<int, DateOnly>();
        void Lock(int house, DateOnly since) => houses[house] = houses.TryGetValue(house, out var other) && other < since ? other : since;
        if (communes.Count > 0)
        {
            var codes = communes.Keys.ToList();
            foreach (var h in await db.Set<LodgingHouse>().AsNoTracking().Where(l => codes.Contains(l.CommuneCode)).Select(l => new { l.Id, l.CommuneCode }).ToListAsync(ct))
                Lock(h.Id, communes[h.CommuneCode]);
        }
        foreach (var (house, since) in clusters) Lock(house, since);
        return new ZoneRestrictions(stopping, houses);
    }
}
