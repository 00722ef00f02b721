using Lachan.Infrastructure.Calendar;
using Lachan.Features.Shared;
using Lachan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Relief.Requests;

/// <summary>The hotline console: look the caller up (phone, CCCD or name; posted, never in the URL), see their
/// situation at once, and create a request (or merge into their open one) in a few keystrokes.</summary>
public sealed class HotlineModel(HotlineLookup lookup, Situation situation, HelpRequests requests, RequestScope scope, ProvinceCalendar calendar) : PageModel
{
    [BindProperty] public string? Query { get; set; }
    [BindProperty(SupportsGet = true)] public int? Worker { get; set; }
    [BindProperty] public List<string> Needs { get; set; } = [];
    [BindProperty] public string? Note { get; set; }
    public IReadOnlyList<CallerMatch> Matches { get; private set; } = [];
    public SituationView? View { get; private set; }
    public FieldErrors Errors { get; private set; } = new();
    public bool Searched { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!scope.CanDispatch || !lookup.CanSearch) return Forbid();
        if (Worker is int w)
        {
            if (!await lookup.VisibleAsync(w, ct)) return NotFound();
            View = await situation.ViewAsync(w, calendar.Today, ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSearchAsync(CancellationToken ct)
    {
        if (!scope.CanDispatch || !lookup.CanSearch) return Forbid();
        Matches = await lookup.FindAsync(Query, ct);
        Searched = true;
        Worker = null;
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!scope.CanDispatch || !lookup.CanSearch) return Forbid();
        if (Worker is not int w || !await lookup.VisibleAsync(w, ct)) return NotFound();
        View = await situation.ViewAsync(w, calendar.Today, ct);
        if (View!.CommuneCode is null) { Errors.Add("Needs", "Help.NoLodging"); return Page(); }
        var form = new HelpForm
        {
            Name = View.FullName, Phone = View.Phone ?? "", CommuneCode = View.CommuneCode, Address = View.LodgingAddress,
            LodgingHouseId = View.LodgingHouseId, Needs = Needs, Note = Note,
        };
        var result = await requests.SubmitAsync(form with { Phone = View.Phone }, RequestChannel.Hotline, w, scope.UserName, ct);
        switch (result)
        {
            case Submitted.Created c: return Redirect($"/Relief/Requests/Detail/{c.Id}");
            case Submitted.Merged m: return Redirect($"/Relief/Requests/Detail/{m.Id}");
            case Submitted.Invalid i: Errors = i.Errors; break;
        }
        return Page();
    }
}
