using Lachan.Features.Outbreak.Contracts;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Support.Eligibility;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Calendar;
using Lachan.Infrastructure.Data;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Support.Lists;

public sealed record Drafted(int ListId, string PolicyCode, string TaxCode, int Rows, int Eligible);

/// <summary>Candidates from events (issue 12, item 4): for a month, every enterprise an order stopped for at least the
/// stoppage policy's days gets a draft work-stoppage list of its workers, and every enterprise with workers treated or
/// quarantined in the month a draft meals list of those workers — so nobody depends on paperwork to be reached. HR
/// reviews and submits them. Only the outbreak's published facts are used; an enterprise that already has a list of
/// the policy period is left alone, so drafting twice makes nothing twice.</summary>
public sealed class ListCandidates(LachanDb db, IOutbreakFacts outbreak, ListScope scope, ListChecks checks, ListBuilder builder, ProvinceCalendar calendar,
    ILogger<ListCandidates> logger)
{
    public const string Stoppage = "NQ68-STOPPAGE";
    public const string Meals = "NQ68-MEALS";

    /// <summary>Null when the caller may not draft (not HR or the steering committee).</summary>
    public async Task<IReadOnlyList<Drafted>?> DraftAsync(DateOnly month, CancellationToken ct)
    {
        if (!scope.MayAct(ListState.Draft)) return null;
        var (from, to) = (month, month.AddMonths(1).AddDays(-1));
        var enterprises = db.Set<Enterprise>().AsNoTracking();
        enterprises = scope.Role == Role.EnterpriseHr ? enterprises.Where(e => e.TaxCode == scope.Scope) : enterprises.Where(e => e.ProvinceCode == scope.Scope);
        var mine = await enterprises.Select(e => new { e.Id, e.TaxCode }).ToDictionaryAsync(e => e.Id, e => e.TaxCode, ct);

        var restrictions = await outbreak.RestrictionsBetweenAsync(from, to, ct);
        var minDays = await db.Set<Policies.SupportPolicyVersion>().AsNoTracking().Where(v => v.Policy!.Code == Stoppage && v.PeriodFrom <= to && v.PeriodTo >= from)
            .Select(v => v.MinDays).FirstOrDefaultAsync(ct) ?? 14;
        var stopped = restrictions.StoppedEnterprises.Where(s => mine.ContainsKey(s.Key) && s.Value.Sum(d => Days(d, to)) >= minDays).Select(s => s.Key).ToList();

        // the workers treated or quarantined in the month, by the employer they worked for then
        var isolated = (await outbreak.IsolationsBetweenAsync(from, to, null, ct)).Where(i => i.Kind is IsolationKind.Case or IsolationKind.F1)
            .Select(i => i.WorkerId).Distinct().ToList();
        var mealsBy = new Dictionary<int, List<int>>();
        // one array parameter (PostgreSQL `= ANY`, SQLite `json_each`) per up to a list file's ids, not a query per 2,000
        foreach (var chunk in isolated.Chunk(SupportFacts.IdsInOneParameter))
            foreach (var job in await db.Set<Employment>().AsNoTracking().Where(e => EF.Parameter(chunk).Contains(e.WorkerId) && e.From <= to && (e.To == null || e.To > from))
                         .Select(e => new { e.EnterpriseId, e.WorkerId }).ToListAsync(ct))
                if (mine.ContainsKey(job.EnterpriseId))
                    (mealsBy.TryGetValue(job.EnterpriseId, out var l) ? l : mealsBy[job.EnterpriseId] = []).Add(job.WorkerId);

        var drafted = new List<Drafted>();
        // the month's drafts, both policies, are written whole or not at all
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await DraftPolicyAsync(Stoppage, month, calendar.Today, mine, stopped.Select(id => (id, (IReadOnlyCollection<int>?)null)).ToList(), drafted, ct);
        await DraftPolicyAsync(Meals, month, calendar.Today, mine, mealsBy.Select(m => (m.Key, (IReadOnlyCollection<int>?)m.Value.ToHashSet())).ToList(), drafted, ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return drafted;
    }

    /// <summary>The drafts of one policy for the month: for each enterprise, its workers employed in the month (all of
    /// them, or only the given ones), checked and saved as a list, in the given order. Everything the lists share is
    /// read once for all of them — the policy's target, the lists that exist already, the people, and the checks'
    /// context (facts, earlier lists and approvals) — and the lists are written together (ListBuilder.SaveDraftsAsync), so a
    /// province of hundreds of enterprises is a few queries and one bulk write, not a dozen queries and a save per list.</summary>
    private async Task DraftPolicyAsync(string policy, DateOnly month, DateOnly today, Dictionary<int, string> taxCodes,
        IReadOnlyList<(int EnterpriseId, IReadOnlyCollection<int>? Workers)> wanted, List<Drafted> drafted, CancellationToken ct)
    {
        if (wanted.Count == 0) return;
        var clock = Stopwatch.StartNew();
        if (await checks.TargetAsync(policy, taxCodes[wanted[0].EnterpriseId], month, today, ct) is not { } target) return;
        var (from, to, key) = (target.PeriodStart, target.PeriodEnd, target.PeriodKey);
        var listed = (await db.Set<SupportList>().AsNoTracking().Where(l => l.PolicyCode == policy && l.PeriodKey == key && l.State != ListState.Refused)
            .Select(l => l.EnterpriseId).Distinct().ToListAsync(ct)).ToHashSet();
        var ids = wanted.Select(w => w.EnterpriseId).Where(id => !listed.Contains(id)).ToList();

        var only = wanted.Where(w => w.Workers is not null).ToDictionary(w => w.EnterpriseId, w => w.Workers!);
        // the meals' workers (those isolated) go to the database as one array, so it returns their jobs alone rather
        // than every worker of the enterprises for this loop to drop
        var given = only.Count == wanted.Count ? only.Values.SelectMany(w => w).Distinct().ToArray() : null;
        var enterprises = new Dictionary<int, Enterprise>();
        var people = new Dictionary<int, List<(int Id, string Cccd, string FullName)>>();
        var seen = new HashSet<(int, int)>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var e in await db.Set<Enterprise>().AsNoTracking().Include(e => e.IndustrialZone).Where(e => chunk.Contains(e.Id)).ToListAsync(ct))
                enterprises[e.Id] = e;
            var jobs = db.Set<Employment>().AsNoTracking().Where(e => chunk.Contains(e.EnterpriseId) && e.From <= to && (e.To == null || e.To > from));
            if (given is not null) jobs = jobs.Where(e => EF.Parameter(given).Contains(e.WorkerId));
            // only the given workers of an enterprise (the meals: those isolated), so the facts are read for them alone
            // a worker with two jobs at one enterprise in the month is one row: kept once here, rather than the database
            // hashing 135,000 rows with their names (DISTINCT) to drop a handful
            foreach (var p in await jobs.Join(db.Set<Worker>(), e => e.WorkerId, w => w.Id, (e, w) => new { e.EnterpriseId, w.Id, w.Cccd, w.FullName }).ToListAsync(ct))
                if ((!only.TryGetValue(p.EnterpriseId, out var mine) || mine.Contains(p.Id)) && seen.Add((p.EnterpriseId, p.Id)))
                    (people.TryGetValue(p.EnterpriseId, out var l) ? l : people[p.EnterpriseId] = []).Add((p.Id, p.Cccd, p.FullName));
        }
        var tPeople = clock.Elapsed.TotalMilliseconds;
        var workers = new Dictionary<string, (int Id, string Name)>();
        foreach (var p in people.Values.SelectMany(l => l)) workers.TryAdd(p.Cccd, (p.Id, p.FullName));
        var context = await checks.ContextAsync(target, workers, null, ct);
        var tContext = clock.Elapsed.TotalMilliseconds;
        var checking = new Stopwatch();

        var lists = new List<ListTarget>();
        var inputs = new Dictionary<int, List<RowInput>>();
        foreach (var (id, _) in wanted)
        {
            if (listed.Contains(id) || !enterprises.TryGetValue(id, out var enterprise)) continue;
            var rows = people.GetValueOrDefault(id, [])
                .OrderBy(w => w.FullName, StringComparer.Ordinal).ThenBy(w => w.Cccd, StringComparer.Ordinal)
                .Select((w, i) => new RowInput(i + 1, w.Cccd, w.FullName, null)).ToList();
            if (rows.Count == 0) continue;
            lists.Add(target with { Enterprise = enterprise });
            inputs[id] = rows;
        }
        // each list is checked in order, with the ones before it in the context, so a worker employed by two of the
        // enterprises is found on the first one's list by the second one's check
        var targets = lists.ToDictionary(t => t.Enterprise.Id);
        var created = await builder.SaveDraftsAsync(lists, ListOrigin.Candidates, list =>
        {
            checking.Start();
            var checkedRows = checks.Check(targets[list.EnterpriseId], inputs[list.EnterpriseId], context);
            context.Listed(list.Id, list.TaxCode, checkedRows.Where(r => r.WorkerId is not null).Select(r => r.WorkerId!.Value));
            checking.Stop();
            return checkedRows;
        }, ct);
        db.ChangeTracker.Clear();
        drafted.AddRange(created.Select((c, i) => new Drafted(c.ListId, policy, lists[i].Enterprise.TaxCode, c.Rows, c.Eligible)));
        logger.LogDebug("Candidates {Policy} {Month:MM/yyyy}: {Lists} lists, {Rows} rows; people {People:F0} ms, context {Context:F0} ms, saved {Saved:F0} ms of which checks {Checks:F0} ms",
            policy, month, created.Count, created.Sum(c => c.Rows), tPeople, tContext - tPeople, clock.Elapsed.TotalMilliseconds - tContext, checking.Elapsed.TotalMilliseconds);
    }

    private static int Days(DaySpan s, DateOnly periodEnd) => (s.To ?? periodEnd).DayNumber - s.From.DayNumber + 1;
}
