using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Outbreak.Testing;

public sealed class RetestModel(RetestList retest, TestingScope testing) : PageModel
{
    public IReadOnlyList<RetestRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!testing.CanRead) return Forbid();
        Rows = await retest.LoadAsync(ct);
        return Page();
    }
}
