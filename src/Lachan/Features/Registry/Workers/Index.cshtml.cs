using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Registry.Workers;

/// <summary>Search and list. Criteria that identify a person (CCCD, name, phone) are posted, never put in the URL as
/// such: the post redirects to the list with the criteria in a <see cref="SearchToken"/> (POST-redirect-GET), so Back
/// and paging need no resend; only enterprise / lodging filters may be plain links. Every page read is audited.</summary>
public sealed class IndexModel(WorkerSearch search, Jurisdiction scope, AuditLog audit, LachanDb db, IDataProtectionProvider keys, CurrentUser user) : PageModel
{
    [BindProperty] public string? Cccd { get; set; }
    [BindProperty] public string? Q { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty(SupportsGet = true)] public int? EnterpriseId { get; set; }
    [BindProperty(SupportsGet = true)] public int? LodgingHouseId { get; set; }
    [BindProperty(SupportsGet = true)] public int? ZoneId { get; set; }
    [BindProperty(SupportsGet = true)] public string? CommuneCode { get; set; }
    [BindProperty(SupportsGet = true)] public MovementKind? Movement { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }

    public Paged<WorkerRow> Result { get; private set; } = new([], 0, 1, Paging.DefaultSize);
    public FieldErrors Errors { get; } = new();
    /// <summary>The search link was expired, tampered with or another user's: nothing is shown.</summary>
    public bool SearchExpired { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Zones { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Communes { get; private set; } = [];
    public bool CanCreate => scope.Can(RegistryAreas.Workers, Access.Write);

    /// <summary>What the search link carries: the form, without the page number (that stays a plain parameter).</summary>
    public sealed record Criteria(string? Cccd, string? Q, string? Phone, int? EnterpriseId, int? LodgingHouseId, int? ZoneId,
        string? CommuneCode, MovementKind? Movement, string? From, string? To, string? Sort);

    private WorkerSearchQuery Query => new()
    {
        Cccd = Cccd, Q = Q, Phone = Phone, EnterpriseId = EnterpriseId, LodgingHouseId = LodgingHouseId,
        ZoneId = ZoneId, CommuneCode = CommuneCode, Movement = Movement,
        From = Dates.Parse(From, nameof(From), Errors), To = Dates.Parse(To, nameof(To), Errors),
        Sort = Sort, Page = PageNumber,
    };

    /// <param name="s">A search link's token (see <see cref="SearchToken"/>).</param>
    public async Task<IActionResult> OnGetAsync(string? s, CancellationToken ct)
    {
        if (s is not null)
        {
            if (SearchToken.Unprotect<Criteria>(keys, user.Name, s) is { } c)
                (Cccd, Q, Phone, EnterpriseId, LodgingHouseId, ZoneId, CommuneCode, Movement, From, To, Sort) = c;
            else
                SearchExpired = true;
        }
        return await ShowAsync(ct);
    }

    /// <summary>The search form and the pager post here; the answer is a redirect to the results (POST-redirect-GET).</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The form posts to the URL it was read from: a page number there is the old one, only the pager's counts.
        PageNumber = int.TryParse(Request.Form[nameof(PageNumber)], out var page) && page > 1 ? page : null;
        _ = Query;   // parses the dates, noting their errors
        if (!Errors.Ok) return await ShowAsync(ct);   // show the form's errors; nothing worth a link yet
        var token = SearchToken.Protect(keys, user.Name, new Criteria(Cccd, Q, Phone, EnterpriseId, LodgingHouseId, ZoneId, CommuneCode, Movement, From, To, Sort));
        return RedirectToPage(new { s = token, PageNumber });
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var query = Query;
        if (!SearchExpired) Result = await search.RunAsync(query, ct);   // audited there
        Zones = (await scope.Zones(db.Set<IndustrialZone>()).OrderBy(z => z.Name).Select(z => new { z.Id, z.Name }).ToListAsync(ct)).Select(z => (z.Id, z.Name)).ToList();
        Communes = (await db.Set<AdminUnit>().Where(u => u.Level == AdminLevel.Commune && db.Set<LodgingHouse>().Any(l => l.CommuneCode == u.Code))
            .OrderBy(u => u.Name).Select(u => new { u.Code, u.Name }).ToListAsync(ct)).Select(u => (u.Code, u.Name)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostExportAsync(string? format, CancellationToken ct)
    {
        if (!ListExport.TryParseFormat(format, out var fmt)) return BadRequest();
        audit.Record("export", "WorkerList", null, after: new { fmt, Filter = new { HasCccd = Cccd != null, HasName = Q != null, HasPhone = Phone != null, EnterpriseId, LodgingHouseId } });
        await db.SaveChangesAsync(ct);
        await ListExport.WriteAsync(Response, "nguoi-lao-dong", fmt, search.ExportAsync(Query, ct).ToBlockingEnumerable(ct), Columns(), ct);
        return new EmptyResult();
    }

    /// <summary>The roster layout: what the roster importer reads, so export → import of an unchanged list changes nothing.</summary>
    public static IReadOnlyList<ListExport.Column<RosterExportRow>> Columns() =>
    [
        new("Họ và tên", w => w.FullName),
        new("Ngày sinh", w => w.DateOfBirth),
        new("Giới tính", w => w.Sex == Sex.Female ? "Nữ" : "Nam"),
        new("Số CCCD", w => w.Cccd),
        new("Số CMND", w => w.Cmnd),
        new("Mã số BHXH", w => w.Bhxh),
        new("Số điện thoại", w => w.Phone),
        new("Nơi thường trú", w => w.PermanentAddress),
        new("Nơi ở hiện tại", w => w.LodgingName is null ? null : w.LodgingName + ", " + w.LodgingAddress),
        new("Ngày vào làm", w => w.HiredOn),
        new("Loại HĐLĐ", w => w.Contract switch
        {
            ContractType.Indefinite => "Không xác định thời hạn", ContractType.Definite => "Xác định thời hạn",
            ContractType.Seasonal => "Mùa vụ", ContractType.Probation => "Thử việc", _ => null,
        }),
        new("Bộ phận", w => w.Workshop),
        new("Doanh nghiệp", w => w.EnterpriseName),
    ];
}
