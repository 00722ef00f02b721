using Lachan.Features.Outbreak.Contracts;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Relief.Requests;

/// <summary>One commune's (or, CommuneCode null, the no-lodging workers') part of the share. Waiting: became affected
/// less than 48 hours before the end of the data and not reached yet, so neither reached nor missed; they are left out of
/// the share.</summary>
public sealed record ReachRow(string? CommuneCode, string? Commune, int Affected, int Reached, int Waiting)
{
    public int Counted => Affected - Waiting;
    /// <summary>Reached ÷ counted, null when nobody counts yet.</summary>
    public double? Share => Counted == 0 ? null : (double)Reached / Counted;
}

public sealed record ReachResult(DateOnly From, DateOnly To, ReachRow Total, IReadOnlyList<ReachRow> Communes);

/// <summary>A worker who became affected on <see cref="Onset"/>, lodging in <see cref="CommuneCode"/> then.</summary>
public readonly record struct Affected(int WorkerId, DateOnly Onset, string? CommuneCode);

/// <summary>The rule itself, pure: a worker is reached within 48 hours when something (delivery, counter issue, cash) reached
/// them on the day they became affected or the next day. Days, not hours: orders, quarantines and issues are dated by
/// the province's day, so an order of day D (from 00:00) gives until the end of D + 1. A worker whose 48 hours are not
/// over on <paramref name="asOf"/> and who is not reached yet is waiting.</summary>
public static class ReachTally
{
    public static bool Within48Hours(DateOnly onset, IEnumerable<DateOnly> reachedOn) => reachedOn.Any(d => d >= onset && d <= onset.AddDays(1));

    public static (int Reached, int Waiting) Count(IEnumerable<Affected> affected, ILookup<int, DateOnly> reached, DateOnly asOf)
    {
        var (yes, waiting) = (0, 0);
        foreach (var a in affected)
        {
            if (Within48Hours(a.Onset, reached[a.WorkerId])) yes++;
            else if (a.Onset.AddDays(1) >= asOf) waiting++;
        }
        return (yes, waiting);
    }
}

/// <summary>The relief dashboard's "reached within 48 hours": of the workers of the caller's jurisdiction who became
/// affected (lodging in a locked zone, in quarantine, or working for an enterprise an order suspends; the outbreak's
/// first days through <see cref="IOutbreakFacts"/>) in a period, the share reached within 48 hours, in total and by the
/// commune where they lodged. A worker already affected on the period's first day became affected before it and does
/// not count.</summary>
public sealed class ReachShare(LachanDb db, Jurisdiction jurisdiction, IOutbreakFacts outbreak, Reach reach)
{
    public const int MaxDays = 31;

    public async Task<ReachResult> RunAsync(DateOnly from, DateOnly to, DateOnly asOf, CancellationToken ct)
    {
        // the first day of being affected: the earliest "since" seen on any day of the period
        var onset = new Dictionary<int, DateOnly>();
        var house = new Dictionary<int, int>();
        for (var day = from; day <= to; day = day.AddDays(1))
            foreach (var (worker, since, lockedHouse) in await AffectedOnAsync(day, ct))
                if (!onset.TryGetValue(worker, out var known) || since < known)
                {
                    onset[worker] = since;
                    if (lockedHouse is int h) house[worker] = h; else house.Remove(worker);
                }
        var became = onset.Where(o => o.Value >= from).ToList();
        var ids = became.Select(b => b.Key).ToList();

        // where they lodged when it began (the locked house itself for those it locked)
        var stays = await db.Set<Residence>().AsNoTracking().Where(r => ids.Contains(r.WorkerId))
            .Select(r => new { r.WorkerId, r.From, r.To, r.LodgingHouse!.CommuneCode }).ToListAsync(ct);
        var houseIds = house.Values.Distinct().ToList();
        var houseCommune = await db.Set<LodgingHouse>().AsNoTracking().Where(l => houseIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.CommuneCode, ct);
        string? CommuneOf(int w, DateOnly d) => house.TryGetValue(w, out var h) ? houseCommune[h]
            : stays.Where(s => s.WorkerId == w && s.From <= d && (s.To == null || s.To > d)).Select(s => s.CommuneCode).FirstOrDefault();
        var affected = became.Select(b => new Affected(b.Key, b.Value, CommuneOf(b.Key, b.Value))).ToList();

        var reached = await reach.DaysAsync(from, to.AddDays(1), ct);
        var codes = affected.Select(a => a.CommuneCode).OfType<string>().Distinct().ToList();
        var names = await db.Set<AdminUnit>().AsNoTracking().Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name, ct);
        ReachRow Row(string? code, IReadOnlyCollection<Affected> group)
        {
            var (yes, waiting) = ReachTally.Count(group, reached, asOf);
            return new ReachRow(code, code is null ? null : names.GetValueOrDefault(code, code), group.Count, yes, waiting);
        }
        var communes = affected.GroupBy(a => a.CommuneCode).Select(g => Row(g.Key, [.. g]))
            .OrderBy(r => r.Commune ?? "\uffff", StringComparer.Ordinal).ToList();
        return new ReachResult(from, to, Row(null, affected), communes);
    }

    /// <summary>The workers affected on the day, each with the day their restriction began (the later of the order's or
    /// quarantine's first day and the day they came to that house or employer) and the locked house when it is lodging.</summary>
    private async Task<List<(int Worker, DateOnly Since, int? House)>> AffectedOnAsync(DateOnly day, CancellationToken ct)
    {
        var r = await outbreak.RestrictionsOnAsync(day, ct);
        var (locked, stopped) = (r.LockedLodgingHouses.Keys.ToList(), r.StoppedEnterprises.Keys.ToList());
        var workers = jurisdiction.WorkersOn(db.Set<Worker>().AsNoTracking(), day);
        var rows = new List<(int, DateOnly, int?)>();
        if (locked.Count > 0)
            rows.AddRange((await workers.SelectMany(w => w.Residences).Where(x => locked.Contains(x.LodgingHouseId) && x.From <= day && (x.To == null || x.To > day))
                .Select(x => new { x.WorkerId, x.LodgingHouseId, x.From }).ToListAsync(ct))
                .Select(x => (x.WorkerId, Later(r.LockedLodgingHouses[x.LodgingHouseId], x.From), (int?)x.LodgingHouseId)));
        if (stopped.Count > 0)
            rows.AddRange((await workers.SelectMany(w => w.Employments).Where(e => stopped.Contains(e.EnterpriseId) && e.From <= day && (e.To == null || e.To > day))
                .Select(e => new { e.WorkerId, e.EnterpriseId, e.From }).ToListAsync(ct))
                .Select(e => (e.WorkerId, Later(r.StoppedEnterprises[e.EnterpriseId], e.From), (int?)null)));
        rows.AddRange((await outbreak.QuarantinesOn(day).Where(q => workers.Any(w => w.Id == q.WorkerId))
            .Select(q => new { q.WorkerId, q.StartOn }).ToListAsync(ct)).Select(q => (q.WorkerId, q.StartOn, (int?)null)));
        return rows;
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
