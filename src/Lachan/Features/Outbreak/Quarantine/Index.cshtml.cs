using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Outbreak.Quarantine;

public sealed class IndexModel(QuarantineList list, CaseScope cases) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool All { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }
    public Paged<QuarantineRow> Result { get; private set; } = new([], 0, 1, Paging.DefaultSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!cases.CanRead) return Forbid();
        Result = await list.RunAsync(All, PageNumber, ct);
        return Page();
    }
}
