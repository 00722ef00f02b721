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

namespace Lachan.Features.Outbreak.Cases;

/// <summary>A confirmed case, found by the CCCD of a registered worker; for a person not yet in the registry the
/// identity fields are given too and the worker is registered first, under the registry's own CCCD rules.</summary>
public sealed record CaseForm
{
    public string? Cccd { get; init; }
    public string? FullName { get; init; }
    public Sex? Sex { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public string? Phone { get; init; }
    public string? PermanentAddress { get; init; }
    public string? Code { get; init; }
    public DateOnly? ConfirmedOn { get; init; }
    public string? TestKind { get; init; }
    public DateOnly? TestDate { get; init; }
    public string? TestPlace { get; init; }
    public string? TreatmentPlace { get; init; }
}

public sealed class CaseEditor(LachanDb db, CaseScope cases, Jurisdiction scope, AuditLog audit, ProvinceCalendar calendar)
{
    public static readonly string[] TestKinds = ["RT-PCR", "Test nhanh kháng nguyên", "Khác"];

    public static FieldErrors Validate(CaseForm f, DateOnly today)
    {
        var errors = new FieldErrors();
        errors.AddIf(string.IsNullOrWhiteSpace(f.Cccd), nameof(f.Cccd), "Field.Required");
        errors.AddIf(string.IsNullOrWhiteSpace(f.Code), nameof(f.Code), "Field.Required");
        errors.AddIf(f.Code is { Length: > 32 }, nameof(f.Code), "Field.TooLong");
        errors.AddIf(f.ConfirmedOn is null, nameof(f.ConfirmedOn), "Field.Required");
        errors.AddIf(f.ConfirmedOn > today, nameof(f.ConfirmedOn), "Case.DateInFuture");
        errors.AddIf(string.IsNullOrWhiteSpace(f.TestKind), nameof(f.TestKind), "Field.Required");
        errors.AddIf(f.TestKind is { Length: > 50 }, nameof(f.TestKind), "Field.TooLong");
        errors.AddIf(f.TestDate is null, nameof(f.TestDate), "Field.Required");
        errors.AddIf(f.TestDate > f.ConfirmedOn, nameof(f.TestDate), "Case.TestAfterConfirmation");
        errors.AddIf(f.TestPlace is { Length: > 200 }, nameof(f.TestPlace), "Field.TooLong");
        errors.AddIf(f.TreatmentPlace is { Length: > 200 }, nameof(f.TreatmentPlace), "Field.TooLong");
        return errors;
    }

    public async Task<SaveResult> RegisterAsync(CaseForm f, CancellationToken ct = default)
    {
        if (!cases.CanWrite) return new SaveResult.NotFound();
        var today = calendar.Today;
        var errors = Validate(f, today);
        var cccd = f.Cccd?.Trim();
        var worker = cccd is null ? null : await cases.Workers().FirstOrDefaultAsync(w => w.Cccd == cccd, ct);
        if (worker is null && cccd is not null)
        {
            if (string.IsNullOrWhiteSpace(f.FullName))
                errors.TryAdd(nameof(f.FullName), "Case.NewPersonDetails"); // not registered: the person's identity is needed
            var person = new WorkerForm { Cccd = cccd, FullName = f.FullName, Sex = f.Sex, DateOfBirth = f.DateOfBirth, Phone = f.Phone, PermanentAddress = f.PermanentAddress };
            foreach (var (field, problem) in person.Validate(creating: false)) errors.TryAdd(field, problem);
            // registered but outside the user's jurisdiction: say so without showing whose number it is
            if (errors.Ok && await db.Set<Worker>().AnyAsync(w => w.Cccd == cccd, ct)) errors.TryAdd(nameof(f.Cccd), "Worker.CccdExists");
        }
        var code = f.Code?.Trim();
        if (code is not null && await db.Set<Case>().AnyAsync(c => c.Code == code, ct)) errors.TryAdd(nameof(f.Code), "Case.CodeExists");
        if (worker is not null && await db.Set<Case>().AnyAsync(c => c.WorkerId == worker.Id && c.Outcome == CaseOutcome.Active, ct))
            errors.TryAdd(nameof(f.Cccd), "Case.AlreadyActive");
        if (!errors.Ok) return new SaveResult.Invalid(errors);

        var created = worker is null;
        worker ??= NewWorker(f, cccd!, today);
        var @case = new Case
        {
            Worker = worker, Code = code!, ConfirmedOn = f.ConfirmedOn!.Value, TestKind = f.TestKind!.Trim(), TestDate = f.TestDate!.Value,
            TestPlace = Blank(f.TestPlace), TreatmentPlace = Blank(f.TreatmentPlace),
        };
        db.Add(@case);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        // one event per save: events saved together may be inserted out of their chain order
        if (created)
        {
            audit.Record("create", nameof(Worker), worker.Id, null, new { worker.Cccd, worker.FullName, Via = "case" });
            await db.SaveChangesAsync(ct);
        }
        audit.Record("create", nameof(Case), @case.Id, null, Snapshot(@case));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new SaveResult.Saved(@case.Id);
    }

