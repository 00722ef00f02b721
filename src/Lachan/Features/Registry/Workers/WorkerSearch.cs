using System.Runtime.CompilerServices;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
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

/// <summary>Finds workers inside the caller's jurisdiction. A name query matches when each of its words begins some word
/// of the name ("lan" → Nguyễn Thị Lan, Lăng Văn Hải; "nguyen lan" → Nguyễn Thị Lan), through the index of name words
/// (<see cref="NameWords"/>). A partial CCCD (6–11 digits) matches the CCCDs starting with it, a range on the unique
/// index; a phone matches however it is written (0912…, 912…, +84 912…, 84912…).</summary>
public sealed class WorkerSearch(LachanDb db, Jurisdiction scope, AuditLog audit)
{
    public static readonly string[] Sorts = ["name", "-name", "cccd", "-cccd", "dob", "-dob"];

    /// <summary>One page for someone to read (the list page, the API, an enterprise's workers, a house's residents): the
    /// read is audited like an export, one event with who, the filter and the count, since paging through it reads the
    /// registry's personal data.</summary>
    public async Task<Paged<WorkerRow>> RunAsync(WorkerSearchQuery query, CancellationToken ct = default)
    {
        var result = await PageAsync(query, ct);
        await audit.ListedAsync("WorkerList", query with { Cccd = Given(query.Cccd), Q = Given(query.Q), Phone = Given(query.Phone) },
            result.Page, result.Items.Select(w => w.Id), result.Total, ct);
        return result;
    }

    /// <summary>A criterion that identifies a person, for the audit: whether it was given, not its value.</summary>
    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : "(given)";

    private async Task<Paged<WorkerRow>> PageAsync(WorkerSearchQuery query, CancellationToken ct)
    {
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var (q, listed) = await FilterAsync(query, ct);
        var items = await Sorted(q, query.Sort, listed).PageOf(page, size).Select(ToRow).ToListAsync(ct);
        // A first page that is not full is the whole result (a CCCD lookup): no second query to count it.
        var total = page == 1 && items.Count < size ? items.Count : await q.CountAsync(ct);
        return new Paged<WorkerRow>(items, total, page, size);
    }

