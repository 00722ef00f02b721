using Lachan.Infrastructure.Calendar;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Relief.Supplies;
using Lachan.Features.Shared;
using Lachan.Infrastructure;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Relief.Requests;

/// <summary>One entry from the volunteer's phone. <see cref="Key"/> is made by the browser when the entry is written, so a
/// resend after a lost answer, or the same entry sent from two tabs, is recorded once.</summary>
/// <summary>The goods handed over are drawn from <see cref="PointId"/>'s stock: <see cref="Quantities"/> is item id → units.</summary>
public sealed record DeliveryForm(int RequestId, string? Key, int PointId, IReadOnlyDictionary<int, long>? Quantities, string? Confirmation, string? DeliveredOn);

/// <summary>Recorded now, or already recorded earlier under the same key (the same answer: the entry is done).</summary>
public abstract record DeliveryResult
{
    public sealed record Recorded(int DeliveryId, bool Duplicate) : DeliveryResult;
    public sealed record Invalid(FieldErrors Errors) : DeliveryResult;
    public sealed record NotFound : DeliveryResult;
}

public sealed record StopRow(int RequestId, string Ticket, string Name, string? Phone, string? Address, string? LodgingHouse, HelpNeed Needs, int Priority, DateTime DueAt, string? Note, string CommuneCode);

public sealed record PointChoice(int Id, string Name, string CommuneCode);

public sealed record ItemChoice(int Id, string Name, string Unit);

/// <summary>Proof of delivery: today's stops for the volunteer (or a desk's assigned requests), and recording what was
/// handed over with the recipient's confirmation (the ticket code, or the last 4 digits of their CCCD). What was handed
/// over is an issue of goods from a point's stock (<see cref="SupplyIssues"/>) under the delivery's own key, in the same
/// transaction as the delivery: a doubled sync draws once, a refused draw records no delivery.</summary>
public sealed class Deliveries(LachanDb db, RequestScope scope, AuditLog audit, ProvinceCalendar calendar, SupplyIssues issues)
{
    public const int ItemsMax = 500;

    public async Task<IReadOnlyList<StopRow>> StopsAsync(CancellationToken ct)
    {
        var rows = await scope.Requests(db.Set<HelpRequest>().AsNoTracking()).Where(r => r.Status == RequestStatus.Assigned)
            .Where(r => !scope.IsVolunteer || r.VolunteerUserName == scope.UserName)
            .OrderByDescending(r => r.Priority).ThenBy(r => r.DueAt).Take(200)
            .Select(r => new StopRow(r.Id, r.Ticket, r.Name, r.Phone, r.Address,
                db.Set<LodgingHouse>().Where(l => l.Id == r.LodgingHouseId).Select(l => l.Name + " — " + l.Address).FirstOrDefault(),
                r.Needs, r.Priority, r.DueAt, r.Note, r.CommuneCode)).ToListAsync(ct);
        await audit.ListedAsync("DeliveryStops", null, 1, [], rows.Count, ct);
        return rows;
    }

