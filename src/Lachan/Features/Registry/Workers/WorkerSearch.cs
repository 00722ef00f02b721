using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Registry.Workers;

public sealed record WorkerSearchQuery
{
    public string? Cccd { get; init; }
    /// <summary>Name, with or without diacritics.</summary>
    public string? Q { get; init; }
    public string? Phone { get; init; }
    public int? EnterpriseId { get; init; }
    public int? LodgingHouseId { get; init; }
    /// <summary>Workers of the enterprises in this industrial zone.</summary>
    public int? ZoneId { get; init; }
    /// <summary>Workers living in lodging houses of this commune.</summary>
    public string? CommuneCode { get; init; }
    /// <summary>Workers with a movement of this kind (any kind when null) between From and To, when either is given.</summary>
    public MovementKind? Movement { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record WorkerRow(int Id, string Cccd, string FullName, Sex Sex, DateOnly DateOfBirth, string? Phone,
    string HomeProvinceCode, int? EnterpriseId, string? EnterpriseName, int? LodgingHouseId, string? LodgingHouseName);

public sealed record RosterExportRow(string Cccd, string FullName, Sex Sex, DateOnly DateOfBirth, string? Cmnd, string? Bhxh,
    string? Phone, string? PermanentAddress, string? LodgingName, string? LodgingAddress, DateOnly? HiredOn, ContractType? Contract,
    string? Workshop, string? EnterpriseName);

/// <summary>Finds workers inside the caller's jurisdiction. Name search matches the start of the name without
/// diacritics through the index ("nguyen van" → every Nguyễn Văn …); only when nothing starts that way does it look
/// for the words anywhere in the name (a scan, but a bounded one).</summary>
public sealed class WorkerSearch(LachanDb db, Jurisdiction scope)
{
    public static readonly string[] Sorts = ["name", "-name", "cccd", "-cccd", "dob", "-dob"];

    public async Task<Paged<WorkerRow>> RunAsync(WorkerSearchQuery query, CancellationToken ct = default)
    {
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var q = Filter(query);
        if (!string.IsNullOrWhiteSpace(query.Q) && !await q.AnyAsync(ct))
            q = Filter(query, nameAnywhere: true);
        var items = await Sorted(q, query.Sort).PageOf(page, size).Select(ToRow).ToListAsync(ct);
        // A first page that is not full is the whole result (a CCCD lookup): no second query to count it.
        var total = page == 1 && items.Count < size ? items.Count : await q.CountAsync(ct);
        return new Paged<WorkerRow>(items, total, page, size);
    }

    /// <summary>Every matching worker in the roster layout, for export (the caller streams it).</summary>
    public IAsyncEnumerable<RosterExportRow> ExportAsync(WorkerSearchQuery query) =>
        Sorted(Filter(query), query.Sort).Select(w => new RosterExportRow(
            w.Cccd, w.FullName, w.Sex, w.DateOfBirth, w.Cmnd, w.BhxhNumber, w.Phone, w.PermanentAddress,
            w.CurrentLodgingHouse!.Name, w.CurrentLodgingHouse.Address,
            w.Employments.Where(e => e.To == null).Select(e => (DateOnly?)e.From).FirstOrDefault(),
            w.Employments.Where(e => e.To == null).Select(e => (ContractType?)e.ContractType).FirstOrDefault(),
            w.Employments.Where(e => e.To == null).Select(e => e.Workshop).FirstOrDefault(),
            w.CurrentEnterprise!.Name)).AsAsyncEnumerable();

    private IQueryable<Worker> Filter(WorkerSearchQuery query, bool nameAnywhere = false)
    {
        var q = scope.Workers(db.Set<Worker>().AsNoTracking());
        if (!string.IsNullOrWhiteSpace(query.Cccd))
        {
            var cccd = query.Cccd.Trim();
            // Spreadsheets drop the leading zero of a CCCD; an 11-digit number means "0" + it.
            if (cccd.Length == 11 && cccd.All(char.IsAsciiDigit)) cccd = "0" + cccd;
            q = q.Where(w => w.Cccd == cccd || w.Cmnd == cccd);
        }
        if (!string.IsNullOrWhiteSpace(query.Phone))
        {
            var phone = OtherIds.NormalizePhone(query.Phone) ?? query.Phone.Trim();
            q = q.Where(w => w.Phone == phone);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var key = VietnameseText.SearchKey(query.Q);
            if (nameAnywhere)
                q = q.Where(w => w.NameSearch.Contains(key));
            else
            {
                var upper = key + "\uffff";
                q = q.Where(w => string.Compare(w.NameSearch, key) >= 0 && string.Compare(w.NameSearch, upper) < 0);
            }
        }
        if (query.EnterpriseId is int e) q = q.Where(w => w.CurrentEnterpriseId == e);
        if (query.LodgingHouseId is int l) q = q.Where(w => w.CurrentLodgingHouseId == l);
        if (query.ZoneId is int z) q = q.Where(w => w.CurrentEnterprise!.IndustrialZoneId == z);
        if (!string.IsNullOrWhiteSpace(query.CommuneCode)) q = q.Where(w => w.CurrentLodgingHouse!.CommuneCode == query.CommuneCode);
        if (query.Movement is not null || query.From is not null || query.To is not null)
        {
            var (kind, from, to) = (query.Movement, query.From ?? DateOnly.MinValue, query.To ?? DateOnly.MaxValue);
            q = q.Where(w => w.Movements.Any(m => (kind == null || m.Kind == kind) && m.Date >= from && m.Date <= to));
        }
        return q;
    }

    private static IQueryable<Worker> Sorted(IQueryable<Worker> q, string? sort) => sort switch
    {
        "-name" => q.OrderByDescending(w => w.NameSearch).ThenByDescending(w => w.Id),
        "cccd" => q.OrderBy(w => w.Cccd),
        "-cccd" => q.OrderByDescending(w => w.Cccd),
        "dob" => q.OrderBy(w => w.DateOfBirth).ThenBy(w => w.Id),
        "-dob" => q.OrderByDescending(w => w.DateOfBirth).ThenByDescending(w => w.Id),
        _ => q.OrderBy(w => w.NameSearch).ThenBy(w => w.Id),
    };

    private static readonly System.Linq.Expressions.Expression<Func<Worker, WorkerRow>> ToRow = w => new WorkerRow(
        w.Id, w.Cccd, w.FullName, w.Sex, w.DateOfBirth, w.Phone, w.HomeProvinceCode,
        w.CurrentEnterpriseId, w.CurrentEnterprise!.Name, w.CurrentLodgingHouseId, w.CurrentLodgingHouse!.Name);
}
