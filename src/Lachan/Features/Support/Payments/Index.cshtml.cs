using Lachan.Features.Shared;
using Lachan.Features.Support.Lists;
using Lachan.Infrastructure.Calendar;
using Lachan.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Support.Payments;

/// <summary>The caller's payment batches (jurisdiction) and, for the province, "make a payment batch" of an approved
/// list: the form carries an idempotency key made when it was opened, so a double click or a resent form makes one
/// batch (PaymentBatches answers the second time with the first batch).</summary>
public sealed class IndexModel(Reconciliation reconciliation, PaymentBatches batches, PaymentScope scope, SupportActor by, ProvinceCalendar calendar, UiText text) : PageModel
{
    public IReadOnlyList<BatchSummary> Batches { get; private set; } = [];
    public FieldErrors Errors { get; private set; } = new();
    public bool MayPay => scope.CanWrite;
    [BindProperty(SupportsGet = true)] public int? ListId { get; set; }
    [BindProperty] public PaymentChannel Channel { get; set; } = PaymentChannel.WorkerAccount;
    [BindProperty] public string? IdempotencyKey { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!scope.CanRead) return Forbid();
        IdempotencyKey = Guid.NewGuid().ToString("N");
        Batches = await reconciliation.ListAsync(null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!scope.CanWrite) return Forbid();
        var result = ListId is { } listId
            ? await batches.CreateAsync(by, calendar.Today, new BatchRequest(IdempotencyKey ?? "", listId, Channel), ct)
            : new BatchResult.Invalid(new FieldErrors { ["ListId"] = "SupportPayments.ListRequired" });
        switch (result)
        {
            case BatchResult.Created c:
                TempData["Message"] = text["Saved."];
                return Redirect($"/Support/Payments/Batch/{c.BatchId}");
            case BatchResult.AlreadyRecorded a:
                return Redirect($"/Support/Payments/Batch/{a.BatchId}");
            case BatchResult.Invalid i:
                Errors = i.Errors;
                break;
            default:
                Errors = new FieldErrors { ["ListId"] = "SupportPayments.ListNotFound" };
                break;
        }
        Batches = await reconciliation.ListAsync(null, ct);
        return Page();
    }
}