    public async Task<DeliveryResult> RecordAsync(DeliveryForm form, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var key = form.Key?.Trim();
        errors.AddIf(key is not { Length: >= 16 and <= 64 } || !key.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'), "Key", "Delivery.KeyFormat");
        if (!errors.Ok) return new DeliveryResult.Invalid(errors);
        if (await EarlierAsync(key!, form.RequestId, ct) is { } done) return done;

        if (!scope.CanWrite) return new DeliveryResult.NotFound();
        var request = await scope.Requests(db.Set<HelpRequest>()).FirstOrDefaultAsync(r => r.Id == form.RequestId, ct);
        if (request is null || request.Status == RequestStatus.Cancelled) return new DeliveryResult.NotFound();

        var lines = (form.Quantities ?? new Dictionary<int, long>()).Where(q => q.Value != 0).Select(q => new IssueLine(q.Key, q.Value)).ToList();
        errors.AddIf(lines.Count == 0, "Items", "Delivery.ItemsRequired");
        errors.AddIf(lines.Any(l => l.Quantity < 0), "Items", "Supplies.QuantityPositive");
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
        var (requestId, workerId, ticket) = (request.Id, request.WorkerId, request.Ticket);

        // the issue and the delivery are one unit: the issue's save runs inside this transaction (EF keeps a savepoint)
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var issued = await issues.IssueAsync(new IssueRequest(key!, form.PointId, on, IssueChannel.Delivery, workerId, ticket, lines), ct);
        switch (issued)
        {
            case IssueResult.Issued: break;
            case IssueResult.AlreadyRecorded:
                // a doubled send that got past the first look: the other one recorded issue and delivery together
                await tx.RollbackAsync(ct);
                return await EarlierAsync(key!, requestId, ct) ?? new DeliveryResult.NotFound();
            default:
                await tx.RollbackAsync(ct);
                return new DeliveryResult.Invalid(Refusal(issued));
        }

        // the issue's save cleared the change tracker: the request is read again
        var tracked = await db.Set<HelpRequest>().FirstAsync(r => r.Id == requestId, ct);
        var names = await db.Set<SupplyItem>().AsNoTracking().Where(i => lines.Select(l => l.ItemId).Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, ct);
        var now = calendar.Now;
        var delivery = new Delivery
        {
            HelpRequestId = requestId, WorkerId = workerId, IdempotencyKey = key!, DeliveredOn = on, RecordedAt = now,
            VolunteerUserName = scope.UserName, Items = Summary(lines, names), ConfirmedBy = confirmedBy!,
        };
        tracked.Delivered(now);
        db.Add(delivery);
        try
        {
            await db.SaveChangesAsync(ct);
            audit.Record("deliver", nameof(HelpRequest), requestId, after: new { DeliveryId = delivery.Id, delivery.Items, delivery.DeliveredOn, delivery.ConfirmedBy, Point = form.PointId });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // the same key arrived twice at once (two tabs, a retry racing the first send): the other one was recorded
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await EarlierAsync(key!, requestId, ct) ?? throw new InvalidOperationException("A delivery's save failed and no delivery holds its key.");
        }
        return new DeliveryResult.Recorded(delivery.Id, false);
    }

    /// <summary>Active points (the page lists those of the stop's commune first, where the volunteer usually picks up).</summary>
    public async Task<IReadOnlyList<PointChoice>> PointsAsync(CancellationToken ct) =>
        await db.Set<SupplyPoint>().AsNoTracking().Where(p => p.Active).OrderBy(p => p.Name)
            .Select(p => new PointChoice(p.Id, p.Name, p.CommuneCode)).ToListAsync(ct);

    public async Task<IReadOnlyList<ItemChoice>> ItemsAsync(CancellationToken ct) =>
        await db.Set<SupplyItem>().AsNoTracking().OrderBy(i => i.Id).Select(i => new ItemChoice(i.Id, i.Name, i.Unit)).ToListAsync(ct);

    /// <summary>The answer for a key already recorded (the same entry again), or null for a new key.</summary>
    private async Task<DeliveryResult?> EarlierAsync(string key, int requestId, CancellationToken ct) =>
        await db.Set<Delivery>().AsNoTracking().FirstOrDefaultAsync(d => d.IdempotencyKey == key, ct) is { } earlier
            ? earlier.HelpRequestId == requestId ? new DeliveryResult.Recorded(earlier.Id, true) : new DeliveryResult.NotFound()
            : null;

    /// <summary>A refused draw, as the field the volunteer corrects: the point, or the quantities.</summary>
    private static FieldErrors Refusal(IssueResult refused)
    {
        var errors = new FieldErrors();
        switch (refused)
        {
            case IssueResult.StockTooLow low: errors.Add("Items", "Supplies.StockTooLow", low.ItemName, low.Available); break;
            case IssueResult.LimitReached limit: errors.Add("Items", "Supplies.LimitReached", limit.Rule, limit.MaxPerWindow, limit.WindowDays); break;
            case IssueResult.Invalid invalid:
                foreach (var field in invalid.Errors.Keys) errors.Add(field == "Lines" ? "Items" : field, invalid.Errors[field]);
                break;
            default: errors.Add("PointId", "Supplies.PointUnknown"); break;
        }
        return errors;
    }

    /// <summary>"Gạo 10 kg × 1; Mì tôm (thùng 30 gói) × 2": the delivery's line in the worker's history.</summary>
    private static string Summary(IEnumerable<IssueLine> lines, IReadOnlyDictionary<int, string> names)
    {
        var text = string.Join("; ", lines.Select(l => $"{names.GetValueOrDefault(l.ItemId, "#" + l.ItemId)} × {l.Quantity}"));
        return text.Length <= ItemsMax ? text : text[..ItemsMax];
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
