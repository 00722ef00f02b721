using Lachan.Features.Shared;
using Lachan.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Cases;

public sealed record CaseListQuery
{
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

/// <summary>Cases by outcome, confirmation date range and the enterprise the worker was employed at on the confirmation
/// date (not today's: a later roster must not move a 2021 case); newest first.</summary>
public sealed class CaseList(CaseScope cases, AuditLog audit)
{
    public async Task<Paged<CaseRow>> RunAsync(CaseListQuery q, CancellationToken ct = default)
    {
        var (page, size) = Paging.Normalize(q.PageNumber, q.PageSize);
        var query = Filter(q);
        var total = await query.CountAsync(ct);
        var items = await Newest(query).PageOf(page, size)
            .Select(c => new CaseRow(c.Id, c.Code, c.WorkerId, c.Worker!.FullName, c.Worker.Cccd, c.ConfirmedOn, c.Outcome,
                c.Worker.Employments.Where(e => e.From <= c.ConfirmedOn && (e.To == null || e.To > c.ConfirmedOn)).OrderByDescending(e => e.From).Select(e => e.Enterprise!.Name).FirstOrDefault(), c.TreatmentPlace))
            .ToListAsync(ct);
        await audit.ListedAsync("CaseList", q, page, items.Select(c => c.WorkerId), total, ct);   // health records of named people: audited like the export
        return new Paged<CaseRow>(items, total, page, size);
    }

    /// <summary>Every case the list shows for the same filters (all pages), for export.</summary>
    public async Task<IReadOnlyList<CaseExportRow>> ExportAsync(CaseListQuery q, CancellationToken ct = default) =>
        await Newest(Filter(q))
            .Select(c => new CaseExportRow(c.Code, c.Worker!.FullName, c.Worker.Cccd, c.ConfirmedOn, c.TestKind, c.TestDate, c.TestPlace, c.TreatmentPlace,
                c.Outcome, c.OutcomeOn, c.Worker.Employments.Where(e => e.From <= c.ConfirmedOn && (e.To == null || e.To > c.ConfirmedOn)).OrderByDescending(e => e.From).Select(e => e.Enterprise!.Name).FirstOrDefault()))
            .ToListAsync(ct);

    private IQueryable<Case> Filter(CaseListQuery q)
    {
        var query = cases.Cases().AsNoTracking();
        if (q.Outcome is { } o) query = query.Where(c => c.Outcome == o);
        if (q.From is { } from) query = query.Where(c => c.ConfirmedOn >= from);
        if (q.To is { } to) query = query.Where(c => c.ConfirmedOn <= to);
        if (q.EnterpriseId is int eid) query = query.Where(c => c.Worker!.Employments.Any(e => e.EnterpriseId == eid && e.From <= c.ConfirmedOn && (e.To == null || e.To > c.ConfirmedOn)));
        return query;
    }

    private static IQueryable<Case> Newest(IQueryable<Case> q) => q.OrderByDescending(c => c.ConfirmedOn).ThenByDescending(c => c.Id);
}
