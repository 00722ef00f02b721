using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Outbreak.Testing;

public sealed class IndexModel(SampleList list, TestingScope testing) : PageModel
{
    public IReadOnlyList<SampleRow> Rows { get; private set; } = [];
    public bool CanWrite => testing.CanWrite;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!testing.CanRead) return Forbid();
        Rows = await list.LatestAsync(ct);
        return Page();
    }
}
