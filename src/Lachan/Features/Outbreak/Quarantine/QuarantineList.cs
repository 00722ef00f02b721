using System.Linq.Expressions;
using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Quarantine;

public sealed record QuarantineRow(int Id, int WorkerId, string FullName, string Cccd, QuarantinePlace PlaceKind, string? PlaceText,
    DateOnly StartOn, DateOnly PlannedEndOn, DateOnly? ReleasedOn, string? ReleaseResult);

public sealed record QuarantineListQuery
{
    /// <summary>The day the list answers for (default: the province's today): orders started after it are not there yet,
    /// and a release dated after it has not happened yet.</summary>
    public DateOnly? Date { get; init; }
    /// <summary>Also the orders already released on or before the day.</summary>
    public bool All { get; init; }
    public int? PageNumber { get; init; }
    public int? PageSize { get; init; }
}

/// <summary>Quarantine orders as of a day, the people in quarantine on it by default, ending soonest first. The home's
/// quarantine number counts the same scope with <see cref="InForceOn"/> (HomeNumbersTests holds it equal to this list).</summary>
public sealed class QuarantineList(CaseScope cases, AuditLog audit, ProvinceCalendar calendar)
{
    /// <summary>In quarantine on the day: the order started on or before it and was not released on or before it.</summary>
    public static Expression<Func<QuarantineOrder, bool>> InForceOn(DateOnly day) => o => o.StartOn <= day && (o.ReleasedOn == null || o.ReleasedOn > day);

    public async Task<Paged<QuarantineRow>> RunAsync(QuarantineListQuery q, CancellationToken ct = default)
    {
        var (page, size) = Paging.Normalize(q.PageNumber, q.PageSize);
        var day = q.Date ?? calendar.Today;
        var query = Filter(q, day);
        var total = await query.CountAsync(ct);
        // a release after the day is shown as not yet happened, like the filter counts it
        var items = await query.OrderBy(o => o.ReleasedOn != null && o.ReleasedOn <= day).ThenBy(o => o.PlannedEndOn).ThenBy(o => o.Id).PageOf(page, size)
            .Select(o => new QuarantineRow(o.Id, o.WorkerId, o.Worker!.FullName, o.Worker.Cccd, o.PlaceKind, o.PlaceText, o.StartOn, o.PlannedEndOn,
                o.ReleasedOn <= day ? o.ReleasedOn : null, o.ReleasedOn <= day ? o.ReleaseResult : null))
            .ToListAsync(ct);
        await audit.ListedAsync("QuarantineList", new { Date = day, IncludeReleased = q.All }, page, items.Select(o => o.WorkerId), total, ct);   // named people
        return new Paged<QuarantineRow>(items, total, page, size);
    }

    private IQueryable<QuarantineOrder> Filter(QuarantineListQuery q, DateOnly day)
    {
        var query = cases.Orders().AsNoTracking();
        return q.All ? query.Where(o => o.StartOn <= day) : query.Where(InForceOn(day));
    }

    public Task<QuarantineRow?> FindAsync(int id, CancellationToken ct = default) =>
        cases.Orders().AsNoTracking().Where(o => o.Id == id)
            .Select(o => new QuarantineRow(o.Id, o.WorkerId, o.Worker!.FullName, o.Worker.Cccd, o.PlaceKind, o.PlaceText, o.StartOn, o.PlannedEndOn, o.ReleasedOn, o.ReleaseResult))
            .FirstOrDefaultAsync(ct);
}
