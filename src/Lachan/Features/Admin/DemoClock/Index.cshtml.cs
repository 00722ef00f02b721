using Lachan.Features.Shared;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Calendar;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Admin.DemoClock;

/// <summary>The demo's day: an administrator moves the demo province's "today" (e.g. to 01/06/2022 for the dose-4
/// drive). Outside demo mode the page only says that today is the real day.</summary>
public sealed class IndexModel(ProvinceCalendar calendar, LachanDb db, AuditLog audit, UiText text) : PageModel
{
    [BindProperty] public string? Today { get; set; }
    public FieldErrors Errors { get; } = new();
    public bool IsDemo => calendar.IsDemo;
    public DateOnly Current => calendar.Today;

    public void OnGet() => Today = UiText.Date(calendar.Today);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // outside demo mode there is no demo day to move: the page says so, nothing is stored
        if (!calendar.IsDemo) return Page();
        var day = Dates.Parse(Today, nameof(Today), Errors);
        if (day is null) Errors.TryAdd(nameof(Today), "DemoClock.DateRequired");
        else if (day.Value.Year is < 2019 or > 2100) Errors.TryAdd(nameof(Today), "DemoClock.Range");
        if (Errors.Count > 0) return Page();
        await calendar.MoveDemoDayAsync(db, audit, day!.Value, ct);
        TempData["Message"] = text["DemoClock.Moved", UiText.Date(day)];
        return RedirectToPage();
    }
}
