using Lachan.Features.Registry.Enterprises;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Registry.Zones;

public sealed record ZoneEnterpriseRow(int Id, string TaxCode, string Name, EnterpriseStatus Status, string? Sector, int Workers);

public sealed record ZoneDetailData(ZoneRow Zone, string ProvinceCode, IReadOnlyList<ZoneEnterpriseRow> Enterprises);

/// <summary>One zone with its enterprises (those the caller may see) and their current workers.</summary>
public sealed class ZoneDetail(LachanDb db, Jurisdiction scope, WorkerCounts counts)
{
    /// <summary>Null when the zone does not exist or lies outside the caller's jurisdiction (the caller answers 404).</summary>
    public async Task<ZoneDetailData?> LoadAsync(int id, CancellationToken ct = default)
    {
        var zone = await scope.Zones(db.Set<IndustrialZone>().AsNoTracking()).Where(z => z.Id == id)
            .Select(z => new
            {
                z.Id, z.Code, z.Name, z.AreaHectares, z.DistrictCode, z.ProvinceCode,
                DistrictName = db.Set<AdminUnit>().Where(u => u.Code == z.DistrictCode).Select(u => u.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (zone is null) return null;

        var enterprises = await scope.Enterprises(db.Set<Enterprise>().AsNoTracking()).Where(e => e.IndustrialZoneId == id)
            .OrderBy(e => e.NameSearch)
            .Select(e => new { e.Id, e.TaxCode, e.Name, e.Status, e.Sector })
            .ToListAsync(ct);
        var workers = await counts.ByEnterpriseAsync(enterprises.Select(e => e.Id).ToList(), ct);
        var rows = enterprises.Select(e => new ZoneEnterpriseRow(e.Id, e.TaxCode, e.Name, e.Status, e.Sector, workers.GetValueOrDefault(e.Id)))
            .ToList();
        var row = new ZoneRow(zone.Id, zone.Code, zone.Name, zone.AreaHectares, zone.DistrictCode, zone.DistrictName,
            rows.Count, rows.Sum(r => r.Workers));
        return new ZoneDetailData(row, zone.ProvinceCode, rows);
    }
}
