using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Lachan.Infrastructure;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Lachan.Infrastructure.Calendar;

namespace Lachan.Features.Outbreak.Contacts;

/// <summary>An officer's decision on a person for a case: a suggested worker (WorkerId) or one typed in (Cccd).
/// With SourceContactId the person is an F2 of that F1, otherwise an F1 of the case.</summary>
public sealed record ContactDecision
{
    public int? WorkerId { get; init; }
    public string? Cccd { get; init; }
    public int? SourceContactId { get; init; }
    public ContactKind? Kind { get; init; }
    public DateOnly? LastContactOn { get; init; }
    public QuarantinePlace? PlaceKind { get; init; }
    public string? PlaceText { get; init; }
}

public sealed class ContactDecisions(LachanDb db, CaseScope cases, CurrentUser user, AuditLog audit, TimeProvider time, ProvinceCalendar calendar)
{
    /// <summary>Links the contact and, unless the person is already in quarantine, orders quarantine by the rule in force
    /// on the start date (the last contact date when known, else today).</summary>
    public async Task<SaveResult> ConfirmAsync(int caseId, ContactDecision d, CancellationToken ct = default)
    {
        var today = calendar.Today;
        var (errors, target) = await ResolveAsync(caseId, d, ct);
        if (target is null) return new SaveResult.NotFound();
        errors.AddIf(d.Kind is null, nameof(d.Kind), "Field.Required");
        errors.AddIf(d.LastContactOn > today, nameof(d.LastContactOn), "Case.DateInFuture");
        errors.AddIf(d.PlaceText is { Length: > 200 }, nameof(d.PlaceText), "Field.TooLong");
        if (target.Existing is { State: ContactState.Confirmed }) errors.TryAdd(nameof(d.WorkerId), "Contact.AlreadyLinked");
        // Refused, not warned: an F0 under treatment is isolated where treated; a contact link would order a quarantine on
        // top of the treatment, which the due lists would then chase. Once the case is closed, linking is allowed again.
        if (errors.Ok && await cases.Cases().Where(c => c.WorkerId == target.WorkerId && c.Outcome == CaseOutcome.Active)
                .OrderByDescending(c => c.ConfirmedOn).Select(c => c.Code).FirstOrDefaultAsync(ct) is { } activeCase)
            errors.Add(d.WorkerId is null ? nameof(d.Cccd) : nameof(d.WorkerId), "Contact.UnderTreatment", activeCase);
        if (!errors.Ok) return new SaveResult.Invalid(errors);

        var start = d.LastContactOn ?? today;
        var rules = await db.Set<QuarantineRule>().AsNoTracking().ToListAsync(ct);
        QuarantineRule rule;
        try { rule = QuarantineRules.InForce(rules, QuarantineRules.SubjectOf(target.Level), start); }
        catch (DomainException e) { return new SaveResult.Invalid(new FieldErrors { [nameof(d.LastContactOn)] = e.Code }); }

        // a dismissed person confirmed later (typed in by hand) keeps one record per tree
        var contact = target.Existing ?? new Contact { CaseId = caseId, WorkerId = target.WorkerId, DecidedBy = "" };
        contact.SourceContactId = d.SourceContactId;
        contact.Level = target.Level;
        contact.Kind = d.Kind!.Value;
        contact.LastContactOn = d.LastContactOn;
        contact.State = ContactState.Confirmed;
        Decided(contact);
        if (target.Existing is null) db.Add(contact);

        var inQuarantine = await db.Set<QuarantineOrder>().AnyAsync(o => o.WorkerId == target.WorkerId && o.ReleasedOn == null, ct);
        var order = inQuarantine ? null
            : QuarantineRules.NewOrder(rule, target.WorkerId, start, d.PlaceKind, string.IsNullOrWhiteSpace(d.PlaceText) ? null : d.PlaceText.Trim());
        // inside ConfirmAllAsync the list's one transaction holds this decision too
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(ct);
        audit.Record("confirm", nameof(Contact), contact.Id, null, new { caseId, contact.WorkerId, Level = contact.Level.ToString(), Kind = contact.Kind.ToString(), contact.LastContactOn });
        if (order is not null)
        {
            order.ContactId = contact.Id;
            db.Add(order);
            await db.SaveChangesAsync(ct);
            audit.Record("create", nameof(QuarantineOrder), order.Id, null, new { order.WorkerId, order.StartOn, order.PlannedEndOn, RuleId = rule.Id, PlaceKind = order.PlaceKind.ToString() });
        }
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return new SaveResult.Saved(contact.Id);
    }

