using System.Globalization;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Lachan.Infrastructure;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Lachan.Infrastructure.Calendar;

namespace Lachan.Features.Registry.Enterprises;

public sealed record EnterpriseStatusForm
{
    public EnterpriseStatus? Status { get; init; }
    /// <summary>The day the new status takes effect.</summary>
    public DateOnly? From { get; init; }
    /// <summary>Why, as in the decision (e.g. "Tạm dừng theo Quyết định … ngày 18/05/2021").</summary>
    public string? Reason { get; init; }
}

/// <summary>Changes an enterprise's status through <see cref="Enterprise.ChangeStatus(EnterpriseStatus, DateOnly, string)"/>, which keeps the history and
/// refuses a change to the status it already has; the refusal reaches the form as a field error.</summary>
public sealed class EnterpriseStatusEditor(LachanDb db, Jurisdiction scope, AuditLog audit, ProvinceCalendar calendar)
{
    public FieldErrors Validate(EnterpriseStatusForm f)
    {
        var errors = new FieldErrors();
        errors.AddIf(f.Status is null, nameof(f.Status), "Field.Required");
        errors.AddIf(f.Status is { } s && !Enum.IsDefined(s), nameof(f.Status), "Field.Invalid");
        errors.AddIf(f.From is null, nameof(f.From), "Field.Required");
        // A decision may be recorded after the fact, not ahead of it: a future date would show a status not yet true.
        errors.AddIf(f.From is { } from && (from.Year < 1990 || from > calendar.Today), nameof(f.From), "Date.NotInFuture");
        errors.AddIf(string.IsNullOrWhiteSpace(f.Reason), nameof(f.Reason), "Field.Required");
        errors.AddIf(f.Reason is { Length: > 500 }, nameof(f.Reason), "Field.TooLong");
        return errors;
    }

    public async Task<SaveResult> ChangeAsync(int id, EnterpriseStatusForm f, CancellationToken ct = default)
    {
        if (!scope.Can(RegistryAreas.Enterprises, Access.Write)) return new SaveResult.NotFound();
        var enterprise = await scope.Enterprises(db.Set<Enterprise>()).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (enterprise is null) return new SaveResult.NotFound();
        var errors = Validate(f);
        if (!errors.Ok) return new SaveResult.Invalid(errors);

        var before = enterprise.Status.ToString();
        var reason = VietnameseText.NormalizeName(f.Reason!);
        try
        {
            enterprise.ChangeStatus(f.Status!.Value, f.From!.Value, reason);
        }
        catch (DomainException e)
        {
            errors.TryAdd(nameof(f.Status), e.Code);
            return new SaveResult.Invalid(errors);
        }
        audit.Record("status", nameof(Enterprise), id, new { Status = before },
            new { Status = enterprise.Status.ToString(), From = f.From.Value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), Reason = reason });
        await db.SaveChangesAsync(ct); // the change, its history row and the audit event: one transaction
        return new SaveResult.Saved(id);
    }
}
