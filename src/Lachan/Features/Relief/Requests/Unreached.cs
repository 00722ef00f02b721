using Lachan.Features.Outbreak.Contracts;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Relief.Requests;

public sealed record UnreachedWorker(int Id, string FullName, string? LodgingHouse, int? LodgingHouseId, string? Commune, bool LodgingLocked, bool Quarantine, bool EmployerSuspended);

public sealed record UnreachedGroup(string? CommuneCode, string? Commune, int? LodgingHouseId, string? LodgingHouse, int Workers);

public sealed record UnreachedResult(DateOnly Date, int Days, int Total, int Affected, IReadOnlyList<UnreachedGroup> Groups, Paged<UnreachedWorker> Workers);

/// <summary>"No one left hungry": on day D, the workers of the caller's jurisdiction who lodge in a locked zone, are in
/// quarantine, or work for an enterprise an order suspends, and received nothing in the N days up to and including D
/// (a delivery, a counter issue or cash: <see cref="Reach"/>). Grouped by commune and lodging house; a group becomes a team's worklist in one click.</summary>
public sealed class Unreached(LachanDb db, Jurisdiction jurisdiction, IOutbreakFacts outbreak, Reach reach, AuditLog audit)
{
    public const int MaxDays = 60;

    /// <param name="NameSearch">The name's sort key: the page is cut here rather than by a second pass over the affected.</param>
    private sealed record Row(int Id, string NameSearch, int? HouseId, bool Locked, bool Quarantine, bool Suspended);

    /// <summary>One reason a worker is affected on the day (1 or 0 per column), for <see cref="Sets.Reasons"/>.</summary>
    private sealed class Why
    {
        public int WorkerId { get; init; }
        public int Locked { get; init; }
        public int Suspended { get; init; }
        public int Quarantine { get; init; }
    }

    /// <summary>The day's affected workers of the caller's jurisdiction and the workers reached in the window. The
    /// three reasons are read once, as one list of (worker, reason) grouped by worker, so each worker's reasons come
    /// with it: testing each worker against the suspended and quarantined sets again (two `IN` per row) cost SQLite
    /// 45 % of the read at 300,000 workers (0.56 → 0.31 s of CPU for the query alone).</summary>
    private sealed record Sets(IQueryable<Worker> Workers, IQueryable<Why> Reasons, IQueryable<int> Reached, IReadOnlyList<int> Locked, IQueryable<Residence> Homes);

    private async Task<Sets> SetsAsync(DateOnly day, int days, CancellationToken ct)
    {
        var r = await outbreak.RestrictionsOnAsync(day, ct);
        var stopped = r.StoppedEnterprises.Keys.ToList();
        var locked = r.LockedLodgingHouses.Keys.ToList();
        var homes = db.Set<Residence>().Where(x => x.From <= day && (x.To == null || x.To > day));
        var reasons = homes.Where(x => locked.Contains(x.LodgingHouseId)).Select(x => new Why { WorkerId = x.WorkerId, Locked = 1, Suspended = 0, Quarantine = 0 })
            .Concat(db.Set<Employment>().Where(e => stopped.Contains(e.EnterpriseId) && e.From <= day && (e.To == null || e.To > day))
                .Select(e => new Why { WorkerId = e.WorkerId, Locked = 0, Suspended = 1, Quarantine = 0 }))
            .Concat(outbreak.QuarantinedOn(day).Select(id => new Why { WorkerId = id, Locked = 0, Suspended = 0, Quarantine = 1 }))
            .GroupBy(x => x.WorkerId)
            .Select(g => new Why { WorkerId = g.Key, Locked = g.Max(x => x.Locked), Suspended = g.Max(x => x.Suspended), Quarantine = g.Max(x => x.Quarantine) });
        var workers = jurisdiction.WorkersOn(db.Set<Worker>().AsNoTracking(), day);
        var reached = reach.DeliveredTo(day.AddDays(1 - days), day).Union(reach.IssuedTo(day.AddDays(1 - days), day));
        return new Sets(workers, reasons, reached, locked, homes);
    }

