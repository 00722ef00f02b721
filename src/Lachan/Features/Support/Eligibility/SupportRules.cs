using Lachan.Features.Support.Policies;

namespace Lachan.Features.Support.Eligibility;

/// <summary>Every support policy's conditions, in one pure place (DOMAIN.md §6): a version's values and a worker's facts
/// in, a verdict out. Periods are inclusive. <paramref name="enterpriseId"/> is the employer whose list is checked (null:
/// any employer, as the simulation asks). Per-month policies (rent) look at each month of the period; the others count
/// days. The version must come with its policy (its kind decides which conditions apply).</summary>
public static class SupportRules
{
    public static Verdict Evaluate(SupportPolicyVersion v, WorkerFacts f, DateOnly periodStart, DateOnly periodEnd, int? enterpriseId)
    {
        var kind = v.Policy?.Kind ?? throw new InvalidOperationException("SupportRules.Evaluate needs the version's policy loaded.");
        if (!f.InRegistry) return No(v, Reasons.NotInRegistry);
        var (from, to) = (Max(periodStart, v.PeriodFrom), Min(periodEnd, v.PeriodTo));
        if (from > to) return No(v, Reasons.OutsidePeriod);
        var verdict = kind switch
        {
            SupportKind.RentWorking or SupportKind.RentReturning => Rent(v, f, from, to, enterpriseId),
            SupportKind.Suspension or SupportKind.Stoppage => DaysOff(v, f, from, to, enterpriseId),
            SupportKind.Terminated => Terminated(v, f, from, to, enterpriseId),
            SupportKind.Meals => Meals(v, f, from, to, enterpriseId),
            SupportKind.Household => Household(v, f, from, to, enterpriseId),
            SupportKind.FreeWorkers => FreeWorkers(v, f, from, to),
            _ => throw new InvalidOperationException($"No rule for {kind}."),
        };
        return WithSupplements(v, f, verdict);
    }

    /// <summary>The supplements of the version (pregnancy; each child under six) on an eligible worker's amount, each one
    /// a note of the breakdown; a version without them leaves the verdict as it was, whatever the list declares.</summary>
    private static Verdict WithSupplements(SupportPolicyVersion v, WorkerFacts f, Verdict verdict)
    {
        if (!verdict.Eligible) return verdict;
        var notes = new List<Reason>(verdict.Reasons);
        var amount = verdict.Amount;
        if (f.Pregnant && v.PregnancySupplement is { } pregnant)
        {
            amount += pregnant;
            notes.Add(Reasons.PregnancySupplement(pregnant));
        }
        if (f.ChildrenUnder6 > 0 && v.ChildSupplement is { } perChild)
        {
            amount += perChild * f.ChildrenUnder6;
            notes.Add(Reasons.ChildSupplement(f.ChildrenUnder6, perChild));
        }
        return amount == verdict.Amount ? verdict : verdict with { Amount = amount, Reasons = notes };
    }

