using System.Linq.Expressions;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Cases;

public sealed record CaseListQuery
{
    /// <summary>The day the list answers for (default: the province's today): cases confirmed after it are not there
    /// yet, and an outcome dated after it has not happened yet.</summary>
    public DateOnly? Date { get; init; }
    public CaseOutcome? Outcome { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int? EnterpriseId { get; init; }
    public int? PageNumber { get; init; }
    public int? PageSize { get; init; }
}

public sealed record CaseRow(int Id, string Code, int WorkerId, string FullName, string Cccd, DateOnly ConfirmedOn, CaseOutcome Outcome,
    string? Enterprise, string? TreatmentPlace);

public sealed record CaseExportRow(string Code, string FullName, string Cccd, DateOnly ConfirmedOn, string TestKind, DateOnly TestDate, string? TestPlace,
    string? TreatmentPlace, CaseOutcome Outcome, DateOnly? OutcomeOn, string? Enterprise);

/// <summary>Cases as of a day by outcome on that day, confirmation date range and the enterprise the worker was employed at
/// on the confirmation date (not today's: a later roster must not move a 2021 case); newest first. The home's case numbers
/// count the same scope with <see cref="ActiveOn"/> (HomeNumbersTests holds them equal to this list).</summary>
public sealed class CaseList(CaseScope cases, AuditLog audit, ProvinceCalendar calendar)
{
    /// <summary>Active on the day: confirmed on or before it and not closed (recovered, transferred, died) on or before it.</summary>
    public static Expression<Func<Case, bool>> ActiveOn(DateOnly day) => c => c.ConfirmedOn <= day && (c.OutcomeOn == null || c.OutcomeOn > day);

    public async Task<Paged<CaseRow>> RunAsync(CaseListQuery q, CancellationToken ct = default)
    {
        var (page, size) = Paging.Normalize(q.PageNumber, q.PageSize);
        var day = q.Date ?? calendar.Today;
        var query = Filter(q);
        var total = await query.CountAsync(ct);
        var items = await Newest(query).PageOf(page, size)
            .Select(c => new CaseRow(c.Id, c.Code, c.WorkerId, c.Worker!.FullName, c.Worker.Cccd, c.ConfirmedOn,
                c.OutcomeOn != null && c.OutcomeOn <= day ? c.Outcome : CaseOutcome.Active,
                c.Worker.Employments.Where(e => e.From <= c.ConfirmedOn && (e.To == null || e.To > c.ConfirmedOn)).OrderByDescending(e => e.From).Select(e => e.Enterprise!.Name).FirstOrDefault(), c.TreatmentPlace))
            .ToListAsync(ct);
        await audit.ListedAsync("CaseList", q, page, items.Select(c => c.WorkerId), total, ct);   // health records of named people: audited like the export
        return new Paged<CaseRow>(items, total, page, size);
    }

    /// <summary>Every case the list shows for the same filters (all pages), for export.</summary>
    public async Task<IReadOnlyList<CaseExportRow>> ExportAsync(CaseListQuery q, CancellationToken ct = default)
    {
        var day = q.Date ?? calendar.Today;
        return await Newest(Filter(q))
            .Select(c => new CaseExportRow(c.Code, c.Worker!.FullName, c.Worker.Cccd, c.ConfirmedOn, c.TestKind, c.TestDate, c.TestPlace, c.TreatmentPlace,
                c.OutcomeOn != null && c.OutcomeOn <= day ? c.Outcome : CaseOutcome.Active, c.OutcomeOn != null && c.OutcomeOn <= day ? c.OutcomeOn : null, c.Worker.Employments.Where(e => e.From <= c.ConfirmedOn && (e.To == null || e.To > c.ConfirmedOn)).OrderByDescending(e => e.From).Select(e => e.Enterprise!.Name).FirstOrDefault()))
            .ToListAsync(ct);
    }

    private IQueryable<Case> Filter(CaseListQuery q)
    {
        var day = q.Date ?? calendar.Today;
        var query = cases.Cases().AsNoTracking().Where(c => c.ConfirmedOn <= day);
        if (q.Outcome == CaseOutcome.Active) query = query.Where(ActiveOn(day));
        else if (q.Outcome is { } o) query = query.Where(c => c.Outcome == o && c.OutcomeOn <= day);
        if (q.From is { } from) query = query.Where(c => c.ConfirmedOn >= from);
        if (q.To is { } to) query = query.Where(c => c.ConfirmedOn <= to);
        if (q.EnterpriseId is int eid) query = query.Where(c => c.Worker!.Employments.Any(e => e.EnterpriseId == eid && e.From <= c.ConfirmedOn && (e.To == null || e.To > c.ConfirmedOn)));
        return query;
    }

    private static IQueryable<Case> Newest(IQueryable<Case> q) => q.OrderByDescending(c => c.ConfirmedOn).ThenByDescending(c => c.Id);
}
