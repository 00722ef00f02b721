using Lachan.Features.Registry.Contracts;
using Lachan.Features.Registry.Enterprises;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Registry.Zones;

public sealed record ZoneListQuery
{
    /// <summary>Name or code, with or without diacritics.</summary>
    public string? Q { get; init; }
    public string? DistrictCode { get; init; }
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record ZoneRow(int Id, string Code, string Name, decimal AreaHectares, string DistrictCode, string? DistrictName,
    int Enterprises, int Workers);

/// <summary>Industrial zones the caller may see, with their enterprises and current workers counted inside the
/// caller's jurisdiction. A province has a handful of zones (Bắc Giang: six), so filtering by name, sorting by a
/// count and paging happen in memory after three small queries; the counts are two GROUP BYs, not one per zone.</summary>
public sealed class ZoneList(LachanDb db, Jurisdiction scope, WorkerCounts counts)
{
    public static readonly string[] Sorts = ["name", "code", "area", "enterprises", "workers"];

    public async Task<Paged<ZoneRow>> RunAsync(ZoneListQuery query, CancellationToken ct = default)
    {
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var all = await AllAsync(query, ct);
        return new Paged<ZoneRow>(all.Skip((page - 1) * size).Take(size).ToList(), all.Count, page, size);
    }

    public async Task<IReadOnlyList<ZoneRow>> AllAsync(ZoneListQuery query, CancellationToken ct = default)
    {
        var zones = scope.Zones(db.Set<IndustrialZone>().AsNoTracking());
        if (!string.IsNullOrWhiteSpace(query.DistrictCode)) zones = zones.Where(z => z.DistrictCode == query.DistrictCode);
        var rows = await zones.Select(z => new
        {
            z.Id, z.Code, z.Name, z.AreaHectares, z.DistrictCode,
            DistrictName = db.Set<AdminUnit>().Where(u => u.Code == z.DistrictCode).Select(u => u.Name).FirstOrDefault(),
        }).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var key = VietnameseText.SearchKey(query.Q);
            rows = rows.Where(z => VietnameseText.SearchKey(z.Name).Contains(key) || z.Code.Equals(query.Q.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        }

        var ids = rows.Select(z => z.Id).ToList();
        var enterprises = await scope.Enterprises(db.Set<Enterprise>().AsNoTracking())
            .Where(e => e.IndustrialZoneId != null && ids.Contains(e.IndustrialZoneId.Value))
            .GroupBy(e => e.IndustrialZoneId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        // Workers are counted per employer, then added up per zone: the zone of each of the few hundred enterprises is
        // known in memory, so the 300,000-row table is grouped once by its indexed column, with no join.
        var zoneOf = await db.Set<Enterprise>().AsNoTracking().Where(e => e.IndustrialZoneId != null && ids.Contains(e.IndustrialZoneId.Value))
            .Select(e => new { e.Id, Zone = e.IndustrialZoneId!.Value }).ToDictionaryAsync(x => x.Id, x => x.Zone, ct);
        var workers = new Dictionary<int, int>();
        foreach (var (enterprise, n) in await counts.ByEnterpriseAsync(null, ct))
            if (zoneOf.TryGetValue(enterprise, out var zone)) workers[zone] = workers.GetValueOrDefault(zone) + n;

        var result = rows.Select(z => new ZoneRow(z.Id, z.Code, z.Name, z.AreaHectares, z.DistrictCode, z.DistrictName,
            enterprises.GetValueOrDefault(z.Id), workers.GetValueOrDefault(z.Id)));
        return Sorted(result, query.Sort).ToList();
    }

    private static IEnumerable<ZoneRow> Sorted(IEnumerable<ZoneRow> rows, string? sort) => sort switch
    {
        "-name" => rows.OrderByDescending(z => VietnameseText.SearchKey(z.Name)),
        "code" => rows.OrderBy(z => z.Code, StringComparer.Ordinal),
        "-code" => rows.OrderByDescending(z => z.Code, StringComparer.Ordinal),
        "area" => rows.OrderBy(z => z.AreaHectares),
        "-area" => rows.OrderByDescending(z => z.AreaHectares),
        "enterprises" => rows.OrderBy(z => z.Enterprises),
        "-enterprises" => rows.OrderByDescending(z => z.Enterprises),
        "workers" => rows.OrderBy(z => z.Workers),
        "-workers" => rows.OrderByDescending(z => z.Workers),
        _ => rows.OrderBy(z => VietnameseText.SearchKey(z.Name)),
    };
}
