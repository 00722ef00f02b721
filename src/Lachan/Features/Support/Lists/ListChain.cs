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
/// deadline from the chain's rules in working days, and an audit event, saved together. Every step is taken by an
/// explicit actor on an explicit day: the API and pages pass the signed-in user and the province's today, the demo seed
/// its desks and its story's days — one way to move a list, whoever moves it. The approval writes the decision and one
/// approval per worker; unique indexes make a second approval of the list or of a worker for the same policy period
/// fail in the database, whichever process tries.</summary>
public sealed class ListChain(LachanDb db, AuditLog audit, HolidayCalendar holidays, TimeProvider time)
{
    public Task<ChainResult> PostAsync(SupportActor by, DateOnly day, int id, CancellationToken ct) => StepAsync(by, day, id, "post", (list, days, rules) =>
        list.Post(day, ChainRules.Due(rules, days, ChainStep.Notice, day)), ct);

    public Task<ChainResult> SubmitAsync(SupportActor by, DateOnly day, int id, CancellationToken ct) => StepAsync(by, day, id, "submit", (list, days, rules) =>
        list.Submit(day, ChainRules.Due(rules, days, ChainStep.Notice, list.PostedOn!.Value), ChainRules.Due(rules, days, ChainStep.Insurance, day)), ct);

    public Task<ChainResult> ConfirmInsuranceAsync(SupportActor by, DateOnly day, int id, IReadOnlyDictionary<int, bool> insured, CancellationToken ct) =>
        StepAsync(by, day, id, "confirm-insurance", (list, days, rules) => list.ConfirmInsurance(day, insured, ChainRules.Due(rules, days, ChainStep.Appraisal, day)), ct);

    public Task<ChainResult> AppraiseAsync(SupportActor by, DateOnly day, int id, CancellationToken ct) => StepAsync(by, day, id, "appraise", (list, days, rules) =>
        list.Appraise(day, ChainRules.Due(rules, days, ChainStep.Decision, day)), ct);

    public Task<ChainResult> RefuseAsync(SupportActor by, DateOnly day, int id, string? reason, CancellationToken ct) => StepAsync(by, day, id, "refuse", (list, days, rules) =>
    {
        list.Refuse(day, reason ?? "");
        db.Add(Decision(by, list, approved: false, day, null, reason, 0, 0));
    }, ct);

    public Task<ChainResult> DisputeAsync(SupportActor by, DateOnly day, int id, int? rowNo, string? text, CancellationToken ct) => StepAsync(by, day, id, "dispute", (list, days, rules) =>
        list.Dispute(day, rowNo, text ?? "", ChainRules.Due(rules, days, ChainStep.Dispute, day)), ct);

    public Task<ChainResult> ResolveAsync(SupportActor by, DateOnly day, int id, int disputeId, string? resolution, bool removeRow, CancellationToken ct) =>
        StepAsync(by, day, id, "resolve", (list, days, rules) => list.Resolve(disputeId, day, resolution ?? "", removeRow), ct);

    /// <summary>Approves the list under the decision number: every eligible, insured row becomes an approval, except a
    /// worker already approved for the policy period on another list (that row is left out and says why). Two lists
    /// sharing a worker approved at the same moment: the later save is refused by the unique index on the worker's
    /// approval; when the list itself did not move meanwhile, the step runs once more and finds the worker approved on
    /// the first list, so both lists are approved and the worker once.</summary>
    public Task<ChainResult> ApproveAsync(SupportActor by, DateOnly day, int id, string? decisionNo, CancellationToken ct) => StepAsync(by, day, id, "approve", async (list, days, rules) =>
    {
        list.Approve(day, decisionNo ?? "");
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
                PeriodStart = list.PeriodKey, Amount = amount, ApprovedOn = day, DecisionNo = list.DecisionNo!,
            });
            total += amount;
            count++;
        }
        db.Add(Decision(by, list, approved: true, day, list.DecisionNo, null, total, count));
    }, ct, retryOnce: true);

    private SupportDecision Decision(SupportActor by, SupportList list, bool approved, DateOnly day, string? number, string? reason, long amount, int workers) => new()
    {
        SupportListId = list.Id, Approved = approved, Number = number, Day = day, Reason = reason?.Trim(), Amount = amount, Workers = workers,
        By = by.UserName, At = AuditChain.Now(time),
    };

    private delegate Task Step(SupportList list, WorkingDays days, IReadOnlyList<ChainStepRule> rules);

    private Task<ChainResult> StepAsync(SupportActor by, DateOnly day, int id, string action, Action<SupportList, WorkingDays, IReadOnlyList<ChainStepRule>> step, CancellationToken ct) =>
        StepAsync(by, day, id, action, (l, d, r) =>
        {
            step(l, d, r);
            return Task.CompletedTask;
        }, ct);

    private async Task<ChainResult> StepAsync(SupportActor by, DateOnly day, int id, string action, Step step, CancellationToken ct, bool retryOnce = false)
    {
        var scope = ListScope.For(by);
        var list = await scope.Lists(db.Set<SupportList>()).Include(l => l.Rows).Include(l => l.Disputes).FirstOrDefaultAsync(l => l.Id == id, ct);
        if (list is null) return new ChainResult.NotFound();
        if (!scope.MayAct(list.State))
            return list.State == ListState.Approved && action == "approve" ? ChainResult.Error("SupportList.AlreadyApproved", conflict: true) : new ChainResult.NotYourStep();
        var (before, version) = (new { State = list.State.ToString() }, list.Version);
        var days = await holidays.WorkingDaysAsync(ct);
        var rules = await db.Set<ChainStepRule>().AsNoTracking().ToListAsync(ct);
        try
        {
            await step(list, days, rules);
            await ChildClaims.FreeAsync(db, list, ct);
        }
        catch (DomainException e)
        {
            return ChainResult.Error(e.Code, conflict: e.Code == "SupportList.AlreadyApproved");
        }
        audit.Record(action, nameof(SupportList), list.Id, before, new
        {
            State = list.State.ToString(), Day = day.ToString("yyyy-MM-dd"), DueOn = list.DueOn?.ToString("yyyy-MM-dd"), list.DecisionNo, list.RefusalReason,
        }, by.UserName);
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
            var now = await db.Set<SupportList>().AsNoTracking().Where(l => l.Id == id).Select(l => new { l.State, l.Version }).FirstAsync(ct);
            // the list is as we found it, so what refused us was a worker approved on another list meanwhile: once more
            if (retryOnce && now.Version == version) return await StepAsync(by, day, id, action, step, ct);
            return ChainResult.Error(now.State == ListState.Approved ? "SupportList.AlreadyApproved" : "SupportList.Changed", conflict: true);
        }
    }
}
