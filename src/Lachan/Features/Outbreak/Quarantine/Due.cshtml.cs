using Lachan.Features.Outbreak.Cases;
using Lachan.Infrastructure;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Lachan.Infrastructure.Calendar;

namespace Lachan.Features.Outbreak.Quarantine;

/// <summary>The daily list for the health teams, for today or a chosen date.</summary>
public sealed class DueModel(DueList due, CaseScope cases, ProvinceCalendar calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Date { get; set; }
    [BindProperty(SupportsGet = true)] public int? TestsPage { get; set; }
    [BindProperty(SupportsGet = true)] public int? ReleasesPage { get; set; }
    [BindProperty(SupportsGet = true)] public int? OverduePage { get; set; }
    public FieldErrors Errors { get; } = new();
    public DueListData List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!cases.CanRead) return Forbid();
        var on = Dates.Parse(Date, nameof(Date), Errors) ?? calendar.Today;
        List = await due.ForAsync(on, new DuePages(TestsPage, ReleasesPage, OverduePage), ct);
        return Page();
    }
}