    /// <summary>Every matching worker in the roster layout, for export (the caller streams it).</summary>
    public async IAsyncEnumerable<RosterExportRow> ExportAsync(WorkerSearchQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var (filtered, listed) = await FilterAsync(query, ct);
        var rows = Sorted(filtered, query.Sort, listed).Select(w => new RosterExportRow(
            w.Cccd, w.FullName, w.Sex, w.DateOfBirth, w.Cmnd, w.BhxhNumber, w.Phone, w.PermanentAddress,
            w.CurrentLodgingHouse!.Name, w.CurrentLodgingHouse.Address,
            w.Employments.Where(e => e.To == null).Select(e => (DateOnly?)e.From).FirstOrDefault(),
            w.Employments.Where(e => e.To == null).Select(e => (ContractType?)e.ContractType).FirstOrDefault(),
            w.Employments.Where(e => e.To == null).Select(e => e.Workshop).FirstOrDefault(),
            w.CurrentEnterprise!.Name));
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct)) yield return row;
    }

    /// <returns>The workers, and whether a name search narrowed them to a list of ids (<see cref="NameWords.SortKey"/>).</returns>
    private async Task<(IQueryable<Worker> Workers, bool Listed)> FilterAsync(WorkerSearchQuery query, CancellationToken ct)
    {
        var q = scope.Workers(db.Set<Worker>().AsNoTracking());
        var listed = false;
        if (!string.IsNullOrWhiteSpace(query.Cccd))
        {
            var cccd = query.Cccd.Trim();
            // Spreadsheets drop the leading zero of a CCCD; an 11-digit number means "0" + it.
            if (cccd.Length == 11 && cccd.All(char.IsAsciiDigit)) cccd = "0" + cccd;
            if (cccd.Length is >= MinCccdPrefix and < 12 && cccd.All(char.IsAsciiDigit))
            {
                // The start of a CCCD (province, sex and century, year of birth come first), or a whole 9-digit CMND.
                var upper = DigitsAfter(cccd);
                q = upper is null
                    ? q.Where(w => string.Compare(w.Cccd, cccd) >= 0 || w.Cmnd == cccd)
                    : q.Where(w => (string.Compare(w.Cccd, cccd) >= 0 && string.Compare(w.Cccd, upper) < 0) || w.Cmnd == cccd);
            }
            else q = q.Where(w => w.Cccd == cccd || w.Cmnd == cccd);
        }
        if (!string.IsNullOrWhiteSpace(query.Phone))
        {
            var phone = PhoneAsStored(query.Phone) ?? query.Phone.Trim();
            q = q.Where(w => w.Phone == phone);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
            (q, listed) = await NameWords.MatchingAsync(q, db, query.Q, ct);
        if (query.EnterpriseId is int e) q = q.Where(w => w.CurrentEnterpriseId == e);
        if (query.LodgingHouseId is int l) q = q.Where(w => w.CurrentLodgingHouseId == l);
        if (query.ZoneId is int z) q = q.Where(w => w.CurrentEnterprise!.IndustrialZoneId == z);
        if (!string.IsNullOrWhiteSpace(query.CommuneCode)) q = q.Where(w => w.CurrentLodgingHouse!.CommuneCode == query.CommuneCode);
        if (query.Movement is not null || query.From is not null || query.To is not null)
        {
            var (kind, from, to) = (query.Movement, query.From ?? DateOnly.MinValue, query.To ?? DateOnly.MaxValue);
            q = q.Where(w => w.Movements.Any(m => (kind == null || m.Kind == kind) && m.Date >= from && m.Date <= to));
        }
        return (q, listed);
    }

    /// <summary>Fewer digits than this match too many people to be a lookup (the first six are province, sex and year).</summary>
    public const int MinCccdPrefix = 6;

    /// <summary>The smallest digit string after every string that starts with <paramref name="prefix"/> ("0340129" →
    /// "034013"), or null when there is none ("999…"). Digit strings compare the same in every collation.</summary>
    internal static string? DigitsAfter(string prefix)
    {
        var end = prefix.TrimEnd('9');
        return end.Length == 0 ? null : end[..^1] + (char)(end[^1] + 1);
    }

    /// <summary>A phone as the registry stores it (0 and nine digits), from the ways people write one: with spaces, dots
    /// or dashes, without the leading 0, with +84 or 84 in front (and a stray 0 after it).</summary>
    internal static string? PhoneAsStored(string text)
    {
        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        if (digits.StartsWith("84", StringComparison.Ordinal) && digits.Length is 11 or 12) digits = digits[2..];
        digits = digits.TrimStart('0');
        return digits.Length == 9 ? "0" + digits : null;
    }

    private static IQueryable<Worker> Sorted(IQueryable<Worker> q, string? sort, bool listed)
    {
        // a list of ids is sorted as it is, off the indexes (NameWords.SortKey says why)
        var name = NameWords.SortKey(listed);
        System.Linq.Expressions.Expression<Func<Worker, string>> cccd = listed ? w => w.Cccd + "" : w => w.Cccd;
        return sort switch
        {
            "-name" => q.OrderByDescending(name).ThenByDescending(w => w.Id),
            "cccd" => q.OrderBy(cccd),
            "-cccd" => q.OrderByDescending(cccd),
            "dob" => q.OrderBy(w => w.DateOfBirth).ThenBy(w => w.Id),
            "-dob" => q.OrderByDescending(w => w.DateOfBirth).ThenByDescending(w => w.Id),
            _ => q.OrderBy(name).ThenBy(w => w.Id),
        };
    }

    private static readonly System.Linq.Expressions.Expression<Func<Worker, WorkerRow>> ToRow = w => new WorkerRow(
        w.Id, w.Cccd, w.FullName, w.Sex, w.DateOfBirth, w.Phone, w.HomeProvinceCode,
        w.CurrentEnterpriseId, w.CurrentEnterprise!.Name, w.CurrentLodgingHouseId, w.CurrentLodgingHouse!.Name);
}
