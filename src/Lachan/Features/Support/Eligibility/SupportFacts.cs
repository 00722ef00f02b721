using Lachan.Features.Outbreak.Contracts;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Support.Insurance;
using Lachan.Features.Support.Policies;
using Lachan.Infrastructure.Data;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Support.Eligibility;

/// <summary>Loads <see cref="WorkerFacts"/> for many workers at once: one query per kind of fact (workers, jobs, lodging,
/// insurance months, cases and quarantines, orders), never one per worker, so a 50,000-row list or a 300,000-worker
/// simulation costs a handful of round-trips. A few ids are sent to the database as parameters; up to a list file's
/// rows (a 50,000-row list) as ONE array parameter (PostgreSQL `= ANY`, SQLite `json_each`), so the database reads
/// only their rows by the WorkerId indexes — reading the whole province's period and dropping five sixths of it here
/// cost most of a 50,000-row check; more (a province's simulation) are filtered here, as at that size the period's
/// rows are most of the table anyway.</summary>
public sealed class SupportFacts(LachanDb db, IOutbreakFacts outbreak, ILogger<SupportFacts> logger)
{
    private const int IdsInQuery = 2000;
    /// <summary>Up to this many ids go as one array parameter (a list file's maximum rows).</summary>
    internal const int IdsInOneParameter = 100_000;
    /// <summary>Up to this many workers' ids are sent as that one array (all of them, past a list file's rows): a month's
    /// candidates ask for 110,000 of 300,000 workers, whose rows the database finds by the WorkerId indexes in a few
    /// hundred milliseconds, where reading the other workers' jobs and insured months too and dropping them here cost
    /// seconds. More ids (a simulation asks for the whole province) are filtered here: their rows are the table.</summary>
    private const int IdsSent = 200_000;

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
    /// and one that does not look at insurance for none (-1). Insured months are read up to the month before
    /// <paramref name="to"/>'s: every rule asks about the month before a month (or day) it pays for, or the months
    /// before a contract ended, never about the last month of the period itself.</summary>
    public Task<IReadOnlyDictionary<int, WorkerFacts>> ForWorkersAsync(IReadOnlyCollection<int> workerIds, DateOnly from, DateOnly to, int monthsBack, CancellationToken ct) =>
        ForWorkersAsync(workerIds, from, to, monthsBack, registryIds: false, ct);

