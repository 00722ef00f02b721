using Lachan.Infrastructure.Calendar;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure;
using Lachan.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Relief.Supplies;

/// <summary>The counter of a zero-đồng supermarket: the worker is found by CCCD (in the registry) or by the ticket code
/// (typed, or read from the ticket's QR by a scanner that types it); the goods are issued with the key made when the form
/// was opened, so a double click or a resent form is recorded once. The CCCD travels only in the form body.</summary>
public sealed class CounterModel(SupplyIssues issues, LachanDb db, ProvinceCalendar calendar) : PageModel
{
    [BindProperty] public int PointId { get; set; }
    [BindProperty] public string? Cccd { get; set; }
    [BindProperty] public string? TicketCode { get; set; }
    [BindProperty] public Dictionary<int, long> Quantities { get; set; } = [];
    [BindProperty] public string Key { get; set; } = "";
    public IReadOnlyList<SupplyPoint> Points { get; private set; } = [];
    public FieldErrors Errors { get; private set; } = new();
    public string? Done { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Key = Guid.NewGuid().ToString("N");
        Points = await db.Set<SupplyPoint>().AsNoTracking().Where(p => p.Active).OrderBy(p => p.Name).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        int? workerId = null;
        if (!string.IsNullOrWhiteSpace(Cccd))
        {
            var cccd = Cccd.Trim();
            workerId = await db.Set<Worker>().Where(w => w.Cccd == cccd).Select(w => (int?)w.Id).FirstOrDefaultAsync(ct);
            if (workerId is null) Errors.Add("Cccd", "Supplies.CccdUnknown");
        }
        if (Errors.Ok)
        {
            var lines = Quantities.Where(q => q.Value != 0).Select(q => new IssueLine(q.Key, q.Value)).ToList();
            var result = await issues.IssueAsync(new IssueRequest(Key, PointId, calendar.Today, IssueChannel.Counter, workerId, TicketCode, lines), ct);
            switch (result)
            {
                case IssueResult.Issued or IssueResult.AlreadyRecorded:
                    Done = result is IssueResult.Issued ? "Supplies.Issued" : "Supplies.AlreadyRecorded";
                    ModelState.Clear();
                    Quantities = [];
                    Cccd = TicketCode = null;
                    break;
                case IssueResult.Invalid i: Errors = i.Errors; break;
                case IssueResult.NotFound: Errors.Add("PointId", "Supplies.PointUnknown"); break;
                case IssueResult.StockTooLow low: Errors.Add("Quantities", "Supplies.StockTooLow", low.ItemName, low.Available); break;
                case IssueResult.LimitReached limit: Errors.Add("Quantities", "Supplies.LimitReached", limit.Rule, limit.MaxPerWindow, limit.WindowDays); break;
            }
        }
        var keep = Errors.Ok ? null : Key;
        await OnGetAsync(ct);
        // a refused form keeps its key: the corrected one is still the same issue
        if (keep is not null) Key = keep;
        return Page();
    }
}
