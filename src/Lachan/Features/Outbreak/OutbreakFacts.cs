using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Outbreak.Contracts;
using Lachan.Features.Outbreak.Zones;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak;

/// <summary>The outbreak's published facts (<see cref="IOutbreakFacts"/>), from the same orders and timelines as "who is
/// affected" (<see cref="AffectedWorkers"/>). No jurisdiction filter: callers filter the workers they show.</summary>
public sealed class OutbreakFacts(LachanDb db) : IOutbreakFacts
{
    public async Task<DayRestrictions> RestrictionsOnAsync(DateOnly day, CancellationToken ct = default)
    {
        var zones = await db.Set<ControlZone>().WithOrders().ToListAsync(ct);
        var enterprises = await db.Set<Enterprise>().AsNoTracking()
            .Select(e => new Enterprise { Id = e.Id, Name = "", TaxCode = "", NameSearch = "", IndustrialZoneId = e.IndustrialZoneId, CommuneCode = e.CommuneCode, DistrictCode = "", ProvinceCode = "" })
            .ToListAsync(ct);
        var stopped = new Dictionary<int, DateOnly>();
        foreach (var e in enterprises)
            if (ZoneTimeline.StoppingOrder(e, zones, day) is { } order) stopped[e.Id] = order.EffectiveFrom;

        var locked = zones.Select(z => (Zone: z, Order: ZoneTimeline.InForce(z.Orders, day)))
            .Where(x => x.Order is not null && ZoneTimeline.Restricts(x.Order.Level)).ToList();
        var communes = locked.Where(x => x.Zone.Kind == ControlZoneKind.Commune).ToDictionary(x => x.Zone.CommuneCode!, x => x.Order!.EffectiveFrom);
        var clusters = locked.SelectMany(x => x.Zone.LodgingHouses.Select(l => (l.LodgingHouseId, x.Order!.EffectiveFrom))).ToList();
        var houses = new Dictionary<int, DateOnly>();
        if (communes.Count > 0 || clusters.Count > 0)
        {
            var codes = communes.Keys.ToList();
            var clusterIds = clusters.Select(c => c.LodgingHouseId).ToList();
            foreach (var h in await db.Set<LodgingHouse>().AsNoTracking().Where(l => codes.Contains(l.CommuneCode) || clusterIds.Contains(l.Id))
                         .Select(l => new { l.Id, l.CommuneCode }).ToListAsync(ct))
                if (communes.TryGetValue(h.CommuneCode, out var since)) houses[h.Id] = since;
            foreach (var (id, since) in clusters)
                houses[id] = houses.TryGetValue(id, out var other) && other < since ? other : since;
        }
        return new DayRestrictions(day, stopped, houses);
    }

    public IQueryable<int> QuarantinedOn(DateOnly day) => QuarantinesOn(day).Select(q => q.WorkerId);

    public IQueryable<QuarantineSpan> QuarantinesOn(DateOnly day) =>
        db.Set<QuarantineOrder>().Where(o => o.StartOn <= day && (o.ReleasedOn == null || o.ReleasedOn > day))
            .Select(o => new QuarantineSpan { WorkerId = o.WorkerId, StartOn = o.StartOn });

    public IQueryable<int> HousesWithActiveCaseOn(DateOnly day) =>
        db.Set<Case>().Where(c => c.ConfirmedOn <= day && (c.OutcomeOn == null || c.OutcomeOn > day))
            .SelectMany(c => c.Worker!.Residences.Where(r => r.From <= day && (r.To == null || r.To > day)).Select(r => r.LodgingHouseId));
}
