using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Outbreak.Cases;

/// <summary>Clusters: enterprises and lodging houses ranked by cases; one of them with its cases and contacts.</summary>
public sealed class ClustersModel(Clusters clusters, CaseScope cases) : PageModel
{
    [BindProperty(SupportsGet = true)] public ClusterKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    public IReadOnlyList<ClusterSummary> All { get; private set; } = [];
    public ClusterData? One { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!cases.CanRead) return Forbid();
        if (Kind is { } kind && Id is int id)
        {
            One = await clusters.LoadAsync(kind, id, ct);
            return One is null ? NotFound() : Page();
        }
        All = await clusters.ListAsync(ct);
        return Page();
    }
}
