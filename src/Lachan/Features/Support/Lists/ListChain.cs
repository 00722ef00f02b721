using Lachan.Features.Shared;
using Lachan.Infrastructure;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Calendar;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Support.Lists;

/// <summary>What a step of the chain came to. Conflict: the list moved meanwhile (another officer, another process).</summary>
public abstract record ChainResult
{
    public sealed record Done(int Id) : ChainResult;
    public sealed record NotFound : ChainResult;
    /// <summary>The list is visible but the step belongs to another desk.</summary>
    public sealed record NotYourStep : ChainResult;
    public sealed record Refused(FieldErrors Errors, bool Conflict = false) : ChainResult;

    public static Refused Error(string code, bool conflict = false) => new(new FieldErrors { ["State"] = code }, conflict);
}

/// <summary>Moves a list through the review chain: each step a guarded transition of <see cref="SupportList"/>, its
/// deadline from the chain's rules in working days, and an audit event, saved together. The approval writes the
/// decision and one approval per worker; unique indexes make a second approval of the list or of a worker for the
/// same policy period fail in the database, whichever process tries.</summary>
public sealed class ListChain(LachanDb db, AuditLog audit, ListScope scope, ProvinceCalendar calendar, HolidayCalendar holidays, TimeProvider time)
{
    public Task<ChainResult> PostAsync(int id, CancellationToken ct) => StepAsync(id, "post", (list, today, days, rules) =>
        list.Post(today, ChainRules.Due(rules, days, ChainStep.Notice, today)), ct);

    public Task<ChainResult> SubmitAsync(int id, CancellationToken ct) => StepAsync(id, "submit", (list, today, days, rules) =>
        list.Submit(today, ChainRules.Due(rules, days, ChainStep.Notice, list.PostedOn!.Value), ChainRules.Due(rules, days, ChainStep.Insurance, today)), ct);

    public Task<ChainResult> ConfirmInsuranceAsync(int id, IReadOnlyDictionary<int, bool> insured, CancellationToken ct) => StepAsync(id, "confirm-insurance", (list, today, days, rules) =>
        list.ConfirmInsurance(today, insured, ChainRules.Due(rules, days, ChainStep.Appraisal, today)), ct);

    public Task<ChainResult> AppraiseAsync(int id, CancellationToken ct) => StepAsync(id, "appraise", (list, today, days, rules) =>
        list.Appraise(today, ChainRules.Due(rules, days, ChainStep.Decision, today)), ct);

    public Task<ChainResult> RefuseAsync(int id, string? reason, CancellationToken ct) => StepAsync(id, "refuse", (list, today, days, rules) =>
    {
        list.Refuse(today, reason ?? "");
        db.Add(Decision(list, approved: false, today, null, reason, 0, 0));
    }, ct);

    public Task<ChainResult> DisputeAsync(int id, int? rowNo, string? text, CancellationToken ct) => StepAsync(id, "dispute", (list, today, days, rules) =>
        list.Dispute(today, rowNo, text ?? "", ChainRules.Due(rules, days, ChainStep.Dispute, today)), ct);

    public Task<ChainResult> ResolveAsync(int id, int disputeId, string? resolution, bool removeRow, CancellationToken ct) => StepAsync(id, "resolve", (list, today, days, rules) =>
        list.Resolve(disputeId, today, resolution ?? "", removeRow), ct);

