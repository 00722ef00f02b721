using Lachan.Features.Registry.Contracts;
using Lachan.Features.Support.Eligibility;
using Lachan.Features.Support.Policies;
using Lachan.Infrastructure.Data;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Support.Lists;

/// <summary>A row as the employer gives it (a roster build fills it from the registry).</summary>
public sealed record RowInput(int RowNo, string Cccd, string? FullName, long? AmountAsked, string? BankAccount = null, string? BankName = null,
    bool Pregnant = false, int ChildrenUnder6 = 0, IReadOnlyList<string>? ChildIds = null);

/// <summary>A row checked: the worker found by CCCD, the policy's verdict and the list's own findings.</summary>
public sealed record CheckedRow(RowInput Input, int? WorkerId, string FullName, bool Eligible, long Amount, IReadOnlyList<RowReason> Reasons);

/// <summary>The policy, version and period a list is checked under.</summary>
public sealed record ListTarget(SupportPolicy Policy, SupportPolicyVersion Version, Enterprise Enterprise, DateOnly PeriodStart, DateOnly PeriodEnd)
{
    /// <summary>What "the same policy period" means for approvals: the month for the per-month policies (rent, meals),
    /// the policy's whole period for the one-off payments (suspension, stoppage, termination…).</summary>
    public DateOnly PeriodKey => Policy.Kind is SupportKind.RentWorking or SupportKind.RentReturning or SupportKind.Meals ? PeriodStart : Version.PeriodFrom;
}

/// <summary>Checks every row of a list at once: the policy's rules on the records (SupportFacts, in bulk) and the list's
/// own checks against itself and every earlier list and approval of the same policy period — the same worker on
/// another employer's list, approved already, more months than the policy pays, an amount over what the rules give.
/// Reads only; the builder and `support check` share it.</summary>
public sealed class ListChecks(LachanDb db, SupportFacts facts, ILogger<ListChecks> logger)
{
    public async Task<ListTarget?> TargetAsync(string policyCode, string taxCode, DateOnly month, DateOnly today, CancellationToken ct)
    {
        var policy = await db.Set<SupportPolicy>().AsNoTracking().Include(p => p.Versions).FirstOrDefaultAsync(p => p.Code == policyCode, ct);
        var enterprise = await db.Set<Enterprise>().AsNoTracking().Include(e => e.IndustrialZone).FirstOrDefaultAsync(e => e.TaxCode == taxCode, ct);
        if (policy is null || enterprise is null) return null;
        var (start, end) = (month, month.AddMonths(1).AddDays(-1));
        var covering = policy.Versions.Where(v => v.PeriodFrom <= end && v.PeriodTo >= start).ToList();
        var version = covering.FirstOrDefault(v => v.InForceOn(today)) ?? covering.OrderByDescending(v => v.EffectiveFrom).FirstOrDefault();
        if (version is null) return null;
        version.Policy = policy;
        return new ListTarget(policy, version, enterprise, start, end);
    }

    public async Task<IReadOnlyList<CheckedRow>> CheckAsync(ListTarget target, IReadOnlyList<RowInput> rows, int? exceptListId, CancellationToken ct) =>
        Check(target, rows, await ContextAsync(target, await WorkersAsync(rows.Select(r => r.Cccd), ct), exceptListId, ct));

    /// <summary>The registry's workers (id, name) of the valid CCCDs among <paramref name="cccds"/>.</summary>
    public async Task<Dictionary<string, (int Id, string Name)>> WorkersAsync(IEnumerable<string> cccds, CancellationToken ct)
    {
        var valid = cccds.Where(c => Cccd.Validate(c).IsValid).Distinct().ToArray();
        var workers = new Dictionary<string, (int Id, string Name)>();
        // one array parameter per up to a list file's rows: one probe of the CCCD index each, in one round-trip
        foreach (var chunk in valid.Chunk(SupportFacts.IdsInOneParameter))
            foreach (var w in await db.Set<Worker>().AsNoTracking().Where(w => EF.Parameter(chunk).Contains(w.Cccd)).Select(w => new { w.Cccd, w.Id, w.FullName }).ToListAsync(ct))
                workers[w.Cccd] = (w.Id, w.FullName);
        return workers;
    }

