using Lachan.Features.Shared;
using Lachan.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Relief.Requests;

/// <summary>One request: who, where, what, why this priority, its deliveries; assignment to a team or volunteer, and
/// cancelling (desks that dispatch). Outside the caller's area: not found.</summary>
public sealed class DetailModel(RequestQueue queue, RequestScope scope, UiText text) : PageModel
{
    public RequestDetail? Item { get; private set; }
    public IReadOnlyList<Choice> Teams { get; private set; } = [];
    public IReadOnlyList<Choice> Volunteers { get; private set; } = [];
    public FieldErrors Errors { get; private set; } = new();
    public bool CanDispatch => scope.CanDispatch;
    [BindProperty] public int? TeamId { get; set; }
    [BindProperty] public string? Volunteer { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAssignAsync(int id, CancellationToken ct) =>
        await After(id, await queue.AssignAsync(id, TeamId, Volunteer, ct), ct);

    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct) =>
        await After(id, await queue.CancelAsync(id, ct), ct);

    private async Task<IActionResult> After(int id, SaveResult result, CancellationToken ct)
    {
        switch (result)
        {
            case SaveResult.Saved:
                TempData["Message"] = text["Saved."];
                return Redirect($"/Relief/Requests/Detail/{id}");
            case SaveResult.Invalid i:
                Errors = i.Errors;
                return await LoadAsync(id, ct) ? Page() : NotFound();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Item = await queue.DetailAsync(id, ct);
        if (Item is null) return false;
        if (scope.CanDispatch)
        {
            Teams = await queue.TeamsAsync(ct);
            Volunteers = await queue.VolunteersAsync(ct);
            TeamId ??= Item.TeamId;
        }
        return true;
    }
}
