using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Cases;

public enum ClusterKind { Enterprise, LodgingHouse }

public sealed record ClusterSummary(ClusterKind Kind, int Id, string Name, int Cases, int ActiveCases);

public sealed record ClusterPerson(int WorkerId, string FullName, string Cccd, int CaseId, string CaseCode, ContactLevel? Level, DateOnly Date);

public sealed record ClusterData(ClusterKind Kind, int Id, string Name, IReadOnlyList<ClusterPerson> Cases, IReadOnlyList<ClusterPerson> Contacts);

/// <summary>Where cases gather: by the enterprise that employed and the lodging house that housed each case on its
/// confirmation date, and each contact on the last contact date. The place on the day, not the record's present state:
/// a worker who moved or changed jobs since stays in the cluster where it happened. Periods are [From, To), as the
/// registry writes them (a change of employer closes the old one on the day the new one starts). Which places a user
/// sees follows the places' jurisdiction; which cases, the workers' (ADR-0003), so a case whose worker has since left
/// the user's jurisdiction is not shown to that user even in a cluster of theirs.</summary>
public sealed class Clusters(LachanDb db, CaseScope cases, Jurisdiction scope)
{
    public async Task<IReadOnlyList<ClusterSummary>> ListAsync(CancellationToken ct = default)
    {
        // only places the user may open, and each case once per place (a worker can hold two periods there on the day)
        var enterprises = scope.Enterprises(db.Set<Enterprise>());
        var houses = scope.LodgingHouses(db.Set<LodgingHouse>());
        var byEnterprise = await cases.Cases().AsNoTracking()
            .Join(db.Set<Employment>(), c => c.WorkerId, e => e.WorkerId, (c, e) => new { c, e })
            .Where(x => x.e.From <= x.c.ConfirmedOn && (x.e.To == null || x.e.To > x.c.ConfirmedOn) && enterprises.Any(p => p.Id == x.e.EnterpriseId))
            .GroupBy(x => new { Id = x.e.EnterpriseId, x.e.Enterprise!.Name })
            .Select(g => new ClusterSummary(ClusterKind.Enterprise, g.Key.Id, g.Key.Name, g.Select(x => x.c.Id).Distinct().Count(),
                g.Where(x => x.c.Outcome == CaseOutcome.Active).Select(x => x.c.Id).Distinct().Count()))
            .ToListAsync(ct);
        var byLodging = await cases.Cases().AsNoTracking()
            .Join(db.Set<Residence>(), c => c.WorkerId, r => r.WorkerId, (c, r) => new { c, r })
            .Where(x => x.r.From <= x.c.ConfirmedOn && (x.r.To == null || x.r.To > x.c.ConfirmedOn) && houses.Any(p => p.Id == x.r.LodgingHouseId))
            .GroupBy(x => new { Id = x.r.LodgingHouseId, x.r.LodgingHouse!.Name })
            .Select(g => new ClusterSummary(ClusterKind.LodgingHouse, g.Key.Id, g.Key.Name, g.Select(x => x.c.Id).Distinct().Count(),
                g.Where(x => x.c.Outcome == CaseOutcome.Active).Select(x => x.c.Id).Distinct().Count()))
            .ToListAsync(ct);
        return [.. byEnterprise.Concat(byLodging).OrderByDescending(s => s.ActiveCases).ThenByDescending(s => s.Cases).ThenBy(s => s.Name, StringComparer.Ordinal)];
    }

    public async Task<ClusterData?> LoadAsync(ClusterKind kind, int id, CancellationToken ct = default)
    {
        var name = kind == ClusterKind.Enterprise
            ? await scope.Enterprises(db.Set<Enterprise>()).Where(e => e.Id == id).Select(e => e.Name).FirstOrDefaultAsync(ct)
            : await scope.LodgingHouses(db.Set<LodgingHouse>()).Where(l => l.Id == id).Select(l => l.Name).FirstOrDefaultAsync(ct);
        if (name is null || !cases.CanRead) return null;
        var workers = cases.Workers();
        var jobs = db.Set<Employment>().Where(e => kind == ClusterKind.Enterprise && e.EnterpriseId == id);
        var homes = db.Set<Residence>().Where(r => kind == ClusterKind.LodgingHouse && r.LodgingHouseId == id);
        var inCases = await cases.Cases().AsNoTracking()
            .Where(c => workers.Any(w => w.Id == c.WorkerId)
                && (jobs.Any(e => e.WorkerId == c.WorkerId && e.From <= c.ConfirmedOn && (e.To == null || e.To > c.ConfirmedOn))
                    || homes.Any(r => r.WorkerId == c.WorkerId && r.From <= c.ConfirmedOn && (r.To == null || r.To > c.ConfirmedOn))))
            .OrderByDescending(c => c.ConfirmedOn)
            .Select(c => new ClusterPerson(c.WorkerId, c.Worker!.FullName, c.Worker.Cccd, c.Id, c.Code, null, c.ConfirmedOn))
            .ToListAsync(ct);
        var contacts = await db.Set<Contact>().AsNoTracking()
            .Where(x => x.State == ContactState.Confirmed && workers.Any(w => w.Id == x.WorkerId))
            .Join(db.Set<Case>(), x => x.CaseId, c => c.Id, (x, c) => new { x, c, On = x.LastContactOn ?? c.ConfirmedOn })
            .Where(j => jobs.Any(e => e.WorkerId == j.x.WorkerId && e.From <= j.On && (e.To == null || e.To > j.On))
                || homes.Any(r => r.WorkerId == j.x.WorkerId && r.From <= j.On && (r.To == null || r.To > j.On)))
            .OrderBy(j => j.x.Level).ThenBy(j => j.x.Worker!.NameSearch)
            .Select(j => new ClusterPerson(j.x.WorkerId, j.x.Worker!.FullName, j.x.Worker.Cccd, j.c.Id, j.c.Code, j.x.Level, j.On))
            .ToListAsync(ct);
        return new ClusterData(kind, id, name, inCases, contacts);
    }
}
