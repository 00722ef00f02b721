using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Lachan.Infrastructure;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Quarantine;

/// <summary>Release from quarantine with the negative result that allows it (its date and the result as written).</summary>
public sealed record ReleaseForm
{
    public DateOnly? ReleasedOn { get; init; }
    public DateOnly? TestDate { get; init; }
    public string? Result { get; init; }
    /// <summary>The officer confirms a release date long after the planned end (<see cref="QuarantineRelease.LateAfterDays"/>).</summary>
    public bool ConfirmLate { get; init; }
}

public sealed class QuarantineRelease(LachanDb db, CaseScope cases, AuditLog audit)
{
    /// <summary>A release more than this many days after the planned end is most likely a mistyped date (a month or a
    /// year off); a real late release (waiting for a negative test) is confirmed by the officer. A week covers a retest.</summary>
    public const int LateAfterDays = 7;

    public async Task<SaveResult> ReleaseAsync(int orderId, ReleaseForm f, CancellationToken ct = default)
    {
        if (!cases.CanWrite) return new SaveResult.NotFound();
        var order = await cases.Orders().FirstOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null) return new SaveResult.NotFound();
        var errors = new FieldErrors();
        errors.AddIf(f.ReleasedOn is null, nameof(f.ReleasedOn), "Field.Required");
        errors.AddIf(f.TestDate is null, nameof(f.TestDate), "Field.Required");
        errors.AddIf(string.IsNullOrWhiteSpace(f.Result), nameof(f.Result), "Field.Required");
        errors.AddIf(f.Result is { Length: > 200 }, nameof(f.Result), "Field.TooLong");
        if (errors.Ok && !f.ConfirmLate && f.ReleasedOn!.Value.DayNumber - order.PlannedEndOn.DayNumber > LateAfterDays)
            errors.Add(nameof(f.ReleasedOn), "Quarantine.ReleaseLate", f.ReleasedOn.Value.DayNumber - order.PlannedEndOn.DayNumber, LateAfterDays);
        if (!errors.Ok) return new SaveResult.Invalid(errors);
        try { order.Release(f.ReleasedOn!.Value, f.TestDate!.Value, f.Result!); }
        catch (DomainException e)
        {
            var field = e.Code == "Quarantine.TestDateOutside" ? nameof(f.TestDate) : nameof(f.ReleasedOn);
            return new SaveResult.Invalid(new FieldErrors { [field] = e.Code });
        }
        audit.Record("release", nameof(QuarantineOrder), order.Id, null, new { order.ReleasedOn, order.ReleaseTestDate, order.ReleaseResult });
        await db.SaveChangesAsync(ct);
        return new SaveResult.Saved(order.Id);
    }
}
