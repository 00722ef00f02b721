using Lachan.Infrastructure;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Lachan.Infrastructure.Calendar;

namespace Lachan.Features.Registry.AdminUnits;

public sealed record AdminUnitQuery
{
    public AdminLevel? Level { get; init; }
    /// <summary>Code of the parent unit: the districts of a province, the communes of a district.</summary>
    public string? Parent { get; init; }
    /// <summary>Name or code, with or without diacritics.</summary>
    public string? Q { get; init; }
    /// <summary>Only units valid on that day (yyyy-MM-dd); all units when empty.</summary>
    public DateOnly? ValidOn { get; init; }
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }

    public bool IsFiltered => Level is not null || !string.IsNullOrWhiteSpace(Parent) || !string.IsNullOrWhiteSpace(Q) || ValidOn is not null;
}

public sealed record AdminUnitRow(string Code, string Name, string Kind, AdminLevel Level, string? ParentCode, string? ParentName,
    DateOnly ValidFrom, DateOnly? ValidTo, bool Expired, int Children);

public sealed record AdminUnitNode(AdminUnitRow Unit, IReadOnlyList<AdminUnitNode> Children);

/// <summary>Provinces, districts and communes with their validity (units merge and split: Bắc Giang ended on
/// 30/06/2025 when it merged into Bắc Ninh). Reference data, the same for every role that may read places. A country
/// has ~10,000 units, a province a few hundred: filters and sorting run in memory on one read of the table.</summary>
public sealed class AdminUnitList(LachanDb db, ProvinceCalendar calendar)
{
    public static readonly string[] Sorts = ["code", "name", "level", "validTo"];

    public async Task<Paged<AdminUnitRow>> RunAsync(AdminUnitQuery query, CancellationToken ct = default)
    {
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var all = await AllAsync(query, ct);
        return new Paged<AdminUnitRow>(all.Skip((page - 1) * size).Take(size).ToList(), all.Count, page, size);
    }

    public async Task<IReadOnlyList<AdminUnitRow>> AllAsync(AdminUnitQuery query, CancellationToken ct = default)
    {
        IEnumerable<AdminUnitRow> rows = await LoadAsync(ct);
        if (query.Level is { } level) rows = rows.Where(u => u.Level == level);
        if (!string.IsNullOrWhiteSpace(query.Parent)) rows = rows.Where(u => u.ParentCode == query.Parent.Trim());
        if (query.ValidOn is { } on) rows = rows.Where(u => u.ValidFrom <= on && (u.ValidTo is null || u.ValidTo >= on));
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var key = VietnameseText.SearchKey(query.Q);
            rows = rows.Where(u => u.Code == query.Q.Trim() || VietnameseText.SearchKey(u.Kind + " " + u.Name).Contains(key, StringComparison.Ordinal));
        }
        return (query.Sort switch
        {
            "-code" => rows.OrderByDescending(u => u.Code, StringComparer.Ordinal),
            "name" => rows.OrderBy(u => VietnameseText.SearchKey(u.Name), StringComparer.Ordinal),
            "-name" => rows.OrderByDescending(u => VietnameseText.SearchKey(u.Name), StringComparer.Ordinal),
            "level" => rows.OrderBy(u => u.Level).ThenBy(u => u.Code, StringComparer.Ordinal),
            "-level" => rows.OrderByDescending(u => u.Level).ThenBy(u => u.Code, StringComparer.Ordinal),
            "validTo" => rows.OrderBy(u => u.ValidTo ?? DateOnly.MaxValue).ThenBy(u => u.Code, StringComparer.Ordinal),
            "-validTo" => rows.OrderByDescending(u => u.ValidTo ?? DateOnly.MaxValue).ThenBy(u => u.Code, StringComparer.Ordinal),
            _ => rows.OrderBy(u => u.Code, StringComparer.Ordinal),
        }).ToList();
    }

    /// <summary>Province → district → commune, each level ordered by name.</summary>
    public async Task<IReadOnlyList<AdminUnitNode>> TreeAsync(CancellationToken ct = default)
    {
        var rows = await LoadAsync(ct);
        var byParent = rows.Where(u => u.ParentCode is not null).ToLookup(u => u.ParentCode!);
        AdminUnitNode Node(AdminUnitRow u) => new(u, byParent[u.Code].OrderBy(c => VietnameseText.SearchKey(c.Name), StringComparer.Ordinal).Select(Node).ToList());
        var codes = rows.Select(u => u.Code).ToHashSet();
        return rows.Where(u => u.ParentCode is null || !codes.Contains(u.ParentCode)) // provinces, and any unit whose parent is missing
            .OrderBy(u => u.Level).ThenBy(u => VietnameseText.SearchKey(u.Name), StringComparer.Ordinal).Select(Node).ToList();
    }

    public async Task<AdminUnitRow?> FindAsync(string code, CancellationToken ct = default) =>
        (await LoadAsync(ct)).FirstOrDefault(u => u.Code == code);

    private async Task<List<AdminUnitRow>> LoadAsync(CancellationToken ct)
    {
        var today = calendar.Today;
        var units = await db.Set<AdminUnit>().AsNoTracking().ToListAsync(ct);
        var names = units.ToDictionary(u => u.Code, u => u.Name);
        var children = units.Where(u => u.ParentCode is not null).GroupBy(u => u.ParentCode!).ToDictionary(g => g.Key, g => g.Count());
        return units.Select(u => new AdminUnitRow(u.Code, u.Name, u.Kind, u.Level, u.ParentCode,
                u.ParentCode is null ? null : names.GetValueOrDefault(u.ParentCode), u.ValidFrom, u.ValidTo, u.ValidTo < today,
                children.GetValueOrDefault(u.Code)))
            .ToList();
    }
}
