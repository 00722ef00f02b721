using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Registry.Transfers;

/// <summary>One transfer request: the registry's values beside the hiring side's (an audited view), approve or reject.</summary>
public sealed class DetailModel(TransferReview review) : PageModel
{
    public TransferDetailData Transfer { get; private set; } = null!;
    [BindProperty] public string? Reason { get; set; }
    public FieldErrors Errors { get; private set; } = new();

    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        if (!review.MayReview) context.Result = Forbid();
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await review.LoadAsync(id, ct) is not { } t) return NotFound();
        Transfer = t;
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct) => await AnswerAsync(id, await review.ApproveAsync(id, ct), ct);

    public async Task<IActionResult> OnPostRejectAsync(int id, CancellationToken ct) => await AnswerAsync(id, await review.RejectAsync(id, Reason, ct), ct);

    private async Task<IActionResult> AnswerAsync(int id, SaveResult result, CancellationToken ct)
    {
        switch (result)
        {
            case SaveResult.Saved:
                TempData["Message"] = HttpContext.RequestServices.GetRequiredService<Lachan.Infrastructure.Localization.UiText>()["Saved."];
                return Redirect($"/Registry/Transfers/{id}");
            case SaveResult.Invalid invalid:
                Errors = invalid.Errors;
                return await OnGetAsync(id, ct);
            default:
                return NotFound();
        }
    }
}