    /// <summary>Decision 08: each month of the period counts when, in that month, the worker works for a qualifying
    /// employer under a qualifying contract, rents inside the renting window and was insured the month before; paid per
    /// month up to the policy's months.</summary>
    private static Verdict Rent(SupportPolicyVersion v, WorkerFacts f, DateOnly from, DateOnly to, int? enterpriseId)
    {
        var failures = new List<Reason>();
        var months = 0;
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var (start, end) = (Max(month, from), Min(month.AddMonths(1).AddDays(-1), to));
            if (RentMonthFails(v, f, start, end, enterpriseId) is { } reason) failures.Add(reason);
            else months++;
        }
        if (months == 0) return No(v, [.. failures.DistinctBy(r => r.Code)]);
        var paid = v.MaxMonths is { } max ? Math.Min(months, max) : months;
        return Yes(v, v.Amount * paid, paid < months ? [Reasons.OverMaxMonths(paid)] : []);
    }

    private static Reason? RentMonthFails(SupportPolicyVersion v, WorkerFacts f, DateOnly start, DateOnly end, int? enterpriseId)
    {
        var job = Jobs(f, enterpriseId).Where(e => e.Overlaps(start, end)).OrderByDescending(e => e.From).FirstOrDefault();
        if (job is null) return Reasons.NotEmployed;
        if (v.RequiresIzEmployer && !job.AtIzEmployer) return Reasons.NotAtIzEmployer;
        if (ContractFails(v, job) is { } contract) return contract;
        if (v.RentFrom is { } rentFrom && v.RentTo is { } rentTo && (end < rentFrom || start > rentTo))
            return Reasons.OutsideRentingWindow(rentFrom, rentTo);
        var (rs, re) = (Max(start, v.RentFrom ?? start), Min(end, v.RentTo ?? end));
        if (!f.Lodging.Any(l => l.Overlaps(rs, re))) return Reasons.NotLodging;
        var before = new DateOnly(start.Year, start.Month, 1).AddMonths(-1);
        if (v.InsuredMonthBefore && !f.InsuredMonths.Contains(before)) return Reasons.NotInsuredMonthBefore(before);
        return null;
    }

    private static Reason? ContractFails(SupportPolicyVersion v, EmploymentFact job)
    {
        var allowed = v.AllowedContracts;
        if (allowed.Count > 0 && !allowed.Contains(job.Contract)) return Reasons.ContractKind;
        if (job.Contract != Registry.Contracts.ContractType.Indefinite && job.ContractMonths is { } term && term < v.MinContractMonths)
            return Reasons.ContractTooShort(v.MinContractMonths);
        // "signed and started": the later of the two decides against a cutoff, the earlier against a window's start
        var signed = job.SignedOn ?? job.From;
        if (v.ContractBefore is { } before && (signed >= before || job.From >= before)) return Reasons.ContractAfterCutoff(before);
        if (v.ContractFrom is { } cf && v.ContractTo is { } ct && (Min(signed, job.From) < cf || Max(signed, job.From) > ct))
            return Reasons.ContractOutsideWindow(cf, ct);
        return null;
    }

    /// <summary>Resolution 68, suspension and stoppage: the days in the period the worker was employed and could not
    /// work — the employer stopped by an order, the worker in quarantine or treatment, or the lodging locked down.
    /// Insured in the month before the first such day. Suspension pays by tier (15 days / a month), stoppage once.</summary>
    private static Verdict DaysOff(SupportPolicyVersion v, WorkerFacts f, DateOnly from, DateOnly to, int? enterpriseId)
    {
        var jobs = Jobs(f, enterpriseId).Where(e => e.Overlaps(from, to)).ToList();
        if (jobs.Count == 0) return No(v, Reasons.NotEmployed);
        var off = DaySet.Empty;
        foreach (var job in jobs)
        {
            var employed = DaySet.Of([new Span(job.From, job.To)], from, to);
            off = off.Union(employed.Intersect(DaySet.Of(job.Stopped, from, to).Union(AwayFromWork(f, from, to))));
        }
        var min = v.MinDays ?? 1;
        if (off.Count < min) return No(v, Reasons.StoppedTooShort(off.Count, min));
        var before = new DateOnly(off.First.Year, off.First.Month, 1).AddMonths(-1);
        if (v.InsuredMonthBefore && !f.InsuredMonths.Contains(before)) return No(v, Reasons.NotInsuredMonthBefore(before));
        var amount = v.UpperTierDays is { } tier && v.UpperTierAmount is { } upper && off.Count >= tier ? upper : v.Amount;
        return Yes(v, amount, []);
    }

    /// <summary>Days the worker could not reach work whatever the employer did: quarantine, treatment, locked lodging.</summary>
    private static DaySet AwayFromWork(WorkerFacts f, DateOnly from, DateOnly to)
    {
        var set = DaySet.Of(f.Quarantines, from, to).Union(DaySet.Of(f.Cases, from, to));
        foreach (var l in f.Lodging.Where(l => l.Locked.Count > 0 && l.Overlaps(from, to)))
            set = set.Union(DaySet.Of([new Span(l.From, l.To)], from, to).Intersect(DaySet.Of(l.Locked, from, to)));
        return set;
    }

    /// <summary>Resolution 68, termination: a contract that ended in the period, insured the month before, and too few
    /// insured months in the 24 before for unemployment benefit.</summary>
    private static Verdict Terminated(SupportPolicyVersion v, WorkerFacts f, DateOnly from, DateOnly to, int? enterpriseId)
    {
        var ended = Jobs(f, enterpriseId).Where(e => e.To is { } last && last >= from && last <= to).MaxBy(e => e.To);
        if (ended is null) return No(v, Reasons.NotTerminated);
        var endMonth = new DateOnly(ended.To!.Value.Year, ended.To.Value.Month, 1);
        if (v.InsuredMonthBefore && !f.InsuredMonths.Contains(endMonth.AddMonths(-1))) return No(v, Reasons.NotInsuredMonthBefore(endMonth.AddMonths(-1)));
        var insured = f.InsuredMonths.Count(m => m >= endMonth.AddMonths(-24) && m < endMonth);
        if (v.UnemploymentInsuredMonths is { } needed && insured >= needed) return No(v, Reasons.UnemploymentEligible(insured));
        return Yes(v, v.Amount, []);
    }

    /// <summary>Resolution 68, meals: per day of treatment (F0, up to MaxDaysCase) and of quarantine as F1 (up to
    /// MaxDays) in the period; quarantine days that are also treatment days count once, as F0.</summary>
    private static Verdict Meals(SupportPolicyVersion v, WorkerFacts f, DateOnly from, DateOnly to, int? enterpriseId)
    {
        if (enterpriseId is not null && !Jobs(f, enterpriseId).Any(e => e.Overlaps(from, to))) return No(v, Reasons.NotEmployed);
        var caseDays = DaySet.Of(f.Cases, from, to);
        var f1Days = DaySet.Of(f.Quarantines, from, to).Except(caseDays);
        if (caseDays.IsEmpty && f1Days.IsEmpty) return No(v, Reasons.NotIsolated);
        var notes = new List<Reason>();
        var f0 = Cap(caseDays.Count, v.MaxDaysCase, notes);
        var f1 = Cap(f1Days.Count, v.MaxDays, notes);
        return Yes(v, v.Amount * (f0 + f1), notes);
    }

    private static int Cap(int days, int? max, List<Reason> notes)
    {
        if (max is not { } m || days <= m) return days;
        notes.Add(Reasons.OverMaxDays(m));
        return m;
    }

    /// <summary>Resolution 68, household business: the business (the employer) closed by orders for at least MinDays.
    /// Paid once per business; the simulation counts businesses, not their workers.</summary>
    private static Verdict Household(SupportPolicyVersion v, WorkerFacts f, DateOnly from, DateOnly to, int? enterpriseId)
    {
        var jobs = Jobs(f, enterpriseId).Where(e => e.Overlaps(from, to)).ToList();
        if (jobs.Count == 0) return No(v, Reasons.NotEmployed);
        var closed = jobs.Max(j => DaySet.Of(j.Stopped, from, to).Count);
        var min = v.MinDays ?? 1;
        return closed < min ? No(v, Reasons.StoppedTooShort(closed, min)) : Yes(v, v.Amount, []);
    }

    /// <summary>The province's package for free workers: days the worker's lodging was locked down while under no labour
    /// contract, at least MinDays.</summary>
    private static Verdict FreeWorkers(SupportPolicyVersion v, WorkerFacts f, DateOnly from, DateOnly to)
    {
        if (!f.Lodging.Any(l => l.Overlaps(from, to))) return No(v, Reasons.NotLodging);
        var locked = DaySet.Empty;
        foreach (var l in f.Lodging.Where(l => l.Overlaps(from, to)))
            locked = locked.Union(DaySet.Of([new Span(l.From, l.To)], from, to).Intersect(DaySet.Of(l.Locked, from, to)));
        if (locked.IsEmpty) return No(v, Reasons.NotLockedDown);
        var free = locked.Except(DaySet.Of(f.Employments.Select(e => new Span(e.From, e.To)), from, to));
        if (free.IsEmpty) return No(v, Reasons.HasContract);
        var min = v.MinDays ?? 1;
        return free.Count < min ? No(v, Reasons.StoppedTooShort(free.Count, min)) : Yes(v, v.Amount, []);
    }

    private static IEnumerable<EmploymentFact> Jobs(WorkerFacts f, int? enterpriseId) =>
        enterpriseId is { } id ? f.Employments.Where(e => e.EnterpriseId == id) : f.Employments;

    private static Verdict No(SupportPolicyVersion v, params Reason[] reasons) => new(false, 0, v.Id, reasons);
    private static Verdict Yes(SupportPolicyVersion v, long amount, IReadOnlyList<Reason> notes) => new(true, amount, v.Id, notes);
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
