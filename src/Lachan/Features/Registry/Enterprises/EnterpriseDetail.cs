using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Registry.Enterprises;

public sealed record EnterpriseFacts(int Id, string TaxCode, string Name, int? ZoneId, string? ZoneName, string CommuneCode,
    string? CommuneName, string DistrictCode, string? DistrictName, string ProvinceCode, string? Address, string? Sector,
    string? ContactPhone, EnterpriseStatus Status);

public sealed record StatusChangeRow(EnterpriseStatus Status, DateOnly From, string Reason);

public sealed record EnterpriseDetailData(EnterpriseFacts Facts, IReadOnlyList<StatusChangeRow> StatusHistory, int CurrentWorkers);

/// <summary>One enterprise: facts, status history (newest first) and the number of its current workers the caller
/// may see. The workers themselves are listed by the worker search (EnterpriseId filter), under the same jurisdiction.</summary>
public sealed class EnterpriseDetail(LachanDb db, Jurisdiction scope, WorkerCounts counts)
{
    /// <summary>Null when the enterprise does not exist or lies outside the caller's jurisdiction (404).</summary>
    public async Task<EnterpriseDetailData?> LoadAsync(int id, CancellationToken ct = default)
    {
        var facts = await scope.Enterprises(db.Set<Enterprise>().AsNoTracking()).Where(e => e.Id == id)
            .Select(e => new EnterpriseFacts(e.Id, e.TaxCode, e.Name, e.IndustrialZoneId, e.IndustrialZone!.Name, e.CommuneCode,
                db.Set<AdminUnit>().Where(u => u.Code == e.CommuneCode).Select(u => u.Name).FirstOrDefault(), e.DistrictCode,
                db.Set<AdminUnit>().Where(u => u.Code == e.DistrictCode).Select(u => u.Name).FirstOrDefault(), e.ProvinceCode,
                e.Address, e.Sector, e.ContactPhone, e.Status))
            .FirstOrDefaultAsync(ct);
        if (facts is null) return null;
        var history = await db.Set<EnterpriseStatusChange>().AsNoTracking().Where(s => s.EnterpriseId == id)
            .OrderByDescending(s => s.From).ThenByDescending(s => s.Id)
            .Select(s => new StatusChangeRow(s.Status, s.From, s.Reason))
            .ToListAsync(ct);
        var workers = await counts.ByEnterpriseAsync([id], ct);
        return new EnterpriseDetailData(facts, history, workers.GetValueOrDefault(id));
    }
}
