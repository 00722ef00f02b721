using Lachan.Infrastructure.Calendar;
using Lachan.Features.Relief.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure;
using Lachan.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Relief.Supplies;

/// <summary>Zero-đồng supermarkets and warehouses with their stock (lots of one point on request); opening a point and
/// transferring goods between points for those who may write.</summary>
public sealed class IndexModel(SupplyPoints points, SupplyLedger ledger, Jurisdiction scope, ProvinceCalendar calendar) : PageModel
{
    public sealed class TransferFields
    {
        public int FromPointId { get; set; }
        public int ToPointId { get; set; }
        public int ItemId { get; set; }
        public long Quantity { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int? PointId { get; set; }
    [BindProperty] public PointForm Point { get; set; } = new();
    [BindProperty] public TransferFields Transfer { get; set; } = new();
    public IReadOnlyList<PointStock> Points { get; private set; } = [];
    public FieldErrors PointErrors { get; private set; } = new();
    public FieldErrors TransferErrors { get; private set; } = new();
    public string? Done { get; private set; }
    public bool CanWrite => scope.Can(ReliefAreas.Supplies, Access.Write);

    public async Task OnGetAsync(CancellationToken ct) => Points = await points.ListAsync(PointId, ct);

    public async Task<IActionResult> OnPostPointAsync(CancellationToken ct)
    {
        if (!CanWrite) return Forbid();
        var result = await points.OpenAsync(Point, ct);
        if (result is SaveResult.Invalid i) PointErrors = i.Errors;
        else Done = "Saved.";
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostTransferAsync(CancellationToken ct)
    {
        if (!CanWrite) return Forbid();
        var result = await ledger.TransferAsync(new TransferInput(Transfer.FromPointId, Transfer.ToPointId, Transfer.ItemId, Transfer.Quantity, calendar.Today), ct);
        switch (result)
        {
            case PostResult.Invalid i: TransferErrors = i.Errors; break;
            case PostResult.NotFound: TransferErrors.Add("FromPointId", "Supplies.PointUnknown"); break;
            case PostResult.TooLow low: TransferErrors.Add("Quantity", "Supplies.TransferTooLow", low.Available); break;
            default: Done = "Saved."; break;
        }
        await OnGetAsync(ct);
        return Page();
    }
}