    public async Task<SaveResult> SetOutcomeAsync(int id, CaseOutcome outcome, DateOnly? on, CancellationToken ct = default)
    {
        if (!cases.CanWrite) return new SaveResult.NotFound();
        var @case = await cases.Cases().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null) return new SaveResult.NotFound();
        var before = Snapshot(@case);
        var wasRecovered = @case.Outcome == CaseOutcome.Recovered;
        try { @case.SetOutcome(outcome, on); }
        catch (DomainException e) { return new SaveResult.Invalid(new FieldErrors { ["OutcomeOn"] = e.Code }); }
        var monitoring = !wasRecovered && outcome == CaseOutcome.Recovered ? await AfterDischargeAsync(@case, ct) : null;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        audit.Record("update", nameof(Case), id, before, Snapshot(@case));
        await db.SaveChangesAsync(ct);
        if (monitoring is not null)
        {
            audit.Record("create", nameof(QuarantineOrder), monitoring.Id, null, new { monitoring.WorkerId, monitoring.StartOn, monitoring.PlannedEndOn, RuleId = monitoring.QuarantineRuleId });
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return new SaveResult.Saved(id);
    }

    /// <summary>A recovered case is monitored at home after discharge, by the F0-release rule in force on the discharge
    /// date (none configured, or already in quarantine: no order).</summary>
    private async Task<QuarantineOrder?> AfterDischargeAsync(Case c, CancellationToken ct)
    {
        var start = c.OutcomeOn!.Value;
        var rules = await db.Set<QuarantineRule>().AsNoTracking().Where(r => r.Subject == RuleSubject.F0Release).ToListAsync(ct);
        if (!rules.Any(r => r.InForceOn(start))) return null;
        if (await db.Set<QuarantineOrder>().AnyAsync(o => o.WorkerId == c.WorkerId && o.ReleasedOn == null, ct)) return null;
        var rule = QuarantineRules.InForce(rules, RuleSubject.F0Release, start);
        var order = QuarantineRules.NewOrder(rule, c.WorkerId, start);
        db.Add(order);
        return order;
    }

    /// <summary>A person registered by the health team: no employer yet; the registry is the user's province.</summary>
    private Worker NewWorker(CaseForm f, string cccd, DateOnly today)
    {
        var name = VietnameseText.TitleCaseName(f.FullName!);
        var w = new Worker
        {
            Cccd = cccd, FullName = name, NameSearch = VietnameseText.SearchKey(name), Sex = f.Sex!.Value, DateOfBirth = f.DateOfBirth!.Value,
            Phone = OtherIds.NormalizePhone(f.Phone), PermanentAddress = Blank(f.PermanentAddress),
            HomeProvinceCode = cccd[..3], ProvinceCode = scope.Scope ?? "",
        };
        w.Movements.Add(new MovementEvent { Date = today, Kind = MovementKind.Registered });
        return w;
    }

    private static object Snapshot(Case c) => new
    {
        c.WorkerId, c.Code, c.ConfirmedOn, c.TestKind, c.TestDate, c.TestPlace, c.TreatmentPlace, Outcome = c.Outcome.ToString(), c.OutcomeOn,
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
