using Lachan.Features.Registry.Contracts;
using Lachan.Features.Outbreak.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Outbreak.Zones;

public sealed class AffectedModel(AffectedWorkers affected, ZoneStatus status, Jurisdiction scope, AuditLog audit, LachanDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    /// <summary>A ?Date= that is not a date: shown as an error (the view is today's), not silently replaced.</summary>
    public string? RejectedDate => Lachan.Features.Shared.QueryDate.Rejected(ModelState, nameof(Date));
    [BindProperty(SupportsGet = true)] public int? Zone { get; set; }
    [BindProperty(SupportsGet = true)] public int? Order { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }

    public AffectedResult Result { get; private set; } = null!;
    public IReadOnlyList<ZoneStatusRow> Zones { get; private set; } = [];

    private AffectedQuery Query => new() { Date = Date, Zone = Zone, Order = Order, Page = PageNumber };

    private bool Allowed => scope.Can(OutbreakAreas.Zones, Access.Read) && scope.Can(RegistryAreas.Workers, Access.Read);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Allowed) return Forbid();
        if (await affected.RunAsync(Query, ct) is not { } result) return NotFound();
        Result = result;
        Zones = await status.ListAsync(result.Date, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (!Allowed) return Forbid();
        if (!ListExport.TryParseFormat(format, out var fmt)) return BadRequest();
        if (await affected.AllAsync(Query, ct) is not { } all) return NotFound();
        // A list of people is personal data: its export is audited like a view.
        audit.Record("export", "AffectedWorkers", null, after: new { fmt, Filter = new { Date, Zone, Order }, Rows = all.Count });
        await db.SaveChangesAsync(ct);
        await ListExport.WriteAsync(Response, "nguoi-lao-dong-bi-anh-huong" + (Date is { } d ? "-" + d.ToString("yyyyMMdd") : ""), fmt, all, Columns, ct);
        return new EmptyResult();
    }

    /// <summary>Exports are in Vietnamese whatever the UI language, like the registry's.</summary>
    public static readonly IReadOnlyList<ListExport.Column<AffectedWorker>> Columns =
    [
        new("Họ và tên", w => w.FullName),
        new("Năm sinh", w => w.BirthYear),
        new("Quê quán (tỉnh)", w => w.HomeProvince),
        new("Doanh nghiệp", w => w.Enterprise),
        new("Khu công nghiệp", w => w.IndustrialZone),
        new("Nhà trọ", w => w.LodgingHouse),
        new("Xã / phường / thị trấn", w => w.Commune),
        new("Doanh nghiệp tạm dừng", w => w.EmployerStopped ? "x" : ""),
        new("Nơi ở bị phong tỏa / cách ly", w => w.LodgingLocked ? "x" : ""),
    ];
}
