using Lachan.Features.Shared;
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

/// <summary>Cases by outcome, confirmation date range and the worker's current enterprise; newest first.</summary>
public sealed class CaseList(CaseScope cases)
{
    public async Task<Paged<CaseRow>> RunAsync(CaseListQuery q, CancellationToken ct = default)
    {
        var (page, size) = Paging.Normalize(q.PageNumber, q.PageSize);
        var query = cases.Cases().AsNoTracking();
        if (q.Outcome is { } o) query = query.Where(c => c.Outcome == o);
        if (q.From is { } from) query = query.Where(c => c.ConfirmedOn >= from);
        if (q.To is { } to) query = query.Where(c => c.ConfirmedOn <= to);
        if (q.EnterpriseId is int eid) query = query.Where(c => c.Worker!.CurrentEnterpriseId == eid);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(c => c.ConfirmedOn).ThenByDescending(c => c.Id).PageOf(page, size)
            .Select(c => new CaseRow(c.Id, c.Code, c.WorkerId, c.Worker!.FullName, c.Worker.Cccd, c.ConfirmedOn, c.Outcome,
                c.Worker.CurrentEnterprise != null ? c.Worker.CurrentEnterprise.Name : null, c.TreatmentPlace))
            .ToListAsync(ct);
        return new Paged<CaseRow>(items, total, page, size);
    }
}
