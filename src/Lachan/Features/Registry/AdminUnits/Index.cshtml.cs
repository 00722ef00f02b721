using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Registry.AdminUnits;

/// <summary>Without filters: the province → district → commune tree. With any filter: a paged, sortable list.</summary>
public sealed class IndexModel(AdminUnitList list, Jurisdiction scope, AuditLog audit, LachanDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public AdminLevel? Level { get; set; }
    [BindProperty(SupportsGet = true)] public string? Parent { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }

    public Paged<AdminUnitRow>? Result { get; private set; }
    public IReadOnlyList<AdminUnitNode> Tree { get; private set; } = [];
    public AdminUnitRow? ParentUnit { get; private set; }
    public bool CanEdit => scope.Can(RegistryAreas.Places, Access.Write);

    private AdminUnitQuery Query => new() { Level = Level, Parent = Parent, Q = Q, Sort = Sort, Page = PageNumber };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Query.IsFiltered || Sort is not null || PageNumber is not null)
        {
            Result = await list.RunAsync(Query, ct);
            if (!string.IsNullOrWhiteSpace(Parent)) ParentUnit = await list.FindAsync(Parent.Trim(), ct);
        }
        else
            Tree = await list.TreeAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (!ListExport.TryParseFormat(format, out var fmt)) return BadRequest();
        audit.Record("export", "AdminUnitList", null, after: new { fmt, Filter = new { Level, Parent, Q } });
        await db.SaveChangesAsync(ct);
        await ListExport.WriteAsync(Response, "don-vi-hanh-chinh", fmt, await list.AllAsync(Query, ct), Columns, ct);
        return new EmptyResult();
    }

    public static readonly IReadOnlyList<ListExport.Column<AdminUnitRow>> Columns =
    [
        new("Mã đơn vị", u => u.Code),
        new("Tên đơn vị", u => u.Name),
        new("Loại", u => u.Kind),
        new("Cấp", u => u.Level switch { AdminLevel.Province => "Tỉnh", AdminLevel.District => "Huyện", _ => "Xã" }),
        new("Mã đơn vị cấp trên", u => u.ParentCode),
        new("Đơn vị cấp trên", u => u.ParentName),
        new("Hiệu lực từ", u => u.ValidFrom),
        new("Hiệu lực đến", u => u.ValidTo),
    ];
}
