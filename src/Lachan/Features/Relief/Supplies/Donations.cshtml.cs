using Lachan.Infrastructure.Calendar;
using Lachan.Features.Relief.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Localization;
using Lachan.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Relief.Supplies;

/// <summary>Donations with their receipts (newest first), and recording one: money to the relief fund and/or one lot of
/// goods received at a point.</summary>
public sealed class DonationsModel(SupplyLedger ledger, LachanDb db, Jurisdiction scope, AuditLog audit, UiText text, ProvinceCalendar calendar) : PageModel
{
    public sealed class DonationFields
    {
        public DonorKind DonorKind { get; set; }
        public string? DonorName { get; set; }
        public string? TaxCode { get; set; }
        public long Money { get; set; }
        public int? ItemId { get; set; }
        public long Quantity { get; set; }
        public int? PointId { get; set; }
        public string? LotCode { get; set; }
        public DateOnly? ExpiresOn { get; set; }
        public string? Note { get; set; }
    }

    public sealed record Row(int Id, string ReceiptNo, DateOnly Day, DonorKind Kind, string Donor, long Money, long GoodsValue);

    [BindProperty] public DonationFields Form { get; set; } = new();
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<SupplyPoint> Points { get; private set; } = [];
    public FieldErrors Errors { get; private set; } = new();
    public string? Done { get; private set; }
    public bool CanWrite => scope.Can(ReliefAreas.Supplies, Access.Write);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await db.Set<Donation>().AsNoTracking().OrderByDescending(d => d.Day).ThenByDescending(d => d.Id).Take(200)
            .Select(d => new Row(d.Id, d.ReceiptNo, d.Day, d.Donor!.Kind, d.Donor.Name, d.MoneyAmount, d.Lines.Sum(l => l.Quantity * l.UnitValue)))
            .ToListAsync(ct);
        Points = await db.Set<SupplyPoint>().AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
    }

    /// <summary>The receipt as pdf. It may name a private donor, so each view is audited.</summary>
    public async Task<IActionResult> OnGetReceiptAsync(int id, CancellationToken ct)
    {
        var donation = await db.Set<Donation>().AsNoTracking().Include(d => d.Donor).Include(d => d.Lines).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (donation is null) return NotFound();
        var items = await db.Set<SupplyItem>().AsNoTracking().ToDictionaryAsync(i => i.Id, ct);
        var pointIds = donation.Lines.Select(l => l.PointId).ToList();
        var points = await db.Set<SupplyPoint>().AsNoTracking().Where(p => pointIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var pdf = ReceiptPdf.Render(donation, text["DonorKind." + donation.Donor!.Kind], [.. donation.Lines.Select(l =>
            new ReceiptPdf.Line(items[l.ItemId].Name, items[l.ItemId].Unit, l.Quantity, l.Quantity * l.UnitValue, points[l.PointId], l.LotCode))]);
        await audit.ViewedAsync(nameof(Donation), donation.ReceiptNo, ct);
        return File(pdf, "application/pdf", donation.ReceiptNo + ".pdf");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanWrite) return Forbid();
        var f = Form;
        IReadOnlyList<DonatedGoods> goods = f.ItemId is { } item && f.Quantity != 0
            ? [new DonatedGoods(item, f.Quantity, f.PointId ?? 0, f.LotCode, f.ExpiresOn)] : [];
        switch (await ledger.ReceiveAsync(new DonationInput(f.DonorKind, f.DonorName ?? "", f.TaxCode, calendar.Today, f.Money, goods, f.Note), ct))
        {
            case PostResult.Invalid i: Errors = i.Errors; break;
            case PostResult.NotFound: Errors.Add("PointId", "Supplies.PointUnknown"); break;
            default: Done = "Saved."; ModelState.Clear(); Form = new(); break;
        }
        await OnGetAsync(ct);
        return Page();
    }
}
