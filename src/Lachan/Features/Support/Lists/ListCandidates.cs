using Lachan.Features.Outbreak.Contracts;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Calendar;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Support.Lists;

public sealed record Drafted(int ListId, string PolicyCode, string TaxCode, int Rows, int Eligible);

/// <summary>Candidates from events (issue 12, item 4): for a month, every enterprise an order stopped for at least the
/// stoppage policy's days gets a draft work-stoppage list of its workers, and every enterprise with workers treated or
/// quarantined in the month a draft meals list of those workers — so nobody depends on paperwork to be reached. HR
/// reviews and submits them. Only the outbreak's published facts are used; an enterprise that already has a list of
/// the policy period is left alone, so drafting twice makes nothing twice.</summary>
public sealed class ListCandidates(LachanDb db, IOutbreakFacts outbreak, ListScope scope, ListChecks checks, ListBuilder builder, ProvinceCalendar calendar)
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
        foreach (var chunk in isolated.Chunk(2000))
            foreach (var job in await db.Set<Employment>().AsNoTracking().Where(e => chunk.Contains(e.WorkerId) && e.From <= to && (e.To == null || e.To > from))
                         .Select(e => new { e.EnterpriseId, e.WorkerId }).ToListAsync(ct))
                if (mine.ContainsKey(job.EnterpriseId))
                    (mealsBy.TryGetValue(job.EnterpriseId, out var l) ? l : mealsBy[job.EnterpriseId] = []).Add(job.WorkerId);

        var drafted = new List<Drafted>();
        foreach (var id in stopped)
            if (await DraftOneAsync(Stoppage, mine[id], month, null, ct) is { } d) drafted.Add(d);
        foreach (var (id, workers) in mealsBy)
            if (await DraftOneAsync(Meals, mine[id], month, workers, ct) is { } d) drafted.Add(d);
        return drafted;
    }

    private async Task<Drafted?> DraftOneAsync(string policy, string taxCode, DateOnly month, List<int>? workerIds, CancellationToken ct)
    {
        var target = await checks.TargetAsync(policy, taxCode, month, calendar.Today, ct);
        if (target is null) return null;
        var enterpriseId = target.Enterprise.Id;
        if (await db.Set<SupportList>().AnyAsync(l => l.EnterpriseId == enterpriseId && l.PolicyCode == policy && l.PeriodKey == target.PeriodKey && l.State != ListState.Refused, ct))
            return null;
        var (from, to) = (target.PeriodStart, target.PeriodEnd);
        var people = db.Set<Employment>().AsNoTracking().Where(e => e.EnterpriseId == enterpriseId && e.From <= to && (e.To == null || e.To > from));
        var rows = (await people.Join(db.Set<Worker>(), e => e.WorkerId, w => w.Id, (e, w) => new { w.Id, w.Cccd, w.FullName }).Distinct().ToListAsync(ct))
            .Where(w => workerIds is null || workerIds.Contains(w.Id)).OrderBy(w => w.FullName, StringComparer.Ordinal).ThenBy(w => w.Cccd, StringComparer.Ordinal)
            .Select((w, i) => new RowInput(i + 1, w.Cccd, w.FullName, null)).ToList();
        if (rows.Count == 0) return null;
        var created = await builder.SaveAsync(target, ListOrigin.Candidates, rows, ct);
        return new Drafted(created.ListId, policy, taxCode, created.Rows, created.Eligible);
    }

    private static int Days(DaySpan s, DateOnly periodEnd) => (s.To ?? periodEnd).DayNumber - s.From.DayNumber + 1;
}
