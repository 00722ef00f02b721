using Lachan.Features.Registry.Contracts;
using Lachan.Features.Outbreak.Contracts;
using Lachan.Infrastructure;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Lachan.Infrastructure.Calendar;

namespace Lachan.Features.Outbreak.Zones;

/// <summary>A zone's timeline and orders; the steering committee issues and lifts orders here.</summary>
public sealed class DetailModel(ZoneStatus status, ZoneOrders orders, LachanDb db, Jurisdiction scope, ProvinceCalendar calendar, UiText text) : PageModel
{
    public sealed class OrderInput
    {
        public ZoneLevel? Level { get; set; }
        public string? DecisionNumber { get; set; }
        public DateOnly? DecisionDate { get; set; }
        public string? IssuedBy { get; set; }
        public DateOnly? EffectiveFrom { get; set; }
        public DateOnly? EffectiveTo { get; set; }
        /// <summary>Tax codes typed in (the API's form); the page ticks them in <see cref="Exempt"/> instead.</summary>
        public string? ExemptTaxCodes { get; set; }
        /// <summary>The tax codes ticked in the zone's list of enterprises.</summary>
        public List<string> Exempt { get; set; } = [];
        public IFormFile? Scan { get; set; }
    }

    [BindProperty] public OrderInput Order { get; set; } = new();
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    /// <summary>A ?Date= that is not a date: shown as an error (the view is today's), not silently replaced.</summary>
    public string? RejectedDate => Lachan.Features.Shared.QueryDate.Rejected(ModelState, nameof(Date));
    public ZoneStatusDetail Zone { get; private set; } = null!;
    public FieldErrors Errors { get; private set; } = new();
    public int? LiftErrorOrder { get; private set; }
    public bool CanDeclare => scope.Can(OutbreakAreas.Zones, Access.Write);
    public bool CanSeeAffected => scope.Can(RegistryAreas.Workers, Access.Read);
    /// <summary>The enterprises inside the zone, to pick the exempted ones from (only for those who issue orders).</summary>
    public IReadOnlyList<(string TaxCode, string Name)> ZoneEnterprises { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostOrderAsync(int id, CancellationToken ct)
    {
        if (!scope.Can(OutbreakAreas.Zones, Access.Write)) return Forbid();
        OrderScan? scan = null;
        if (Order.Scan is { Length: > 0 } file)
        {
            if (file.Length > ZoneOrders.MaxScanBytes) Errors.TryAdd("Scan", "Order.ScanTooLarge");
            else
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                scan = new OrderScan(file.FileName, buffer.ToArray());
            }
        }
        var result = Errors.Ok ? await orders.AddOrderAsync(id, new ZoneOrderForm
        {
            Level = Order.Level, DecisionNumber = Order.DecisionNumber, DecisionDate = Order.DecisionDate, IssuedBy = Order.IssuedBy,
            EffectiveFrom = Order.EffectiveFrom, EffectiveTo = Order.EffectiveTo,
            ExemptTaxCodes = string.Join(',', Order.Exempt.Append(Order.ExemptTaxCodes ?? "")).Trim(','),
        }, scan, ct) : new SaveResult.Invalid(Errors);
        return await AfterAsync(id, result, ct);
    }

    public async Task<IActionResult> OnPostLiftAsync(int id, int orderId, DateOnly? liftedOn, CancellationToken ct)
    {
        if (!scope.Can(OutbreakAreas.Zones, Access.Write)) return Forbid();
        // The order must belong to this zone: the form cannot be pointed at another zone's order.
        if (!await db.Set<ZoneOrder>().AnyAsync(o => o.Id == orderId && o.ControlZoneId == id, ct)) return NotFound();
        LiftErrorOrder = orderId;
        return await AfterAsync(id, await orders.LiftAsync(orderId, liftedOn, ct), ct);
    }

    public async Task<IActionResult> OnGetScanAsync(int id, int orderId, CancellationToken ct)
    {
        var scan = await db.Set<ZoneOrderScan>().AsNoTracking()
            .Where(s => s.ZoneOrderId == orderId && db.Set<ZoneOrder>().Any(o => o.Id == orderId && o.ControlZoneId == id)).FirstOrDefaultAsync(ct);
        return scan is null ? NotFound() : File(scan.Content, scan.ContentType, scan.FileName);
    }

    private async Task<IActionResult> AfterAsync(int id, SaveResult result, CancellationToken ct)
    {
        switch (result)
        {
            case SaveResult.Saved:
                TempData["Message"] = text["Saved."];
                return Redirect($"/Outbreak/Zones/{id}");
            case SaveResult.Invalid invalid:
                Errors = invalid.Errors;
                return await LoadAsync(id, ct) ? Page() : NotFound();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await status.LoadAsync(id, Date ?? calendar.Today, ct) is not { } zone) return false;
        Zone = zone;
        if (CanDeclare) ZoneEnterprises = await EnterprisesInAsync(id, ct);
        return true;
    }

    private async Task<IReadOnlyList<(string TaxCode, string Name)>> EnterprisesInAsync(int zoneId, CancellationToken ct)
    {
        var z = await db.Set<ControlZone>().AsNoTracking().FirstAsync(c => c.Id == zoneId, ct);
        var inZone = z.Kind switch   // the same membership as ZoneTimeline.Contains, as a query
        {
            ControlZoneKind.IndustrialZone => db.Set<Enterprise>().Where(e => e.IndustrialZoneId == z.IndustrialZoneId),
            ControlZoneKind.Commune => db.Set<Enterprise>().Where(e => e.CommuneCode == z.CommuneCode),
            ControlZoneKind.EnterpriseSite => db.Set<Enterprise>().Where(e => e.Id == z.EnterpriseId),
            _ => db.Set<Enterprise>().Where(e => false),
        };
        var rows = await inZone.AsNoTracking().Select(e => new { e.TaxCode, e.Name }).ToListAsync(ct);
        return rows.Select(r => (r.TaxCode, r.Name)).OrderBy(r => r.Name, StringComparer.Create(UiText.Vietnamese, false)).ToList();
    }
}
