using Lachan.Features.Registry.AdminUnits;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Registry.Lodging;

/// <summary>The list of lodging houses. The text query may be a landlord's name, so it is posted and carried in a
/// <see cref="SearchToken"/> (POST-redirect-GET); the commune, sort and page stay plain link parameters.</summary>
public sealed class IndexModel(LodgingSearch search, LodgingEditor editor, PlaceLookup places, Jurisdiction scope, AuditLog audit, LachanDb db,
    IDataProtectionProvider keys, CurrentUser user) : PageModel
{
    [BindProperty] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? CommuneCode { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }

    public Paged<LodgingRow> Result { get; private set; } = new([], 0, 1, Paging.DefaultSize);
    public IReadOnlyList<UnitChoice> Communes { get; private set; } = [];
    public bool CanCreate => scope.Can(RegistryAreas.Lodging, Access.Write);
    /// <summary>The search link was expired, tampered with or another user's: nothing is shown.</summary>
    public bool SearchExpired { get; private set; }

    public sealed record Criteria(string? Q);

    private LodgingSearchQuery Query => new() { Q = Q, CommuneCode = CommuneCode, Sort = Sort, Page = PageNumber };

    /// <param name="s">A search link's token (see <see cref="SearchToken"/>).</param>
    public async Task<IActionResult> OnGetAsync(string? s, CancellationToken ct)
    {
        // Enterprise HR has no access to lodging at all: refuse rather than show an empty list.
        if (!Unprotect(s)) SearchExpired = true;
        else Result = await search.RunAsync(Query, ct);
        Communes = editor.Allowed(await places.ChoicesAsync(AdminLevel.Commune, ct));
        return Page();
    }

    /// <summary>The search form posts here; the answer is a redirect to the results (POST-redirect-GET).</summary>
    public IActionResult OnPost()
    {
        var s = string.IsNullOrWhiteSpace(Q) ? null : SearchToken.Protect(keys, user.Name, new Criteria(Q));
        return RedirectToPage(new { s, CommuneCode = string.IsNullOrEmpty(CommuneCode) ? null : CommuneCode, Sort });
    }

    /// <summary>Reads the query from a search link; false when the link is not valid for this user.</summary>
    private bool Unprotect(string? s)
    {
        if (s is null) return true;
        Q = SearchToken.Unprotect<Criteria>(keys, user.Name, s)?.Q;
        return Q is not null;
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, string? s, CancellationToken ct)
    {
        if (!ListExport.TryParseFormat(format, out var fmt)) return BadRequest();
        if (!Unprotect(s)) return NotFound();
        // The list carries landlords' names and phones: who took it is recorded.
        audit.Record("export", "LodgingList", null, after: new { fmt, Filter = new { Q, CommuneCode } });
        await db.SaveChangesAsync(ct);
        await ListExport.WriteAsync(Response, "nha-tro", fmt, await search.AllAsync(Query, ct), Columns, ct);
        return new EmptyResult();
    }

    public static readonly IReadOnlyList<ListExport.Column<LodgingRow>> Columns =
    [
        new("Mã nhà trọ", l => l.Id),
        new("Tên nhà trọ", l => l.Name),
        new("Địa chỉ", l => l.Address),
        new("Mã xã", l => l.CommuneCode),
        new("Xã / phường / thị trấn", l => l.CommuneName),
        new("Chủ nhà trọ", l => l.LandlordName),
        new("Điện thoại chủ nhà trọ", l => l.LandlordPhone),
        new("Số phòng", l => l.Rooms),
        new("Sức chứa (người)", l => l.Capacity),
        new("Số người đang ở", l => l.Residents),
    ];
}
