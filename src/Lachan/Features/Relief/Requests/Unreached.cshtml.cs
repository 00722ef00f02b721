using Lachan.Infrastructure.Calendar;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Relief.Requests;

/// <summary>"No one left hungry" for a day and a number of days, grouped by commune and lodging house; a group becomes a
/// team's worklist with one click.</summary>
public sealed class UnreachedModel(Unreached unreached, Worklists worklists, RequestQueue queue, RequestScope scope, Jurisdiction jurisdiction, UiText text, ProvinceCalendar calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    [BindProperty(SupportsGet = true)] public int Days { get; set; } = 7;
    [BindProperty(SupportsGet = true)] public int? House { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }
    [BindProperty] public int? TeamId { get; set; }
    public UnreachedResult? Result { get; private set; }
    public IReadOnlyList<Choice> Teams { get; private set; } = [];
    public FieldErrors Errors { get; private set; } = new();
    public bool CanDispatch => scope.CanDispatch;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!jurisdiction.Can(RegistryAreas.Workers, Access.Read)) return Forbid();
        if (QueryDate.Rejected(ModelState, nameof(Date)) is { } bad) { Errors.AddAll(QueryDate.Error("Date", bad)); return Page(); }
        if (Days is < 1 or > Unreached.MaxDays) { Errors.Add("Days", "Unreached.DaysRange"); return Page(); }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostWorklistAsync(CancellationToken ct)
    {
        if (!scope.CanDispatch || !jurisdiction.Can(RegistryAreas.Workers, Access.Read)) return Forbid();
        if (Days is < 1 or > Unreached.MaxDays) { Errors.Add("Days", "Unreached.DaysRange"); return Page(); }
        var (result, created) = await worklists.CreateAsync(Date ?? calendar.Today, Days, House, TeamId, ct);
        if (result is SaveResult.Invalid i) { Errors = i.Errors; await LoadAsync(ct); return Page(); }
        TempData["Message"] = text["{0} requests added to the team's queue.", created];
        return Redirect($"/Relief/Requests?TeamId={TeamId}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Result = await unreached.RunAsync(Date ?? calendar.Today, Days, PageNumber, null, House, ct);
        if (scope.CanDispatch) Teams = await queue.TeamsAsync(ct);
    }
}
