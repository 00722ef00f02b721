using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Support.Lists;

/// <summary>The desk's worklist of employer lists (the same query as GET /api/v1/support/lists): those of its
/// jurisdiction, "my step" and "overdue" filters, the deadline of the step each list waits for.</summary>
public sealed class IndexModel(ListQueries queries, ListScope scope) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    public IReadOnlyList<ListSummary> Lists { get; private set; } = [];
    public bool MayBuild => scope.MayAct(ListState.Draft);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!scope.CanRead) return Forbid();
        Lists = await queries.WorklistAsync(null, Mine, Overdue, ct);
        return Page();
    }
}
