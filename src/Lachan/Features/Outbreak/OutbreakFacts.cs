using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Outbreak.Contracts;
using Lachan.Features.Outbreak.Zones;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak;

/// <summary>The outbreak's published facts (<see cref="IOutbreakFacts"/>), by the same rule as "who is affected"
/// (<see cref="ZoneRestrictions"/>, shared with <see cref="AffectedWorkers"/>). No jurisdiction filter: callers filter the workers they show.</summary>
public sealed class OutbreakFacts(LachanDb db) : IOutbreakFacts
{
    public async Task<DayRestrictions> RestrictionsOnAsync(DateOnly day, CancellationToken ct = default)
    {
        var zones = await db.Set<ControlZone>().WithOrders().ToListAsync(ct);
        var enterprises = await db.Set<Enterprise>().AsNoTracking()
            .Select(e => new Enterprise { Id = e.Id, Name = "", TaxCode = "", NameSearch = "", IndustrialZoneId = e.IndustrialZoneId, CommuneCode = e.CommuneCode, DistrictCode = "", ProvinceCode = "" })
            .ToListAsync(ct);
        var restrictions = await ZoneRestrictions.OnAsync(db, zones, enterprises, day, ct);
        var stopped = restrictions.Stopping.ToDictionary(x => x.Enterprise.Id, x => x.Order.EffectiveFrom);
        var houses = restrictions.LockedHouses;
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
