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

    /// <summary>The day's affected workers of the caller's jurisdiction (set-based: the union of the three reasons'
    /// worker ids, not three correlated tests per worker) and the workers reached in the window.</summary>
    private sealed record Sets(IQueryable<Worker> Affected, IQueryable<int> Reached, IReadOnlyList<int> Locked, IQueryable<Residence> Homes,
        IQueryable<int> Suspended, IQueryable<int> Quarantined);

    private async Task<Sets> SetsAsync(DateOnly day, int days, CancellationToken ct)
    {
        var r = await outbreak.RestrictionsOnAsync(day, ct);
        var stopped = r.StoppedEnterprises.Keys.ToList();
        var locked = r.LockedLodgingHouses.Keys.ToList();
        var homes = db.Set<Residence>().Where(x => x.From <= day && (x.To == null || x.To > day));
        var suspended = db.Set<Employment>().Where(e => stopped.Contains(e.EnterpriseId) && e.From <= day && (e.To == null || e.To > day)).Select(e => e.WorkerId);
        var quarantined = outbreak.QuarantinedOn(day);
        var why = homes.Where(x => locked.Contains(x.LodgingHouseId)).Select(x => x.WorkerId).Union(suspended).Union(quarantined);
        var affected = jurisdiction.WorkersOn(db.Set<Worker>().AsNoTracking(), day).Where(w => why.Contains(w.Id));
        var reached = reach.DeliveredTo(day.AddDays(1 - days), day).Union(reach.IssuedTo(day.AddDays(1 - days), day));
        return new Sets(affected, reached, locked, homes, suspended, quarantined);
    }

    /// <summary>Every unreached worker with why (one row each), in the caller's jurisdiction on the day, and how many are
    /// affected. One query for the affected workers with their lodging (a join, not a lookup per worker; a worker with two
    /// lodgings on the day counts under the locked one), one for the few reached.</summary>
    private async Task<(List<Row> Rows, int Affected)> RowsAsync(Sets d, CancellationToken ct)
    {
        // A province's affected are ~200,000 workers at full size: PostgreSQL's default 4 MB of sort and hash memory made
        // the union and the join spill to disk. More for this one read only (SET LOCAL ends with its transaction).
        await using var memory = await PostgresMemory.ForReadAsync(db, 64, ct);
        var joined = await (from w in d.Affected
                            join x in d.Homes on w.Id equals x.WorkerId into homes
                            from x in homes.DefaultIfEmpty()
                            select new { w.Id, w.NameSearch, House = (int?)x!.LodgingHouseId, Suspended = d.Suspended.Contains(w.Id), Quarantine = d.Quarantined.Contains(w.Id) })
            .ToListAsync(ct);
        var reached = (await d.Reached.ToListAsync(ct)).ToHashSet();
        var lockedSet = d.Locked.ToHashSet();
        var all = joined.GroupBy(x => x.Id).Select(g =>
        {
            var home = g.Select(x => x.House).OrderByDescending(h => h is int id && lockedSet.Contains(id)).First();
            var x = g.First();
            return new Row(x.Id, x.NameSearch, home, home is int h && lockedSet.Contains(h), x.Quarantine, x.Suspended);
        }).ToList();
        return (all.Where(x => !reached.Contains(x.Id)).ToList(), all.Count);
    }

    public async Task<UnreachedResult> RunAsync(DateOnly day, int days, int? page, int? pageSize, int? houseId, CancellationToken ct)
    {
        var d = await SetsAsync(day, days, ct);
        var (rows, affected) = await RowsAsync(d, ct);
        var houseIds = rows.Where(x => x.HouseId is not null).Select(x => x.HouseId!.Value).Distinct().ToList();
        var houses = await db.Set<LodgingHouse>().AsNoTracking().Where(l => houseIds.Contains(l.Id))
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
        var byId = shown.ToDictionary(x => x.Id);
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