    /// <summary>As above.</summary>
    /// <param name="registryIds">The ids were just read from the registry's workers (a list check finds its rows' workers
    /// by CCCD first): they are not looked up again to tell who is not in the registry.</param>
    public async Task<IReadOnlyDictionary<int, WorkerFacts>> ForWorkersAsync(IReadOnlyCollection<int> workerIds, DateOnly from, DateOnly to, int monthsBack, bool registryIds,
        CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var wanted = workerIds as IReadOnlySet<int> ?? workerIds.ToHashSet();
        var few = wanted.Count <= IdsInQuery ? wanted.ToList() : null;
        var some = few is null && wanted.Count <= IdsSent ? wanted.ToArray() : null;

        var workers = db.Set<Worker>().AsNoTracking().Select(w => w.Id);
        if (few is not null) workers = workers.Where(id => few.Contains(id));
        else if (some is not null) workers = workers.Where(id => EF.Parameter(some).Contains(id));
        var known = registryIds ? wanted : (await workers.ToListAsync(ct)).Where(wanted.Contains).ToHashSet();
        var tknown = clock.Elapsed.TotalMilliseconds;

        var jobsQuery = db.Set<Employment>().AsNoTracking().Where(e => e.From <= to && (e.To == null || e.To >= from));
        if (few is not null) jobsQuery = jobsQuery.Where(e => few.Contains(e.WorkerId));
        else if (some is not null) jobsQuery = jobsQuery.Where(e => EF.Parameter(some).Contains(e.WorkerId));
        var jobs = await jobsQuery.Select(e => new { e.WorkerId, e.EnterpriseId, e.From, e.To, e.ContractType, Iz = e.Enterprise!.IndustrialZoneId != null }).ToListAsync(ct);
        var tjobs = clock.Elapsed.TotalMilliseconds;

        // a residence ends the day the worker moved out (the next one starts that day)
        var staysQuery = db.Set<Residence>().AsNoTracking().Where(r => r.From <= to && (r.To == null || r.To > from));
        if (few is not null) staysQuery = staysQuery.Where(r => few.Contains(r.WorkerId));
        else if (some is not null) staysQuery = staysQuery.Where(r => EF.Parameter(some).Contains(r.WorkerId));
        var stays = await staysQuery.Select(r => new { r.WorkerId, r.LodgingHouseId, r.From, r.To }).ToListAsync(ct);
        var tstays = clock.Elapsed.TotalMilliseconds;

        // a negative monthsBack: the caller's rule does not look at insurance (meals, household, free workers); nothing is read
        var (firstMonth, lastMonth) = (InsuredMonth.MonthOf(from).AddMonths(-Math.Max(monthsBack, 0)), InsuredMonth.MonthOf(to).AddMonths(-1));
        var monthsQuery = db.Set<InsuredMonth>().AsNoTracking().Where(m => m.Month >= firstMonth && m.Month <= lastMonth);
        if (few is not null) monthsQuery = monthsQuery.Where(m => few.Contains(m.WorkerId));
        else if (some is not null) monthsQuery = monthsQuery.Where(m => EF.Parameter(some).Contains(m.WorkerId));
        var months = monthsBack < 0 || firstMonth > lastMonth ? [] : await monthsQuery.Select(m => new { m.WorkerId, m.Month }).ToListAsync(ct);
        var tmonths = clock.Elapsed.TotalMilliseconds;

        var restrictions = await outbreak.RestrictionsBetweenAsync(from, to, ct);
        var trestrictions = clock.Elapsed.TotalMilliseconds;
        var isolations = await outbreak.IsolationsBetweenAsync(from, to, wanted, ct);
        var tisolations = clock.Elapsed.TotalMilliseconds;

        // one pass over each kind's rows into per-worker lists; an enterprise's (a lodging house's) stopped days are one
        // list shared by all its workers' facts, not a copy per job (the rules only read them)
        var stoppedBy = new Dictionary<int, IReadOnlyList<Span>>();
        var lockedBy = new Dictionary<int, IReadOnlyList<Span>>();
        static IReadOnlyList<Span> Spans(IReadOnlyDictionary<int, IReadOnlyList<DaySpan>> byId, Dictionary<int, IReadOnlyList<Span>> shared, int id)
        {
            if (shared.TryGetValue(id, out var made)) return made;
            return shared[id] = byId.TryGetValue(id, out var spans) ? [.. spans.Select(s => new Span(s.From, s.To))] : [];
        }
        var jobsBy = new Dictionary<int, List<EmploymentFact>>(known.Count);
        foreach (var j in jobs)
            if (known.Contains(j.WorkerId))
                (jobsBy.TryGetValue(j.WorkerId, out var l) ? l : jobsBy[j.WorkerId] = [])
                    .Add(new EmploymentFact(j.EnterpriseId, j.From, j.To, j.ContractType, j.Iz, Spans(restrictions.StoppedEnterprises, stoppedBy, j.EnterpriseId)));
        var staysBy = new Dictionary<int, List<LodgingFact>>(known.Count);
        foreach (var s in stays)
            if (known.Contains(s.WorkerId))
                (staysBy.TryGetValue(s.WorkerId, out var l) ? l : staysBy[s.WorkerId] = [])
                    .Add(new LodgingFact(s.LodgingHouseId, s.From, s.To is { } moved && moved > s.From ? moved.AddDays(-1) : s.To, Spans(restrictions.LockedLodgingHouses, lockedBy, s.LodgingHouseId)));
        var monthsBy = new Dictionary<int, HashSet<DateOnly>>(known.Count);
        foreach (var m in months)
            if (known.Contains(m.WorkerId))
                (monthsBy.TryGetValue(m.WorkerId, out var set) ? set : monthsBy[m.WorkerId] = []).Add(m.Month);
        var isolationsBy = new Dictionary<int, (List<Span> F1, List<Span> Cases)>();
        foreach (var i in isolations)
        {
            if (!known.Contains(i.WorkerId) || i.Kind is not (IsolationKind.F1 or IsolationKind.Case)) continue;
            var spans = isolationsBy.TryGetValue(i.WorkerId, out var found) ? found : isolationsBy[i.WorkerId] = ([], []);
            (i.Kind == IsolationKind.F1 ? spans.F1 : spans.Cases).Add(new Span(i.From, i.To));
        }

        var result = new Dictionary<int, WorkerFacts>(wanted.Count);
        foreach (var id in wanted)
        {
            if (!known.Contains(id)) { result[id] = WorkerFacts.NotInRegistry with { WorkerId = id }; continue; }
            var (f1, cases) = isolationsBy.TryGetValue(id, out var iso) ? iso : (null, null);
            result[id] = new WorkerFacts(id, true, jobsBy.TryGetValue(id, out var j) ? j : [], staysBy.TryGetValue(id, out var s) ? s : [],
                monthsBy.TryGetValue(id, out var m) ? m : NoMonths, f1 ?? [], cases ?? []);
        }
        logger.LogDebug("Facts of {Workers} workers: known {Known:F0} ms, jobs {Jobs:F0} ({JobRows}), stays {Stays:F0} ({StayRows}), months {Months:F0} ({MonthRows}), " +
            "restrictions {Restrictions:F0}, isolations {Isolations:F0} ({IsolationRows}), built {Built:F0} ms",
            wanted.Count, tknown, tjobs - tknown, jobs.Count, tstays - tjobs, stays.Count, tmonths - tstays, months.Count, trestrictions - tmonths,
            tisolations - trestrictions, isolations.Count, clock.Elapsed.TotalMilliseconds - tisolations);
        return result;
    }

    /// <summary>The insured months of a worker with none: one empty set, shared (nothing writes to a worker's facts).</summary>
    private static readonly IReadOnlySet<DateOnly> NoMonths = new HashSet<DateOnly>();
}
