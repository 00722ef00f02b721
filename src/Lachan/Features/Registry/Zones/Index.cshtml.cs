using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Registry.Zones;

public sealed class IndexModel(ZoneList list, Jurisdiction scope, AuditLog audit, LachanDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? DistrictCode { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }

    public Paged<ZoneRow> Result { get; private set; } = new([], 0, 1, Paging.DefaultSize);
    public IReadOnlyList<(string Code, string Name)> Districts { get; private set; } = [];
    public bool CanCreate => scope.Can(RegistryAreas.Places, Access.Write);

    private ZoneListQuery Query => new() { Q = Q, DistrictCode = DistrictCode, Sort = Sort, Page = PageNumber };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Result = await list.RunAsync(Query, ct);
        Districts = (await scope.Zones(db.Set<IndustrialZone>().AsNoTracking()).Select(z => z.DistrictCode).Distinct()
                .Join(db.Set<AdminUnit>(), c => c, u => u.Code, (c, u) => new { u.Code, u.Name }).OrderBy(u => u.Name).ToListAsync(ct))
            .Select(u => (u.Code, u.Name)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (!ListExport.TryParseFormat(format, out var fmt)) return BadRequest();
        audit.Record("export", "ZoneList", null, after: new { fmt, Filter = new { Q, DistrictCode } });
        await db.SaveChangesAsync(ct);
        await ListExport.WriteAsync(Response, "khu-cong-nghiep", fmt, await list.AllAsync(Query, ct), Columns, ct);
        return new EmptyResult();
    }

    public static readonly IReadOnlyList<ListExport.Column<ZoneRow>> Columns =
    [
        new("Mã KCN", z => z.Code),
        new("Tên khu công nghiệp", z => z.Name),
        new("Diện tích (ha)", z => z.AreaHectares),
        new("Mã huyện", z => z.DistrictCode),
        new("Huyện / thành phố", z => z.DistrictName),
        new("Số doanh nghiệp", z => z.Enterprises),
        new("Số lao động hiện tại", z => z.Workers),
    ];
}
