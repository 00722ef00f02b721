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

    public async Task<PeriodRestrictions> RestrictionsBetweenAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var zones = await db.Set<ControlZone>().WithOrders().ToListAsync(ct);
        var enterprises = await db.Set<Enterprise>().AsNoTracking()
            .Select(e => new Enterprise { Id = e.Id, Name = "", TaxCode = "", NameSearch = "", IndustrialZoneId = e.IndustrialZoneId, CommuneCode = e.CommuneCode, DistrictCode = "", ProvinceCode = "" })
            .ToListAsync(ct);
        var stopped = new Dictionary<int, IReadOnlyList<DaySpan>>();
        foreach (var e in enterprises)
            if (Clip(ZoneTimeline.StoppedPeriods(e, zones), from, to) is { Count: > 0 } spans) stopped[e.Id] = spans;

        // the same houses as RestrictionsOnAsync locks on a day: every house of a locked commune, and a zone's own houses
        var locked = zones.Select(z => (Zone: z, Spans: Clip(ZoneTimeline.Periods(z.Orders).Where(p => ZoneTimeline.Restricts(p.Level)), from, to)))
            .Where(x => x.Spans.Count > 0).ToList();
        var houses = new Dictionary<int, List<DaySpan>>();
        void Add(int house, IReadOnlyList<DaySpan> spans)
        {
            if (!houses.TryGetValue(house, out var list)) houses[house] = list = [];
            list.AddRange(spans);
        }
        var communes = locked.Where(x => x.Zone.Kind == ControlZoneKind.Commune).GroupBy(x => x.Zone.CommuneCode!)
            .ToDictionary(g => g.Key, g => g.SelectMany(x => x.Spans).ToList());
        if (communes.Count > 0)
        {
            var codes = communes.Keys.ToList();
            foreach (var h in await db.Set<LodgingHouse>().AsNoTracking().Where(l => codes.Contains(l.CommuneCode)).Select(l => new { l.Id, l.CommuneCode }).ToListAsync(ct))
                Add(h.Id, communes[h.CommuneCode]);
        }
        foreach (var (zone, spans) in locked)
            foreach (var l in zone.LodgingHouses) Add(l.LodgingHouseId, spans);
        return new PeriodRestrictions(stopped, houses.ToDictionary(h => h.Key, h => (IReadOnlyList<DaySpan>)h.Value));
    }

    private static List<DaySpan> Clip(IEnumerable<ZonePeriod> periods, DateOnly from, DateOnly to) =>
        periods.Where(p => p.From <= to && (p.To is null || p.To >= from))
            .Select(p => new DaySpan(p.From < from ? from : p.From, p.To is null || p.To > to ? to : p.To)).ToList();

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
