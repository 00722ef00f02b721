using Lachan.Infrastructure;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Lachan.Infrastructure.Calendar;

namespace Lachan.Features.Outbreak.Testing;

/// <summary>Who is due for periodic screening on a date, the missed first.</summary>
public sealed class ScreeningModel(ScreeningSchedules schedules, TestingScope testing, ProvinceCalendar calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Date { get; set; }
    [BindProperty(SupportsGet = true)] public int? EnterpriseId { get; set; }
    public FieldErrors Errors { get; } = new();
    public ScreeningDueData List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!testing.CanRead) return Forbid();
        var on = Dates.Parse(Date, nameof(Date), Errors) ?? calendar.Today;
        List = await schedules.DueAsync(on, EnterpriseId, ct);
        return Page();
    }
}
