using Lachan.Features.Registry.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Registry.Transfers;

/// <summary>The reviewer's list of transfer requests (no personal data: enterprises and who asked).</summary>
public sealed class IndexModel(TransferReview review) : PageModel
{
    [BindProperty(SupportsGet = true)] public TransferStatus? Status { get; set; } = TransferStatus.Pending;
    public IReadOnlyList<TransferRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!review.MayReview) return Forbid();
        Rows = await review.ListAsync(Status, ct);
        return Page();
    }
}
