using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Registry.Enterprises;

public sealed record EnterpriseSearchQuery
{
    /// <summary>Words of the name, without diacritics ("cong ty may" finds "Công ty TNHH May …"); digits also match the start of a tax code.</summary>
    public string? Q { get; init; }
    /// <summary>A tax code or its first digits.</summary>
    public string? TaxCode { get; init; }
    public int? ZoneId { get; init; }
    public EnterpriseStatus? Status { get; init; }
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record EnterpriseRow(int Id, string TaxCode, string Name, int? ZoneId, string? ZoneName, string CommuneCode,
    string? CommuneName, string DistrictCode, string? Address, string? Sector, EnterpriseStatus Status, int Workers);

/// <summary>Enterprises inside the caller's jurisdiction. A province has a few hundred, so the name is matched anywhere
/// in the search key (no index needed); worker counts come from one GROUP BY for the rows shown.</summary>
public sealed class EnterpriseSearch(LachanDb db, Jurisdiction scope, WorkerCounts counts)
{
    public static readonly string[] Sorts = ["name", "taxCode", "zone", "status", "workers"];

    public async Task<Paged<EnterpriseRow>> RunAsync(EnterpriseSearchQuery query, CancellationToken ct = default)
    {
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var q = Filter(query);
        var total = await q.CountAsync(ct);
        List<EnterpriseRow> rows;
        Dictionary<int, int> workers;
        if (query.Sort?.TrimStart('-') == "workers")
        {
            // Sorting by a count needs every enterprise's count: sort the ids in memory, then load only the page shown.
            workers = await counts.ByEnterpriseAsync(null, ct);
            var ids = await q.Select(e => e.Id).ToListAsync(ct);
            var shown = (query.Sort == "workers" ? ids.OrderBy(id => workers.GetValueOrDefault(id)) : ids.OrderByDescending(id => workers.GetValueOrDefault(id)))
                .ThenBy(id => id).Skip((page - 1) * size).Take(size).ToList();
            rows = (await Rows(q.Where(e => shown.Contains(e.Id))).ToListAsync(ct)).OrderBy(r => shown.IndexOf(r.Id)).ToList();
        }
        else
        {
            rows = await Rows(Sorted(q, query.Sort).PageOf(page, size)).ToListAsync(ct);
            workers = await counts.ByEnterpriseAsync(rows.Select(r => r.Id).ToList(), ct);
        }
        return new Paged<EnterpriseRow>(rows.Select(r => r with { Workers = workers.GetValueOrDefault(r.Id) }).ToList(), total, page, size);
    }

    /// <summary>Every matching row with its count, for export.</summary>
    public async Task<IReadOnlyList<EnterpriseRow>> AllAsync(EnterpriseSearchQuery query, CancellationToken ct = default)
    {
        var q = Filter(query);
        var rows = await Rows(Sorted(q, query.Sort)).ToListAsync(ct);
        var workers = await counts.ByEnterpriseAsync(null, ct);
        var result = rows.Select(r => r with { Workers = workers.GetValueOrDefault(r.Id) });
        return (query.Sort switch
        {
            "workers" => result.OrderBy(r => r.Workers).ThenBy(r => r.Id),
            "-workers" => result.OrderByDescending(r => r.Workers).ThenBy(r => r.Id),
            _ => result,
        }).ToList();
    }

    private IQueryable<Enterprise> Filter(EnterpriseSearchQuery query)
    {
        var q = scope.Enterprises(db.Set<Enterprise>().AsNoTracking());
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = query.Q.Trim();
            if (text.All(c => char.IsAsciiDigit(c) || c == '-')) // a tax code's first digits, or a number in the name
                q = q.Where(e => e.TaxCode.StartsWith(text) || e.NameSearch.Contains(text));
            else // every word, anywhere: "cong ty may" finds "Công ty TNHH May Hà Phong"
                foreach (var word in VietnameseText.SearchKey(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    q = q.Where(e => e.NameSearch.Contains(word));
        }
        if (!string.IsNullOrWhiteSpace(query.TaxCode))
        {
            var tax = query.TaxCode.Trim();
            q = q.Where(e => e.TaxCode.StartsWith(tax));
        }
        if (query.ZoneId is int zone) q = q.Where(e => e.IndustrialZoneId == zone);
        if (query.Status is EnterpriseStatus status) q = q.Where(e => e.Status == status);
        return q;
    }

    private static IQueryable<Enterprise> Sorted(IQueryable<Enterprise> q, string? sort) => sort switch
    {
        "-name" => q.OrderByDescending(e => e.NameSearch).ThenByDescending(e => e.Id),
        "taxCode" => q.OrderBy(e => e.TaxCode),
        "-taxCode" => q.OrderByDescending(e => e.TaxCode),
        "zone" => q.OrderBy(e => e.IndustrialZone!.Name).ThenBy(e => e.NameSearch),
        "-zone" => q.OrderByDescending(e => e.IndustrialZone!.Name).ThenBy(e => e.NameSearch),
        "status" => q.OrderBy(e => e.Status).ThenBy(e => e.NameSearch),
        "-status" => q.OrderByDescending(e => e.Status).ThenBy(e => e.NameSearch),
        _ => q.OrderBy(e => e.NameSearch).ThenBy(e => e.Id),
    };

    private IQueryable<EnterpriseRow> Rows(IQueryable<Enterprise> q) => q.Select(e => new EnterpriseRow(
        e.Id, e.TaxCode, e.Name, e.IndustrialZoneId, e.IndustrialZone!.Name, e.CommuneCode,
        db.Set<AdminUnit>().Where(u => u.Code == e.CommuneCode).Select(u => u.Name).FirstOrDefault(), e.DistrictCode,
        e.Address, e.Sector, e.Status, 0));
}
