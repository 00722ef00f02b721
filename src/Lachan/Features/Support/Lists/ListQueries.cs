using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Calendar;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Support.Lists;

/// <summary>A list on a worklist: no personal data, so it needs no audit.</summary>
public sealed record ListSummary(int Id, string PolicyCode, string TaxCode, string DistrictCode, DateOnly PeriodStart, DateOnly PeriodEnd,
    string Form, ListState State, ListOrigin Origin, DateOnly? DueOn, bool Overdue, bool MyStep, int Rows, int Eligible, long Amount);

public sealed record RowView(int RowNo, string Cccd, int? WorkerId, string FullName, long AmountAsked, long AmountComputed, bool Eligible,
    bool? Insured, bool Withdrawn, IReadOnlyList<RowReason> Reasons);

public sealed record DisputeView(int Id, int? RowNo, string Text, DateOnly RaisedOn, DateOnly DueOn, DateOnly? ResolvedOn, string? Resolution, bool Overdue);

public sealed record ListView(ListSummary Summary, DateOnly? PostedOn, DateOnly? NoticeEndsOn, DateOnly? SubmittedOn, DateOnly? InsuranceConfirmedOn,
    DateOnly? AppraisedOn, DateOnly? DecidedOn, string? DecisionNo, string? RefusalReason, IReadOnlyList<RowView> Rows, IReadOnlyList<DisputeView> Disputes);

/// <summary>One step of a list's audit trail: when it was recorded (UTC), by whom, the action, and the day the step
/// counts for (the chain's own day, which a seeded story sets in the past).</summary>
public sealed record TrailEntry(DateTime At, string UserName, string Action, DateOnly? Day);

/// <summary>The desks' worklists (each sees its jurisdiction's lists; "mine" are those whose next step is the caller's,
/// overdue flagged) and one list with its rows (personal data: an audited view).</summary>
public sealed class ListQueries(LachanDb db, ListScope scope, ProvinceCalendar calendar, AuditLog audit, HolidayCalendar holidays)
{
    public const int MaxRows = 500;

    /// <summary>The worklist's lists for its filters on the day; the home's numbers count this same query (SupportHome).</summary>
    public IQueryable<SupportList> Worklist(ListState? state, bool mine, bool overdue, DateOnly today)
    {
        var q = scope.Lists(db.Set<SupportList>()).AsNoTracking();
        if (state is { } s) q = q.Where(l => l.State == s);
        if (mine)
        {
            var states = scope.MyStates;
            q = q.Where(l => states.Contains(l.State));
        }
        if (overdue) q = q.Where(l => l.DueOn != null && l.DueOn < today);
        return q;
    }

    public async Task<List<ListSummary>> WorklistAsync(ListState? state, bool mine, bool overdue, CancellationToken ct)
    {
        var today = calendar.Today;
        var q = Worklist(state, mine, overdue, today);
        var rows = await q.OrderBy(l => l.DueOn == null).ThenBy(l => l.DueOn).ThenByDescending(l => l.Id).Take(MaxRows)
            .Select(l => new
            {
                List = l, Rows = l.Rows.Count(r => !r.Withdrawn), Eligible = l.Rows.Count(r => r.Eligible),
                Amount = l.Rows.Where(r => r.Eligible).Sum(r => (long?)r.AmountComputed) ?? 0,
            }).ToListAsync(ct);
        return [.. rows.Select(r => Summary(r.List, today, r.Rows, r.Eligible, r.Amount))];
    }

