using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Registry.Enterprises;

public sealed class IndexModel(EnterpriseSearch search, Jurisdiction scope, AuditLog audit, LachanDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? ZoneId { get; set; }
    [BindProperty(SupportsGet = true)] public EnterpriseStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }

    public Paged<EnterpriseRow> Result { get; private set; } = new([], 0, 1, Paging.DefaultSize);
    public IReadOnlyList<(int Id, string Name)> Zones { get; private set; } = [];
    public bool CanCreate => scope.Can(RegistryAreas.Enterprises, Access.Write);

    private EnterpriseSearchQuery Query => new() { Q = Q, ZoneId = ZoneId, Status = Status, Sort = Sort, Page = PageNumber };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Result = await search.RunAsync(Query, ct);
        Zones = (await scope.Zones(db.Set<IndustrialZone>().AsNoTracking()).OrderBy(z => z.Name).Select(z => new { z.Id, z.Name }).ToListAsync(ct))
            .Select(z => (z.Id, z.Name)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (!ListExport.TryParseFormat(format, out var fmt)) return BadRequest();
        audit.Record("export", "EnterpriseList", null, after: new { fmt, Filter = new { Q, ZoneId, Status } });
        await db.SaveChangesAsync(ct);
        await ListExport.WriteAsync(Response, "doanh-nghiep", fmt, await search.AllAsync(Query, ct), Columns, ct);
        return new EmptyResult();
    }

    public static readonly IReadOnlyList<ListExport.Column<EnterpriseRow>> Columns =
    [
        new("Mã số thuế", e => e.TaxCode),
        new("Tên doanh nghiệp", e => e.Name),
        new("Khu công nghiệp", e => e.ZoneName),
        new("Mã xã", e => e.CommuneCode),
        new("Xã / phường / thị trấn", e => e.CommuneName),
        new("Mã huyện", e => e.DistrictCode),
        new("Địa chỉ", e => e.Address),
        new("Ngành nghề", e => e.Sector),
        new("Trạng thái", e => StatusText(e.Status)),
        new("Số lao động hiện tại", e => e.Workers),
    ];

    /// <summary>Exports are in Vietnamese whatever the UI language, so a file has one layout for re-import.</summary>
    public static string StatusText(EnterpriseStatus s) => s switch
    {
        EnterpriseStatus.Operating => "Đang hoạt động",
        EnterpriseStatus.Suspended => "Tạm dừng hoạt động",
        _ => "Đã đóng cửa",
    };
}
