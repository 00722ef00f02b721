using Lachan.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Relief.Requests;

/// <summary>The volunteer's phone page: today's stops with addresses, and a form per stop that records what was handed
/// over and the recipient's confirmation. The form is sent by wwwroot/js/relief-deliveries.js, which queues entries in
/// the browser while offline and sends each once (its idempotency key) when the connection returns.</summary>
public sealed class DeliveriesModel(Deliveries deliveries, RequestScope scope, UiText text) : PageModel
{
    public IReadOnlyList<StopRow> Stops { get; private set; } = [];
    public bool CanRecord => scope.CanWrite;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Stops = await deliveries.StopsAsync(ct);
        return Page();
    }

    /// <summary>One entry (form fields RequestId, Key, Items, Confirmation, DeliveredOn). Answers JSON: 200 recorded (or
    /// recorded before under the key), 400 with the fields' messages, 404.</summary>
    public async Task<IActionResult> OnPostRecordAsync(int requestId, string? key, string? items, string? confirmation, string? deliveredOn, CancellationToken ct)
    {
        if (!scope.CanWrite) return Forbid();
        return await deliveries.RecordAsync(new DeliveryForm(requestId, key, items, confirmation, deliveredOn), ct) switch
        {
            DeliveryResult.Recorded r => new JsonResult(new { recorded = r.DeliveryId, duplicate = r.Duplicate }),
            DeliveryResult.Invalid i => new JsonResult(new { errors = i.Errors.ToDictionary(e => e.Key, e => i.Errors.Text(text, e.Key)) }) { StatusCode = 400 },
            _ => NotFound(),
        };
    }
}