    /// <summary>Every unreached worker with why (one row each), in the caller's jurisdiction on the day, and how many are
    /// affected. One query for the affected workers with their reasons and lodging (a join, not a lookup per worker; a
    /// worker with two lodgings on the day counts under the locked one), one for the few reached.</summary>
    private async Task<(List<Row> Rows, int Affected)> RowsAsync(Sets d, CancellationToken ct)
    {
        // A province's affected are ~200,000 workers at full size: PostgreSQL's default 4 MB of sort and hash memory made
        // the union and the join spill to disk. More for this one read only (SET LOCAL ends with its transaction).
        await using var memory = await PostgresMemory.ForReadAsync(db, 64, ct);
        var joined = await (from why in d.Reasons
                            join w in d.Workers on why.WorkerId equals w.Id
                            join x in d.Homes on w.Id equals x.WorkerId into homes
                            from x in homes.DefaultIfEmpty()
                            select new { w.Id, w.NameSearch, House = (int?)x!.LodgingHouseId, why.Suspended, why.Quarantine })
            .ToListAsync(ct);
        var reached = (await d.Reached.ToListAsync(ct)).ToHashSet();
        var lockedSet = d.Locked.ToHashSet();
        // one row per worker (a worker with two lodgings on the day comes twice): the locked lodging wins
        var all = new Dictionary<int, Row>(joined.Count);
        foreach (var x in joined)
        {
            var locked = x.House is int h && lockedSet.Contains(h);
            if (all.TryGetValue(x.Id, out var seen) && (seen.Locked || !locked)) continue;
            all[x.Id] = new Row(x.Id, x.NameSearch, x.House, locked, x.Quarantine == 1, x.Suspended == 1);
        }
        return ([.. all.Values.Where(x => !reached.Contains(x.Id))], all.Count);
    }

    public async Task<UnreachedResult> RunAsync(DateOnly day, int days, int? page, int? pageSize, int? houseId, CancellationToken ct)
    {
        var d = await SetsAsync(day, days, ct);
        var (rows, affected) = await RowsAsync(d, ct);
        var houseIds = rows.Where(x => x.HouseId is not null).Select(x => x.HouseId!.Value).Distinct().ToList();
        // one array parameter, not one per house (a province's unreached lodge in ~3,000 houses)
        var houses = await db.Set<LodgingHouse>().AsNoTracking().Where(l => EF.Parameter(houseIds).Contains(l.Id))
            .Select(l => new { l.Id, l.Name, l.CommuneCode }).ToDictionaryAsync(l => l.Id, ct);
        var communeCodes = houses.Values.Select(h => h.CommuneCode).Distinct().ToList();
        var communes = await db.Set<AdminUnit>().AsNoTracking().Where(u => communeCodes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name, ct);
        string? CommuneOf(int? h) => h is int id && houses.TryGetValue(id, out var x) ? communes.GetValueOrDefault(x.CommuneCode) : null;

        var groups = rows.GroupBy(x => x.HouseId)
            .Select(g => new UnreachedGroup(g.Key is int h ? houses[h].CommuneCode : null, CommuneOf(g.Key), g.Key, g.Key is int h2 ? houses[h2].Name : null, g.Count()))
            .OrderBy(g => g.Commune ?? "\uffff", StringComparer.Ordinal).ThenByDescending(g => g.Workers).ThenBy(g => g.LodgingHouse, StringComparer.Ordinal).ToList();

        var shown = houseId is int only ? rows.Where(x => x.HouseId == only).ToList() : rows;
        var (p, size) = Paging.Normalize(page, pageSize);
        // the page in name order (ordinal, as the database's "C" order of NameSearch), then the names of that page only
        var pageIds = shown.OrderBy(x => x.NameSearch, StringComparer.Ordinal).ThenBy(x => x.Id).Skip((p - 1) * size).Take(size).Select(x => x.Id).ToList();
        var fullNames = await db.Set<Worker>().AsNoTracking().Where(w => pageIds.Contains(w.Id)).Select(w => new { w.Id, w.FullName })
            .ToDictionaryAsync(w => w.Id, w => w.FullName, ct);
        var names = pageIds.Where(fullNames.ContainsKey).Select(id => new { Id = id, FullName = fullNames[id] }).ToList();
        var byId = shown.Where(x => fullNames.ContainsKey(x.Id)).ToDictionary(x => x.Id);
        var items = names.Select(n =>
        {
            var x = byId[n.Id];
            return new UnreachedWorker(n.Id, n.FullName, x.HouseId is int h ? houses[h].Name : null, x.HouseId, CommuneOf(x.HouseId), x.Locked, x.Quarantine, x.Suspended);
        }).ToList();
        await audit.ListedAsync("UnreachedWorkers", new { Date = day, Days = days, House = houseId }, p, items.Select(i => i.Id), shown.Count, ct);
        return new UnreachedResult(day, days, rows.Count, affected, groups, new Paged<UnreachedWorker>(items, shown.Count, p, size));
    }

    /// <summary>The unreached workers of one lodging house (or of those without one), for a worklist.</summary>
    public async Task<IReadOnlyList<int>> WorkersOfHouseAsync(DateOnly day, int days, int? houseId, CancellationToken ct) =>
        (await RowsAsync(await SetsAsync(day, days, ct), ct)).Rows.Where(x => x.HouseId == houseId).Select(x => x.Id).ToList();
}
