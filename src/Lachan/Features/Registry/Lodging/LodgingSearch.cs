using Lachan.Features.Registry.Enterprises;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Registry.Lodging;

public sealed record LodgingSearchQuery
{
    /// <summary>Words of the name, address or landlord's name, with or without diacritics.</summary>
    public string? Q { get; init; }
    public string? CommuneCode { get; init; }
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record LodgingRow(int Id, string Name, string Address, string CommuneCode, string? CommuneName,
    int LandlordId, string LandlordName, string? LandlordPhone, int Rooms, int Capacity, int Residents);

/// <summary>Lodging houses inside the caller's jurisdiction, with their landlord and current residents (one GROUP BY
/// for the rows shown). Addresses have no stored search key, so text search runs in memory over the few thousand
/// houses in scope (name, address and landlord's name together, so "nha tro hoa thon dong" finds a house by both).</summary>
public sealed class LodgingSearch(LachanDb db, Jurisdiction scope, WorkerCounts counts)
{
    public static readonly string[] Sorts = ["name", "commune", "capacity", "residents"];

    public async Task<Paged<LodgingRow>> RunAsync(LodgingSearchQuery query, CancellationToken ct = default)
    {
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var q = await FilterAsync(query, ct);
        var total = await q.CountAsync(ct);
        List<LodgingRow> rows;
        Dictionary<int, int> residents;
        if (query.Sort?.TrimStart('-') == "residents")
        {
            // Sorting by a count needs every house's count: sort the ids in memory, then load only the page shown.
            residents = await counts.ByLodgingHouseAsync(null, ct);
            var ids = await q.Select(l => l.Id).ToListAsync(ct);
            var shown = (query.Sort == "residents" ? ids.OrderBy(id => residents.GetValueOrDefault(id)) : ids.OrderByDescending(id => residents.GetValueOrDefault(id)))
                .ThenBy(id => id).Skip((page - 1) * size).Take(size).ToList();
            rows = (await Rows(q.Where(l => shown.Contains(l.Id))).ToListAsync(ct)).OrderBy(r => shown.IndexOf(r.Id)).ToList();
        }
        else
        {
            rows = await Rows(Sorted(q, query.Sort).PageOf(page, size)).ToListAsync(ct);
            residents = await counts.ByLodgingHouseAsync(rows.Select(r => r.Id).ToList(), ct);
        }
        return new Paged<LodgingRow>(rows.Select(r => r with { Residents = residents.GetValueOrDefault(r.Id) }).ToList(), total, page, size);
    }

    /// <summary>Every matching row with its residents, for export.</summary>
    public async Task<IReadOnlyList<LodgingRow>> AllAsync(LodgingSearchQuery query, CancellationToken ct = default)
    {
        var q = await FilterAsync(query, ct);
        var rows = await Rows(Sorted(q, query.Sort)).ToListAsync(ct);
        var residents = await counts.ByLodgingHouseAsync(null, ct);
        var result = rows.Select(r => r with { Residents = residents.GetValueOrDefault(r.Id) });
        return (query.Sort switch
        {
            "residents" => result.OrderBy(r => r.Residents).ThenBy(r => r.Id),
            "-residents" => result.OrderByDescending(r => r.Residents).ThenBy(r => r.Id),
            _ => result,
        }).ToList();
    }

    private async Task<IQueryable<LodgingHouse>> FilterAsync(LodgingSearchQuery query, CancellationToken ct)
    {
        var q = scope.LodgingHouses(db.Set<LodgingHouse>().AsNoTracking());
        if (!string.IsNullOrWhiteSpace(query.CommuneCode)) q = q.Where(l => l.CommuneCode == query.CommuneCode.Trim());
        if (string.IsNullOrWhiteSpace(query.Q)) return q;
        var words = VietnameseText.SearchKey(query.Q).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var candidates = await q.Select(l => new { l.Id, l.NameSearch, l.Address, Landlord = l.Landlord!.NameSearch }).ToListAsync(ct);
        var ids = candidates
            .Where(c => $"{c.NameSearch} {VietnameseText.SearchKey(c.Address)} {c.Landlord}" is var text && words.All(w => text.Contains(w, StringComparison.Ordinal)))
            .Select(c => c.Id).ToList();
        return q.Where(l => EF.Parameter(ids).Contains(l.Id)); // one array parameter, not one per id
    }

    private static IQueryable<LodgingHouse> Sorted(IQueryable<LodgingHouse> q, string? sort) => sort switch
    {
        "-name" => q.OrderByDescending(l => l.NameSearch).ThenByDescending(l => l.Id),
        "commune" => q.OrderBy(l => l.CommuneCode).ThenBy(l => l.NameSearch),
        "-commune" => q.OrderByDescending(l => l.CommuneCode).ThenBy(l => l.NameSearch),
        "capacity" => q.OrderBy(l => l.Capacity).ThenBy(l => l.Id),
        "-capacity" => q.OrderByDescending(l => l.Capacity).ThenBy(l => l.Id),
        _ => q.OrderBy(l => l.NameSearch).ThenBy(l => l.Id),
    };

    private IQueryable<LodgingRow> Rows(IQueryable<LodgingHouse> q) => q.Select(l => new LodgingRow(
        l.Id, l.Name, l.Address, l.CommuneCode, db.Set<AdminUnit>().Where(u => u.Code == l.CommuneCode).Select(u => u.Name).FirstOrDefault(),
        l.LandlordId, l.Landlord!.FullName, l.Landlord.Phone, l.Rooms, l.Capacity, 0));
}
