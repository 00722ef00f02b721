using Lachan.Infrastructure.Calendar;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Relief.Requests;

/// <summary>One entry from the volunteer's phone. <see cref="Key"/> is made by the browser when the entry is written, so a
/// resend after a lost answer, or the same entry sent from two tabs, is recorded once.</summary>
public sealed record DeliveryForm(int RequestId, string? Key, string? Items, string? Confirmation, string? DeliveredOn);

/// <summary>Recorded now, or already recorded earlier under the same key (the same answer: the entry is done).</summary>
public abstract record DeliveryResult
{
    public sealed record Recorded(int DeliveryId, bool Duplicate) : DeliveryResult;
    public sealed record Invalid(FieldErrors Errors) : DeliveryResult;
    public sealed record NotFound : DeliveryResult;
}

public sealed record StopRow(int RequestId, string Ticket, string Name, string? Phone, string? Address, string? LodgingHouse, HelpNeed Needs, int Priority, DateTime DueAt, string? Note);

/// <summary>Proof of delivery: today's stops for the volunteer (or a desk's assigned requests), and recording what was
/// handed over with the recipient's confirmation (the ticket code, or the last 4 digits of their CCCD).</summary>
public sealed class Deliveries(LachanDb db, RequestScope scope, AuditLog audit, TimeProvider time, ProvinceCalendar calendar)
{
    public const int ItemsMax = 500;

    public async Task<IReadOnlyList<StopRow>> StopsAsync(CancellationToken ct)
    {
        var rows = await scope.Requests(db.Set<HelpRequest>().AsNoTracking()).Where(r => r.Status == RequestStatus.Assigned)
            .Where(r => !scope.IsVolunteer || r.VolunteerUserName == scope.UserName)
            .OrderByDescending(r => r.Priority).ThenBy(r => r.DueAt).Take(200)
            .Select(r => new StopRow(r.Id, r.Ticket, r.Name, r.Phone, r.Address,
                db.Set<LodgingHouse>().Where(l => l.Id == r.LodgingHouseId).Select(l => l.Name + " — " + l.Address).FirstOrDefault(),
                r.Needs, r.Priority, r.DueAt, r.Note)).ToListAsync(ct);
        await audit.ListedAsync("DeliveryStops", null, 1, [], rows.Count, ct);
        return rows;
    }

    public async Task<DeliveryResult> RecordAsync(DeliveryForm form, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var key = form.Key?.Trim();
        errors.AddIf(key is not { Length: >= 16 and <= 64 } || !key.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'), "Key", "Delivery.KeyFormat");
        if (!errors.Ok) return new DeliveryResult.Invalid(errors);
        if (await db.Set<Delivery>().AsNoTracking().FirstOrDefaultAsync(d => d.IdempotencyKey == key, ct) is { } earlier)
            return earlier.HelpRequestId == form.RequestId ? new DeliveryResult.Recorded(earlier.Id, true) : new DeliveryResult.NotFound();

        if (!scope.CanWrite) return new DeliveryResult.NotFound();
        var request = await scope.Requests(db.Set<HelpRequest>()).FirstOrDefaultAsync(r => r.Id == form.RequestId, ct);
        if (request is null || request.Status == RequestStatus.Cancelled) return new DeliveryResult.NotFound();

        var items = form.Items?.Trim();
        errors.AddIf(string.IsNullOrEmpty(items), "Items", "Delivery.ItemsRequired");
        errors.AddIf(items is { Length: > ItemsMax }, "Items", "Help.TooLong");
        var confirmedBy = await ConfirmationAsync(request, form.Confirmation?.Trim().ToUpperInvariant(), ct);
        errors.AddIf(confirmedBy is null, "Confirmation", "Delivery.ConfirmationWrong");
        var today = calendar.Today;
        var on = today;
        if (!string.IsNullOrWhiteSpace(form.DeliveredOn))
        {
            // an entry written offline carries the day it was made; not in the future, not older than a week
            if (!DateOnly.TryParseExact(form.DeliveredOn, "yyyy-MM-dd", out on) || on > today || on < today.AddDays(-7))
                errors.Add("DeliveredOn", "Delivery.DateOutside");
        }
        if (!errors.Ok) return new DeliveryResult.Invalid(errors);

        var now = time.GetUtcNow().UtcDateTime;
        var delivery = new Delivery
        {
            HelpRequestId = request.Id, WorkerId = request.WorkerId, IdempotencyKey = key!, DeliveredOn = on, RecordedAt = now,
            VolunteerUserName = scope.UserName, Items = items!, ConfirmedBy = confirmedBy!,
        };
        request.Delivered(now);
        db.Add(delivery);
        try
        {
            await audit.SaveThenRecordAsync("deliver", nameof(HelpRequest), () => request.Id, null,
                () => new { DeliveryId = delivery.Id, delivery.Items, delivery.DeliveredOn, delivery.ConfirmedBy }, ct);
        }
        catch (DbUpdateException)
        {
            // the same key arrived twice at once (two tabs, a retry racing the first send): the other one was recorded
            db.ChangeTracker.Clear();
            var other = await db.Set<Delivery>().AsNoTracking().FirstOrDefaultAsync(d => d.IdempotencyKey == key, ct);
            if (other is null) throw;
            return new DeliveryResult.Recorded(other.Id, true);
        }
        return new DeliveryResult.Recorded(delivery.Id, false);
    }

    /// <summary>"ticket" when the recipient showed the ticket code, "cccd" when they gave the last 4 digits of the CCCD on
    /// the request or of the registered worker's; null when neither matches.</summary>
    private async Task<string?> ConfirmationAsync(HelpRequest r, string? given, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(given)) return null;
        if (given == r.Ticket || "HT-" + given == r.Ticket) return "ticket";
        if (given.Length != 4 || !Digits.Only(given)) return null;
        if (r.Cccd is not null && r.Cccd.EndsWith(given, StringComparison.Ordinal)) return "cccd";
        if (r.WorkerId is int w && await db.Set<Worker>().AnyAsync(x => x.Id == w && x.Cccd.EndsWith(given), ct)) return "cccd";
        return null;
    }
}
