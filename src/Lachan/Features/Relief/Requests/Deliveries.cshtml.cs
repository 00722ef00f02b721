using Lachan.Infrastructure.Calendar;
using Lachan.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Relief.Requests;

/// <summary>The volunteer's phone page: today's stops with addresses, and a form per stop that records what was handed
/// over and the recipient's confirmation. The form is sent by wwwroot/js/relief-deliveries.js, which queues entries in
/// the browser while offline and sends each once (its idempotency key) when the connection returns.</summary>
public sealed class DeliveriesModel(Deliveries deliveries, RequestScope scope, UiText text, ProvinceCalendar calendar) : PageModel
{
    public IReadOnlyList<StopRow> Stops { get; private set; } = [];
    public IReadOnlyList<PointChoice> Points { get; private set; } = [];
    public IReadOnlyList<ItemChoice> Items { get; private set; } = [];
    public bool CanRecord => scope.CanWrite;
    /// <summary>The province's day when the page was loaded: an entry made offline carries it (not the phone's clock).</summary>
    public DateOnly Today => calendar.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Stops = await deliveries.StopsAsync(ct);
        if (CanRecord && Stops.Count > 0)
        {
            Points = await deliveries.PointsAsync(ct);
            Items = await deliveries.ItemsAsync(ct);
        }
        return Page();
    }

    /// <summary>One entry (form fields RequestId, Key, PointId, Quantities[itemId], Confirmation, DeliveredOn). Answers
    /// JSON: 200 recorded (or recorded before under the key), 400 with the fields' messages, 404.</summary>
    public async Task<IActionResult> OnPostRecordAsync(int requestId, string? key, int pointId, Dictionary<int, long>? quantities, string? confirmation, string? deliveredOn, CancellationToken ct)
    {
        if (!scope.CanWrite) return Forbid();
        return await deliveries.RecordAsync(new DeliveryForm(requestId, key, pointId, quantities, confirmation, deliveredOn), ct) switch
        {
            DeliveryResult.Recorded r => new JsonResult(new { recorded = r.DeliveryId, duplicate = r.Duplicate }),
            DeliveryResult.Invalid i => new JsonResult(new { errors = i.Errors.ToDictionary(e => e.Key, e => i.Errors.Text(text, e.Key)) }) { StatusCode = 400 },
            _ => NotFound(),
        };
    }
}