    /// <summary>Reads once what checking lists of the target's policy period needs: the workers' facts over the period
    /// (insured months only as far back as the policy's rules look) and the earlier lists and approvals of the period.
    /// Many lists of the same policy and month (the candidates' drafts) share one context instead of reading the
    /// province's restrictions, lists and approvals once per list.</summary>
    public async Task<CheckContext> ContextAsync(ListTarget target, Dictionary<string, (int Id, string Name)> workers, int? exceptListId, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var ids = workers.Values.Select(w => w.Id).ToHashSet();
        // the workers were read from the registry by CCCD (WorkersAsync, or the candidates' rosters): all of them are in it
        var verdicts = await facts.ForWorkersAsync(ids, target.PeriodStart, target.PeriodEnd, SupportFacts.InsuranceMonthsBack(target.Version), registryIds: true, ct);
        var (code, key) = (target.Policy.Code, target.PeriodKey);
        var tFacts = clock.Elapsed.TotalMilliseconds;

        // earlier lists of the same policy period (not refused, rows not withdrawn) and earlier approvals
        var onLists = (await db.Set<SupportListRow>().AsNoTracking()
                .Join(db.Set<SupportList>(), r => r.SupportListId, l => l.Id, (r, l) => new { r.WorkerId, r.Withdrawn, l.Id, l.PolicyCode, l.PeriodKey, l.State, l.TaxCode })
                .Where(x => x.PolicyCode == code && x.PeriodKey == key && x.State != ListState.Refused && !x.Withdrawn && x.WorkerId != null && x.Id != exceptListId)
                .Select(x => new { WorkerId = x.WorkerId!.Value, x.Id, x.TaxCode }).ToListAsync(ct))
            .GroupBy(x => x.WorkerId).ToDictionary(g => g.Key, g => (g.First().Id, g.First().TaxCode));
        var approvals = await db.Set<SupportApproval>().AsNoTracking().Where(a => a.PolicyCode == code)
            .Select(a => new { a.WorkerId, a.PeriodStart, a.SupportListId }).ToListAsync(ct);
        var approvedNow = approvals.Where(a => a.PeriodStart == key).GroupBy(a => a.WorkerId).ToDictionary(g => g.Key, g => g.First().SupportListId);
        var approvedMonths = approvals.GroupBy(a => a.WorkerId).ToDictionary(g => g.Key, g => g.Count());
        logger.LogDebug("Check context of {Workers} workers: facts {Facts:F0} ms, earlier lists and approvals {Earlier:F0} ms", ids.Count, tFacts, clock.Elapsed.TotalMilliseconds - tFacts);
        return new CheckContext(code, target.PeriodStart, target.PeriodEnd, key, workers, verdicts, onLists, approvedNow, approvedMonths);
    }

    /// <summary>Checks the rows with what the context read: the rules (SupportRules) per worker, then the list's own findings.</summary>
    public IReadOnlyList<CheckedRow> Check(ListTarget target, IReadOnlyList<RowInput> rows, CheckContext context)
    {
        if (context.PolicyCode != target.Policy.Code || context.PeriodStart != target.PeriodStart || context.PeriodEnd != target.PeriodEnd || context.PeriodKey != target.PeriodKey)
            throw new InvalidOperationException("The check context was read for another policy period.");
        var (workers, verdicts, onLists, approvedNow, approvedMonths) = (context.Workers, context.Facts, context.OnLists, context.ApprovedNow, context.ApprovedMonths);
        var firstRow = new Dictionary<string, int>();
        var result = new List<CheckedRow>(rows.Count);
        foreach (var row in rows)
        {
            var reasons = new List<RowReason>();
            if (!Cccd.Validate(row.Cccd).IsValid)
            {
                result.Add(new CheckedRow(row, null, row.FullName ?? "", false, 0, [RowReasons.InvalidCccd()]));
                continue;
            }
            if (!workers.TryGetValue(row.Cccd, out var worker))
            {
                result.Add(new CheckedRow(row, null, row.FullName ?? "", false, 0, [RowReasons.NotInRegistry()]));
                continue;
            }
            // the list's declarations laid over the facts (a copy only when it declares something: 150,000 candidates' rows declare nothing)
            var facts = verdicts[worker.Id];
            if (facts.Pregnant != row.Pregnant || facts.ChildrenUnder6 != row.ChildrenUnder6) facts = facts with { Pregnant = row.Pregnant, ChildrenUnder6 = row.ChildrenUnder6 };
            var verdict = SupportRules.Evaluate(target.Version, facts, target.PeriodStart, target.PeriodEnd, target.Enterprise.Id);
            var eligible = verdict.Eligible;
            reasons.AddRange(verdict.Reasons.Select(r => new RowReason(r.Code, r.Vi, r.En)));
            if (firstRow.TryGetValue(row.Cccd, out var first)) { eligible = false; reasons.Add(RowReasons.DuplicateRow(first)); }
            else firstRow[row.Cccd] = row.RowNo;
            if (onLists.TryGetValue(worker.Id, out var other)) { eligible = false; reasons.Add(RowReasons.OnOtherList(other.Id, other.TaxCode)); }
            if (approvedNow.TryGetValue(worker.Id, out var approvedOn)) { eligible = false; reasons.Add(RowReasons.ApprovedElsewhere(approvedOn)); }
            else if (target.Version.MaxMonths is { } max && approvedMonths.GetValueOrDefault(worker.Id) >= max)
            {
                eligible = false;
                reasons.Add(new RowReason(Reasons.OverMaxMonths(max).Code, Reasons.OverMaxMonths(max).Vi, Reasons.OverMaxMonths(max).En));
            }
            var amount = eligible ? verdict.Amount : 0;
            if (row.AmountAsked is { } asked && asked > verdict.Amount && verdict.Eligible) reasons.Add(RowReasons.OverCap(asked, verdict.Amount));
            result.Add(new CheckedRow(row, worker.Id, worker.Name, eligible, amount, reasons));
        }
        return result;
    }
}

/// <summary>What <see cref="ListChecks.ContextAsync"/> read for one policy period. A list saved meanwhile (the
/// candidates' drafts, one after another) is told with <see cref="Listed"/>, so the next list's check sees its workers
/// on it, as it would have read them from the database.</summary>
public sealed record CheckContext(string PolicyCode, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly PeriodKey,
    IReadOnlyDictionary<string, (int Id, string Name)> Workers, IReadOnlyDictionary<int, WorkerFacts> Facts,
    Dictionary<int, (int Id, string TaxCode)> OnLists, IReadOnlyDictionary<int, int> ApprovedNow, IReadOnlyDictionary<int, int> ApprovedMonths)
{
    public void Listed(int listId, string taxCode, IEnumerable<int> workerIds)
    {
        foreach (var id in workerIds) OnLists.TryAdd(id, (listId, taxCode));
    }
}
