using Lachan.Features.Outbreak.Contracts;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Support.Insurance;
using Lachan.Features.Support.Policies;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Support.Eligibility;

/// <summary>Loads <see cref="WorkerFacts"/> for many workers at once: one query per kind of fact (workers, jobs, lodging,
/// insurance months, cases and quarantines, orders), never one per worker, so a 50,000-row list or a 300,000-worker
/// simulation costs a handful of round-trips. A few ids are sent to the database as parameters; up to a list file's
/// rows (a 50,000-row list) as ONE array parameter (PostgreSQL `= ANY`, SQLite `json_each`), so the database reads
/// only their rows by the WorkerId indexes — reading the whole province's period and dropping five sixths of it here
/// cost most of a 50,000-row check; more (a province's simulation) are filtered here, as at that size the period's
/// rows are most of the table anyway.</summary>
public sealed class SupportFacts(LachanDb db, IOutbreakFacts outbreak)
{
    private const int IdsInQuery = 2000;
    /// <summary>Up to this many ids go as one array parameter (a list file's maximum rows).</summary>
    internal const int IdsInOneParameter = 100_000;

    /// <summary>Facts over [from, to] (inclusive) for each id; an id the registry does not hold gets
    /// <see cref="WorkerFacts.NotInRegistry"/> (with its id). Insured months reach 24 months before <paramref name="from"/>
    /// (the termination rule looks that far back).</summary>
    public Task<IReadOnlyDictionary<int, WorkerFacts>> ForWorkersAsync(IReadOnlyCollection<int> workerIds, DateOnly from, DateOnly to, CancellationToken ct) =>
        ForWorkersAsync(workerIds, from, to, 24, ct);

    /// <summary>How many months before a period's first month the policy's rules (SupportRules) look at insured months:
    /// the termination rule counts the 24 before the contract ended; the others look only at the month before the
    /// first month (or day) they pay for, or not at all. Reading the province's 24 months for a rent list is millions of
    /// rows that no rule reads.</summary>
    public static int InsuranceMonthsBack(SupportPolicyVersion version) =>
        (version.Policy?.Kind ?? throw new InvalidOperationException("The version's policy must be loaded.")) switch
        {
            SupportKind.Terminated => 24,
            SupportKind.Meals or SupportKind.Household or SupportKind.FreeWorkers => -1,
            _ => version.InsuredMonthBefore ? 1 : -1,
        };

    /// <summary>As above, with insured months reaching <paramref name="monthsBack"/> months before <paramref name="from"/>:
    /// a province-wide simulation of a policy that looks only at the month before asks for 1, not 24 (7 million rows),
    /// and one that does not look at insurance for none (-1).</summary>
    public async Task<IReadOnlyDictionary<int, WorkerFacts>> ForWorkersAsync(IReadOnlyCollection<int> workerIds, DateOnly from, DateOnly to, int monthsBack, CancellationToken ct)
    {
        var few = workerIds.Count <= IdsInQuery ? workerIds.Distinct().ToList() : null;
        var some = few is null && workerIds.Count <= IdsInOneParameter ? workerIds.Distinct().ToArray() : null;
        var wanted = workerIds as IReadOnlySet<int> ?? workerIds.ToHashSet();

        var workers = db.Set<Worker>().AsNoTracking().Select(w => w.Id);
        if (few is not null) workers = workers.Where(id => few.Contains(id));
        else if (some is not null) workers = workers.Where(id => EF.Parameter(some).Contains(id));
        var known = (await workers.ToListAsync(ct)).Where(wanted.Contains).ToHashSet();

        var jobsQuery = db.Set<Employment>().AsNoTracking().Where(e => e.From <= to && (e.To == null || e.To >= from));
        if (few is not null) jobsQuery = jobsQuery.Where(e => few.Contains(e.WorkerId));
        else if (some is not null) jobsQuery = jobsQuery.Where(e => EF.Parameter(some).Contains(e.WorkerId));
        var jobs = await jobsQuery.Select(e => new { e.WorkerId, e.EnterpriseId, e.From, e.To, e.ContractType, Iz = e.Enterprise!.IndustrialZoneId != null }).ToListAsync(ct);

        // a residence ends the day the worker moved out (the next one starts that day)
        var staysQuery = db.Set<Residence>().AsNoTracking().Where(r => r.From <= to && (r.To == null || r.To > from));
        if (few is not null) staysQuery = staysQuery.Where(r => few.Contains(r.WorkerId));
        else if (some is not null) staysQuery = staysQuery.Where(r => EF.Parameter(some).Contains(r.WorkerId));
        var stays = await staysQuery.Select(r => new { r.WorkerId, r.LodgingHouseId, r.From, r.To }).ToListAsync(ct);

        // a negative monthsBack: the caller's rule does not look at insurance (meals, household, free workers); the query then reads nothing
        var (firstMonth, lastMonth) = (InsuredMonth.MonthOf(from).AddMonths(-Math.Max(monthsBack, 0)), InsuredMonth.MonthOf(to));
        var monthsQuery = db.Set<InsuredMonth>().AsNoTracking().Where(m => monthsBack >= 0 && m.Month >= firstMonth && m.Month <= lastMonth);
        if (few is not null) monthsQuery = monthsQuery.Where(m => few.Contains(m.WorkerId));
        else if (some is not null) monthsQuery = monthsQuery.Where(m => EF.Parameter(some).Contains(m.WorkerId));
        var months = monthsBack < 0 ? [] : await monthsQuery.Select(m => new { m.WorkerId, m.Month }).ToListAsync(ct);

        var restrictions = await outbreak.RestrictionsBetweenAsync(from, to, ct);
        var isolations = await outbreak.IsolationsBetweenAsync(from, to, workerIds, ct);

        IReadOnlyList<Span> Spans(IReadOnlyDictionary<int, IReadOnlyList<DaySpan>> byId, int id) =>
            byId.TryGetValue(id, out var spans) ? spans.Select(s => new Span(s.From, s.To)).ToList() : [];

        var jobsBy = jobs.Where(j => known.Contains(j.WorkerId)).ToLookup(j => j.WorkerId,
            j => new EmploymentFact(j.EnterpriseId, j.From, j.To, j.ContractType, j.Iz, Spans(restrictions.StoppedEnterprises, j.EnterpriseId)));
        var staysBy = stays.Where(s => known.Contains(s.WorkerId)).ToLookup(s => s.WorkerId,
            s => new LodgingFact(s.LodgingHouseId, s.From, s.To is { } moved && moved > s.From ? moved.AddDays(-1) : s.To, Spans(restrictions.LockedLodgingHouses, s.LodgingHouseId)));
        var monthsBy = months.Where(m => known.Contains(m.WorkerId)).ToLookup(m => m.WorkerId, m => m.Month);
        var isolationsBy = isolations.Where(i => known.Contains(i.WorkerId)).ToLookup(i => i.WorkerId);

        var result = new Dictionary<int, WorkerFacts>(wanted.Count);
        foreach (var id in wanted)
        {
            if (!known.Contains(id)) { result[id] = WorkerFacts.NotInRegistry with { WorkerId = id }; continue; }
            var iso = isolationsBy[id];
            result[id] = new WorkerFacts(id, true, [.. jobsBy[id]], [.. staysBy[id]], monthsBy[id].ToHashSet(),
                [.. iso.Where(i => i.Kind == IsolationKind.F1).Select(i => new Span(i.From, i.To))],
                [.. iso.Where(i => i.Kind == IsolationKind.Case).Select(i => new Span(i.From, i.To))]);
        }
        return result;
    }
}
