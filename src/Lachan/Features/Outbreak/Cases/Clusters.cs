using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Cases;

public enum ClusterKind { Enterprise, LodgingHouse }

public sealed record ClusterSummary(ClusterKind Kind, int Id, string Name, int Cases, int ActiveCases);

public sealed record ClusterPerson(int WorkerId, string FullName, string Cccd, int CaseId, string CaseCode, ContactLevel? Level, DateOnly Date);

public sealed record ClusterData(ClusterKind Kind, int Id, string Name, IReadOnlyList<ClusterPerson> Cases, IReadOnlyList<ClusterPerson> Contacts);

/// <summary>Where cases gather: by the worker's current enterprise and current lodging house (the records' present
/// state, which is what a team on the ground acts on).</summary>
public sealed class Clusters(LachanDb db, CaseScope cases, Jurisdiction scope)
{
    public async Task<IReadOnlyList<ClusterSummary>> ListAsync(CancellationToken ct = default)
    {
        var byEnterprise = await cases.Cases().AsNoTracking().Where(c => c.Worker!.CurrentEnterpriseId != null)
            .GroupBy(c => new { Id = c.Worker!.CurrentEnterpriseId!.Value, c.Worker.CurrentEnterprise!.Name })
            .Select(g => new ClusterSummary(ClusterKind.Enterprise, g.Key.Id, g.Key.Name, g.Count(), g.Count(c => c.Outcome == CaseOutcome.Active)))
            .ToListAsync(ct);
        var byLodging = await cases.Cases().AsNoTracking().Where(c => c.Worker!.CurrentLodgingHouseId != null)
            .GroupBy(c => new { Id = c.Worker!.CurrentLodgingHouseId!.Value, c.Worker.CurrentLodgingHouse!.Name })
            .Select(g => new ClusterSummary(ClusterKind.LodgingHouse, g.Key.Id, g.Key.Name, g.Count(), g.Count(c => c.Outcome == CaseOutcome.Active)))
            .ToListAsync(ct);
        return [.. byEnterprise.Concat(byLodging).OrderByDescending(s => s.ActiveCases).ThenByDescending(s => s.Cases).ThenBy(s => s.Name, StringComparer.Ordinal)];
    }

    public async Task<ClusterData?> LoadAsync(ClusterKind kind, int id, CancellationToken ct = default)
    {
        var name = kind == ClusterKind.Enterprise
            ? await scope.Enterprises(db.Enterprises).Where(e => e.Id == id).Select(e => e.Name).FirstOrDefaultAsync(ct)
            : await scope.LodgingHouses(db.LodgingHouses).Where(l => l.Id == id).Select(l => l.Name).FirstOrDefaultAsync(ct);
        if (name is null || !cases.CanRead) return null;
        var workers = kind == ClusterKind.Enterprise
            ? cases.Workers().Where(w => w.CurrentEnterpriseId == id)
            : cases.Workers().Where(w => w.CurrentLodgingHouseId == id);
        var inCases = await cases.Cases().AsNoTracking().Where(c => workers.Any(w => w.Id == c.WorkerId))
            .OrderByDescending(c => c.ConfirmedOn)
            .Select(c => new ClusterPerson(c.WorkerId, c.Worker!.FullName, c.Worker.Cccd, c.Id, c.Code, null, c.ConfirmedOn))
            .ToListAsync(ct);
        var contacts = await db.Set<Contact>().AsNoTracking()
            .Where(x => x.State == ContactState.Confirmed && workers.Any(w => w.Id == x.WorkerId))
            .Join(db.Set<Case>(), x => x.CaseId, c => c.Id, (x, c) => new { x, c })
            .OrderBy(j => j.x.Level).ThenBy(j => j.x.Worker!.NameSearch)
            .Select(j => new ClusterPerson(j.x.WorkerId, j.x.Worker!.FullName, j.x.Worker.Cccd, j.c.Id, j.c.Code, j.x.Level, j.x.LastContactOn ?? j.c.ConfirmedOn))
            .ToListAsync(ct);
        return new ClusterData(kind, id, name, inCases, contacts);
    }
}
