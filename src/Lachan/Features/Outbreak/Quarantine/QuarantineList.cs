using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Quarantine;

public sealed record QuarantineRow(int Id, int WorkerId, string FullName, string Cccd, QuarantinePlace PlaceKind, string? PlaceText,
    DateOnly StartOn, DateOnly PlannedEndOn, DateOnly? ReleasedOn, string? ReleaseResult);

/// <summary>Quarantine orders, open ones (not released) by default, ending soonest first.</summary>
public sealed class QuarantineList(CaseScope cases, AuditLog audit)
{
    public async Task<Paged<QuarantineRow>> RunAsync(bool includeReleased, int? pageNumber, CancellationToken ct = default)
    {
        var (page, size) = Paging.Normalize(pageNumber, null);
        var q = cases.Orders().AsNoTracking();
        if (!includeReleased) q = q.Where(o => o.ReleasedOn == null);
        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(o => o.ReleasedOn != null).ThenBy(o => o.PlannedEndOn).ThenBy(o => o.Id).PageOf(page, size)
            .Select(o => new QuarantineRow(o.Id, o.WorkerId, o.Worker!.FullName, o.Worker.Cccd, o.PlaceKind, o.PlaceText, o.StartOn, o.PlannedEndOn, o.ReleasedOn, o.ReleaseResult))
            .ToListAsync(ct);
        await audit.ListedAsync("QuarantineList", new { IncludeReleased = includeReleased }, page, items.Select(o => o.WorkerId), total, ct);   // named people
        return new Paged<QuarantineRow>(items, total, page, size);
    }

    public Task<QuarantineRow?> FindAsync(int id, CancellationToken ct = default) =>
        cases.Orders().AsNoTracking().Where(o => o.Id == id)
            .Select(o => new QuarantineRow(o.Id, o.WorkerId, o.Worker!.FullName, o.Worker.Cccd, o.PlaceKind, o.PlaceText, o.StartOn, o.PlannedEndOn, o.ReleasedOn, o.ReleaseResult))
            .FirstOrDefaultAsync(ct);
}
