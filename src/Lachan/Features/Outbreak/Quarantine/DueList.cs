using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Quarantine;

[Flags]
public enum Due { None = 0, Test = 1, Release = 2, Overdue = 4 }

public sealed record DueRow(int OrderId, int WorkerId, string FullName, string Cccd, QuarantinePlace PlaceKind, string? PlaceText,
    DateOnly StartOn, DateOnly PlannedEndOn, int Day, Due Due);

/// <summary>Each section is paged on its own (on the big days of a wave a section holds thousands of people).</summary>
public sealed record DueListData(DateOnly On, Paged<DueRow> Tests, Paged<DueRow> Releases, Paged<DueRow> Overdue);

/// <summary>Which page of each section to show, and how many rows per page.</summary>
public sealed record DuePages(int? Tests = null, int? Releases = null, int? Overdue = null, int? Size = null);

/// <summary>What each health team must do on a date: who is tested (by the rule's test days), who may be released
/// (planned end reached), who is overdue (past the planned end, not released).</summary>
public sealed class DueList(LachanDb db, Jurisdiction scope)
{
    public static Due Classify(DateOnly start, DateOnly plannedEnd, IReadOnlyList<int> testDays, DateOnly on)
    {
        if (on < start) return Due.None;
        if (on > plannedEnd) return Due.Overdue;
        var due = on == plannedEnd ? Due.Release : Due.None;
        return testDays.Contains(QuarantineRules.DayNumber(start, on)) ? due | Due.Test : due;
    }

    public async Task<DueListData> ForAsync(DateOnly on, DuePages? pages = null, CancellationToken ct = default)
    {
        pages ??= new DuePages();
        var rules = await db.Set<QuarantineRule>().AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.TestDayNumbers(), ct);
        // Only the orders that can be due: those at or past their planned end, and those started on a day from which some
        // rule's test day falls on this date. At 20,000 cases that reads the ~5,000 due of ~25,000 not released.
        var testStarts = rules.Values.SelectMany(days => days).Distinct().Select(day => on.AddDays(1 - day)).ToList();
        var workers = scope.WorkersOn(db.Set<Worker>(), on);   // the jurisdiction on the date shown, as every dated view
        var open = await db.Set<QuarantineOrder>().AsNoTracking()
            // as of the date: an order released later was still open then (the demo's records run past its "today")
            .Where(o => (o.ReleasedOn == null || o.ReleasedOn > on) && o.StartOn <= on && (o.PlannedEndOn <= on || testStarts.Contains(o.StartOn)) && workers.Any(w => w.Id == o.WorkerId))
            .Select(o => new { o.Id, o.WorkerId, o.Worker!.FullName, o.Worker.Cccd, o.PlaceKind, o.PlaceText, o.StartOn, o.PlannedEndOn, o.QuarantineRuleId })
            .ToListAsync(ct);
        var rows = open
            .Select(o => new DueRow(o.Id, o.WorkerId, o.FullName, o.Cccd, o.PlaceKind, o.PlaceText, o.StartOn, o.PlannedEndOn,
                QuarantineRules.DayNumber(o.StartOn, on), Classify(o.StartOn, o.PlannedEndOn, rules[o.QuarantineRuleId], on)))
            .Where(r => r.Due != Due.None)
            .OrderBy(r => r.PlannedEndOn).ThenBy(r => r.FullName, StringComparer.Ordinal)
            .ToList();
        Paged<DueRow> Section(Due due, int? page)
        {
            var (number, size) = Paging.Normalize(page, pages.Size);
            var all = rows.Where(r => r.Due.HasFlag(due)).ToList();
            return new Paged<DueRow>([.. all.Skip((number - 1) * size).Take(size)], all.Count, number, size);
        }
        return new DueListData(on, Section(Due.Test, pages.Tests), Section(Due.Release, pages.Releases), Section(Due.Overdue, pages.Overdue));
    }
}