    public async Task<ListView?> ListAsync(int id, CancellationToken ct)
    {
        var l = await scope.Lists(db.Set<SupportList>()).AsNoTracking().Include(x => x.Rows).Include(x => x.Disputes).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (l is null) return null;
        var today = calendar.Today;
        await audit.ViewedAsync(nameof(SupportList), id, ct);
        var rules = await db.Set<ChainStepRule>().AsNoTracking().ToListAsync(ct);
        var noticeEnds = l.PostedOn is { } posted ? ChainRules.Due(rules, await holidays.WorkingDaysAsync(ct), ChainStep.Notice, posted) : (DateOnly?)null;
        var eligible = l.Rows.Where(r => r.Eligible).ToList();
        return new ListView(Summary(l, today, l.Rows.Count(r => !r.Withdrawn), eligible.Count, eligible.Sum(r => r.AmountComputed)),
            l.PostedOn, noticeEnds, l.SubmittedOn, l.InsuranceConfirmedOn, l.AppraisedOn, l.DecidedOn, l.DecisionNo, l.RefusalReason,
            [.. l.Rows.OrderBy(r => r.RowNo).Select(r => new RowView(r.RowNo, r.Cccd, r.WorkerId, r.FullName, r.AmountAsked, r.AmountComputed, r.Eligible,
                r.Insured, r.Withdrawn, RowReasons.Read(r.ReasonsJson)))],
            [.. l.Disputes.OrderBy(d => d.Id).Select(d => new DisputeView(d.Id, d.RowNo, d.Text, d.RaisedOn, d.DueOn, d.ResolvedOn, d.Resolution,
                d.ResolvedOn is null && today > d.DueOn))]);
    }

    /// <summary>The actions that change a list (built, and every step of the chain); views are audited too but are not
    /// steps of the list.</summary>
    public static readonly string[] TrailActions = ["create", "post", "dispute", "resolve", "submit", "confirm-insurance", "appraise", "approve", "refuse"];

    /// <summary>Who did what to the list and when, from the audit log, oldest first; null when the list is outside the
    /// caller's jurisdiction. The events carry no personal data (states, days, numbers, counts).</summary>
    public async Task<IReadOnlyList<TrailEntry>?> TrailAsync(int id, CancellationToken ct)
    {
        if (!await scope.Lists(db.Set<SupportList>()).AnyAsync(l => l.Id == id, ct)) return null;
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == nameof(SupportList) && e.EntityId == key && TrailActions.Contains(e.Action))
            .OrderBy(e => e.Id).Select(e => new { e.At, e.UserName, e.Action, e.After }).ToListAsync(ct);
        return [.. events.Select(e => new TrailEntry(e.At, e.UserName, e.Action, DayOf(e.After)))];
    }

    private static DateOnly? DayOf(string? after)
    {
        if (after is null) return null;
        using var json = System.Text.Json.JsonDocument.Parse(after);
        return json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && json.RootElement.TryGetProperty("Day", out var day)
            && DateOnly.TryParseExact(day.GetString(), "yyyy-MM-dd", out var d) ? d : null;
    }

    /// <summary>The province's decision on the list as a pdf (for the API and the list's page), or null when the list is
    /// outside the caller's jurisdiction or not decided.</summary>
    public async Task<(byte[] Pdf, string FileName)?> DecisionPdfAsync(int id, CancellationToken ct)
    {
        var list = await scope.Lists(db.Set<SupportList>()).AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
        var decision = list is null ? null : await db.Set<SupportDecision>().AsNoTracking().FirstOrDefaultAsync(d => d.SupportListId == id, ct);
        if (list is null || decision is null) return null;
        var name = await db.Set<Enterprise>().Where(e => e.Id == list.EnterpriseId).Select(e => e.Name).FirstAsync(ct);
        return (DecisionPdf.Render(decision, list, name), $"quyet-dinh-ds{id}.pdf");
    }

    private ListSummary Summary(SupportList l, DateOnly today, int rows, int eligible, long amount) =>
        new(l.Id, l.PolicyCode, l.TaxCode, l.DistrictCode, l.PeriodStart, l.PeriodEnd, l.Form, l.State, l.Origin, l.DueOn, l.IsOverdue(today),
            scope.MayAct(l.State), rows, eligible, amount);
}