    /// <summary>Several suggestions confirmed at once, all or nothing: the first one refused undoes the others and its
    /// error is returned.</summary>
    public async Task<SaveResult> ConfirmAllAsync(int caseId, IReadOnlyList<ContactDecision> all, CancellationToken ct = default)
    {
        if (all.Count == 0) return new SaveResult.Invalid(new FieldErrors { ["Picks"] = "Contact.NonePicked" });
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        SaveResult last = new SaveResult.NotFound();
        foreach (var d in all)
        {
            last = await ConfirmAsync(caseId, d, ct);
            if (last is not SaveResult.Saved)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return last;
            }
        }
        await tx.CommitAsync(ct);
        return last;
    }

    /// <summary>Remembers that the officer ruled the person out, so the suggestion does not come back.</summary>
    public async Task<SaveResult> DismissAsync(int caseId, ContactDecision d, CancellationToken ct = default)
    {
        var (errors, target) = await ResolveAsync(caseId, d, ct);
        if (target is null) return new SaveResult.NotFound();
        if (target.Existing is { State: ContactState.Confirmed }) errors.TryAdd(nameof(d.WorkerId), "Contact.AlreadyLinked");
        if (!errors.Ok) return new SaveResult.Invalid(errors);
        if (target.Existing is { } dismissed) return new SaveResult.Saved(dismissed.Id);

        var contact = new Contact
        {
            CaseId = caseId, WorkerId = target.WorkerId, SourceContactId = d.SourceContactId, Level = target.Level,
            Kind = d.Kind ?? ContactKind.Other, State = ContactState.Dismissed, DecidedBy = "",
        };
        Decided(contact);
        db.Add(contact);
        await audit.SaveThenRecordAsync("dismiss", nameof(Contact), () => contact.Id, null, () => new { caseId, contact.WorkerId, Level = contact.Level.ToString() }, ct);
        return new SaveResult.Saved(contact.Id);
    }

    private sealed record Target(int WorkerId, ContactLevel Level, Contact? Existing);

    /// <summary>Null target: no such case for this user (404). Otherwise the person, the level and any earlier decision.</summary>
    private async Task<(FieldErrors, Target?)> ResolveAsync(int caseId, ContactDecision d, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!cases.CanWrite) return (errors, null);
        var caseWorker = await cases.Cases().Where(c => c.Id == caseId).Select(c => (int?)c.WorkerId).FirstOrDefaultAsync(ct);
        if (caseWorker is null) return (errors, null);

        var level = ContactLevel.F1;
        if (d.SourceContactId is int sid)
        {
            var sourceOk = await db.Set<Contact>().AnyAsync(x => x.Id == sid && x.CaseId == caseId && x.Level == ContactLevel.F1 && x.State == ContactState.Confirmed, ct);
            if (!sourceOk) errors.TryAdd(nameof(d.SourceContactId), "Contact.SourceNotF1");
            level = ContactLevel.F2;
        }
        var cccd = d.Cccd?.Trim();
        var workerId = d.WorkerId is int wid
            ? await cases.Workers().Where(w => w.Id == wid).Select(w => (int?)w.Id).FirstOrDefaultAsync(ct)
            : string.IsNullOrEmpty(cccd) ? null : await cases.Workers().Where(w => w.Cccd == cccd).Select(w => (int?)w.Id).FirstOrDefaultAsync(ct);
        if (workerId is null)
        {
            errors.TryAdd(d.WorkerId is null ? nameof(d.Cccd) : nameof(d.WorkerId), d.WorkerId is null && string.IsNullOrEmpty(cccd) ? "Field.Required" : "Contact.WorkerUnknown");
            return (errors, new Target(0, level, null));
        }
        if (workerId == caseWorker) errors.TryAdd(nameof(d.WorkerId), "Contact.IsTheCase");
        var existing = await db.Set<Contact>().FirstOrDefaultAsync(x => x.CaseId == caseId && x.WorkerId == workerId, ct);
        return (errors, new Target(workerId.Value, level, existing));
    }

    private void Decided(Contact c)
    {
        c.DecidedAt = time.GetUtcNow().UtcDateTime;
        c.DecidedBy = user.Name;
    }
}
