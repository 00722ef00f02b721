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
        var restrictions = await ZoneRestrictions.OnAsync(db, await ZonesAsync(ct), await EnterprisesAsync(null, ct), day, ct);
        return new DayRestrictions(day, restrictions.Stopping.ToDictionary(x => x.Enterprise.Id, x => x.Order.EffectiveFrom), restrictions.LockedHouses);
    }

    public async Task<DayRestrictions> RestrictionsOfAsync(DateOnly day, int? enterpriseId, int? lodgingHouseId, CancellationToken ct = default)
    {
        var enterprises = enterpriseId is int e ? await EnterprisesAsync(e, ct) : [];
        var restrictions = await ZoneRestrictions.OnAsync(db, await ZonesAsync(ct), enterprises, day, ct, onlyHouse: lodgingHouseId ?? 0); // no house: ask about one that cannot exist
        return new DayRestrictions(day, restrictions.Stopping.ToDictionary(x => x.Enterprise.Id, x => x.Order.EffectiveFrom), restrictions.LockedHouses);
    }

    public async Task<PeriodRestrictions> RestrictionsBetweenAsync(DateOnly from, DateOnly to, CancellationToken ct = default) =>
        await ZoneRestrictions.BetweenAsync(db, await ZonesAsync(ct), await EnterprisesAsync(null, ct), from, to, ct);

    private Task<List<ControlZone>> ZonesAsync(CancellationToken ct) => db.Set<ControlZone>().WithOrders().ToListAsync(ct);

    /// <summary>Enterprises with only what the zones' rule reads (zone, commune): a province has thousands.</summary>
    private Task<List<Enterprise>> EnterprisesAsync(int? only, CancellationToken ct) =>
        db.Set<Enterprise>().AsNoTracking().Where(e => only == null || e.Id == only)
            .Select(e => new Enterprise { Id = e.Id, Name = "", TaxCode = "", NameSearch = "", IndustrialZoneId = e.IndustrialZoneId, CommuneCode = e.CommuneCode, DistrictCode = "", ProvinceCode = "" })
            .ToListAsync(ct);

    public IQueryable<int> QuarantinedOn(DateOnly day) => QuarantinesOn(day).Select(q => q.WorkerId);

    public IQueryable<QuarantineSpan> QuarantinesOn(DateOnly day) =>
        db.Set<QuarantineOrder>().Where(o => o.StartOn <= day && (o.ReleasedOn == null || o.ReleasedOn > day))
            .Select(o => new QuarantineSpan { WorkerId = o.WorkerId, StartOn = o.StartOn });

    public IQueryable<int> HousesWithActiveCaseOn(DateOnly day) =>
        db.Set<Case>().Where(c => c.ConfirmedOn <= day && (c.OutcomeOn == null || c.OutcomeOn > day))
            .SelectMany(c => c.Worker!.Residences.Where(r => r.From <= day && (r.To == null || r.To > day)).Select(r => r.LodgingHouseId));

    public async Task<IReadOnlyList<IsolationSpan>> IsolationsBetweenAsync(DateOnly from, DateOnly to, IReadOnlyCollection<int>? workerIds, CancellationToken ct = default)
    {
        // a few ids go to the database; many (a province's simulation) are filtered here, as no query takes 300,000 parameters
        var few = workerIds is { Count: <= 2000 } ? workerIds.ToList() : null;
        var wanted = workerIds is null || few is not null ? null : workerIds as IReadOnlySet<int> ?? workerIds.ToHashSet();
        var cases = db.Set<Case>().AsNoTracking().Where(c => c.ConfirmedOn <= to && (c.OutcomeOn == null || c.OutcomeOn > from));
        var orders = db.Set<QuarantineOrder>().AsNoTracking().Where(o => o.StartOn <= to && (o.ReleasedOn == null || o.ReleasedOn > from));
        if (few is not null)
        {
            cases = cases.Where(c => few.Contains(c.WorkerId));
            orders = orders.Where(o => few.Contains(o.WorkerId));
        }
        var result = new List<IsolationSpan>();
        // an outcome (recovered, died) and a release end the span the day before
        foreach (var c in await cases.Select(c => new { c.WorkerId, c.ConfirmedOn, c.OutcomeOn }).ToListAsync(ct))
            if (wanted?.Contains(c.WorkerId) != false)
                result.Add(new(c.WorkerId, IsolationKind.Case, c.ConfirmedOn, c.OutcomeOn?.AddDays(-1)));
        foreach (var o in await orders.Select(o => new { o.WorkerId, o.StartOn, o.ReleasedOn, o.PlannedEndOn, o.Rule!.Subject }).ToListAsync(ct))
            if (wanted?.Contains(o.WorkerId) != false)
                result.Add(new(o.WorkerId, o.Subject switch { RuleSubject.F1 => IsolationKind.F1, RuleSubject.F2 => IsolationKind.F2, _ => IsolationKind.Case },
                    o.StartOn, o.ReleasedOn?.AddDays(-1) ?? o.PlannedEndOn));
        return result;
    }
}