    /// <summary>Approves the list under the decision number: every eligible, insured row becomes an approval, except a
    /// worker already approved for the policy period on another list (that row is left out and says why).</summary>
    public Task<ChainResult> ApproveAsync(int id, string? decisionNo, CancellationToken ct) => StepAsync(id, "approve", async (list, today, days, rules) =>
    {
        list.Approve(today, decisionNo ?? "");
        var rows = list.ApprovableRows().ToList();
        var workerIds = rows.Select(r => r.WorkerId!.Value).ToList();
        var taken = await db.Set<SupportApproval>().AsNoTracking()
            .Where(a => a.PolicyCode == list.PolicyCode && a.PeriodStart == list.PeriodKey && workerIds.Contains(a.WorkerId))
            .Select(a => new { a.WorkerId, a.SupportListId }).ToListAsync(ct);
        var takenBy = taken.ToDictionary(t => t.WorkerId, t => t.SupportListId);
        long total = 0;
        var count = 0;
        foreach (var row in rows)
        {
            if (takenBy.TryGetValue(row.WorkerId!.Value, out var other))
            {
                row.Eligible = false;
                row.ReasonsJson = RowReasons.Append(row.ReasonsJson, RowReasons.ApprovedElsewhere(other));
                continue;
            }
            var amount = row.AmountComputed;
            if (amount <= 0) continue;
            db.Add(new SupportApproval
            {
                SupportListId = list.Id, RowId = row.Id, WorkerId = row.WorkerId!.Value, EnterpriseId = list.EnterpriseId, PolicyCode = list.PolicyCode,
                PeriodStart = list.PeriodKey, Amount = amount, ApprovedOn = today, DecisionNo = list.DecisionNo!,
            });
            total += amount;
            count++;
        }
        db.Add(Decision(list, approved: true, today, list.DecisionNo, null, total, count));
    }, ct);

    private SupportDecision Decision(SupportList list, bool approved, DateOnly day, string? number, string? reason, long amount, int workers) => new()
    {
        SupportListId = list.Id, Approved = approved, Number = number, Day = day, Reason = reason?.Trim(), Amount = amount, Workers = workers,
        By = scope.UserName, At = AuditChain.Now(time),
    };

    private delegate Task Step(SupportList list, DateOnly today, WorkingDays days, IReadOnlyList<ChainStepRule> rules);

    private Task<ChainResult> StepAsync(int id, string action, Action<SupportList, DateOnly, WorkingDays, IReadOnlyList<ChainStepRule>> step, CancellationToken ct) =>
        StepAsync(id, action, (l, t, d, r) =>
        {
            step(l, t, d, r);
            return Task.CompletedTask;
        }, ct);

    private async Task<ChainResult> StepAsync(int id, string action, Step step, CancellationToken ct)
    {
        var list = await scope.Lists(db.Set<SupportList>()).Include(l => l.Rows).Include(l => l.Disputes).FirstOrDefaultAsync(l => l.Id == id, ct);
        if (list is null) return new ChainResult.NotFound();
        if (!scope.MayAct(list.State))
            return list.State == ListState.Approved && action == "approve" ? ChainResult.Error("SupportList.AlreadyApproved", conflict: true) : new ChainResult.NotYourStep();
        var before = new { State = list.State.ToString() };
        var today = calendar.Today;
        var days = await holidays.WorkingDaysAsync(ct);
        var rules = await db.Set<ChainStepRule>().AsNoTracking().ToListAsync(ct);
        try
        {
            await step(list, today, days, rules);
        }
        catch (DomainException e)
        {
            return ChainResult.Error(e.Code, conflict: e.Code == "SupportList.AlreadyApproved");
        }
        audit.Record(action, nameof(SupportList), list.Id, before, new
        {
            State = list.State.ToString(), Day = today.ToString("yyyy-MM-dd"), DueOn = list.DueOn?.ToString("yyyy-MM-dd"), list.DecisionNo, list.RefusalReason,
        });
        try
        {
            // one save: the state, the decision, the approvals and the audit event, together or not at all
            await db.SaveChangesAsync(ct);
            return new ChainResult.Done(list.Id);
        }
        catch (DbUpdateException)
        {
            // another officer or process moved the list first (concurrency token), or approved it or one of its workers
            // first (unique indexes): nothing of ours was written
            db.ChangeTracker.Clear();
            var now = await db.Set<SupportList>().AsNoTracking().Where(l => l.Id == id).Select(l => l.State).FirstAsync(ct);
            return ChainResult.Error(now == ListState.Approved ? "SupportList.AlreadyApproved" : "SupportList.Changed", conflict: true);
        }
    }
}
