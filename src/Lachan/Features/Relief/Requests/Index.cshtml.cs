using Lachan.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Relief.Requests;

/// <summary>The triage queue: open requests of the caller's area, escalated first, then by priority and due time; per
/// team and commune.</summary>
public sealed class IndexModel(RequestQueue queue, RequestScope scope) : PageModel
{
    [BindProperty(SupportsGet = true)] public RequestStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int? TeamId { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }
    /// <summary>Only the open requests past their due time (the home's "overdue" links here).</summary>
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    /// <summary>Only the requests delivered on that day (dd/MM/yyyy), of any status.</summary>
    [BindProperty(SupportsGet = true)] public string? DeliveredOn { get; set; }
    public FieldErrors Errors { get; } = new();
    public Paged<QueueRow> Result { get; private set; } = new([], 0, 1, Paging.DefaultSize);
    public IReadOnlyList<Choice> Teams { get; private set; } = [];
    public bool CanDispatch => scope.CanDispatch;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Teams = await queue.TeamsAsync(ct);
        var delivered = Dates.Parse(DeliveredOn, nameof(DeliveredOn), Errors);
        if (Errors.Ok) Result = await queue.ListAsync(new QueueFilter(Status, TeamId, null, PageNumber, Overdue, delivered), ct);
        return Page();
    }
}
