using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Contacts;

public sealed record ContactListRow(int Id, int WorkerId, string FullName, string Cccd, ContactLevel Level, ContactKind Kind, DateOnly? LastContactOn,
    int CaseId, string CaseCode, DateOnly? QuarantineEnd, DateOnly? ReleasedOn);

public sealed record ContactListQuery
{
    /// <summary>The day the list answers for (default: the province's today).</summary>
    public DateOnly? Date { get; init; }
    public ContactLevel? Level { get; init; }
    public int? PageNumber { get; init; }
    public int? PageSize { get; init; }
}

/// <summary>The confirmed contacts identified by a day, most recent contact first, optionally of one level. The home's F1
/// number is the last point of <see cref="CountOnDaysAsync"/>, which counts with this list's filter.</summary>
public sealed class ContactList(CaseScope cases, AuditLog audit, ProvinceCalendar calendar)
{
    public async Task<Paged<ContactListRow>> RunAsync(ContactListQuery q, CancellationToken ct = default)
    {
        var (page, size) = Paging.Normalize(q.PageNumber, q.PageSize);
        var day = q.Date ?? calendar.Today;
        var query = Filter(q, day);
        var total = await query.CountAsync(ct);
        var orders = cases.Orders();
        var items = await query.OrderByDescending(x => x.LastContactOn).ThenBy(x => x.Id).PageOf(page, size)
            .Select(x => new ContactListRow(x.Id, x.WorkerId, x.Worker!.FullName, x.Worker.Cccd, x.Level, x.Kind, x.LastContactOn, x.CaseId,
                cases.Cases().Where(c => c.Id == x.CaseId).Select(c => c.Code).FirstOrDefault() ?? "",
                orders.Where(o => o.ContactId == x.Id).Select(o => (DateOnly?)o.PlannedEndOn).FirstOrDefault(),
                orders.Where(o => o.ContactId == x.Id && o.ReleasedOn <= day).Select(o => o.ReleasedOn).FirstOrDefault()))
            .ToListAsync(ct);
        await audit.ListedAsync("ContactList", new { Date = day, q.Level }, page, items.Select(c => c.WorkerId), total, ct);   // named people and their exposure
        return new Paged<ContactListRow>(items, total, page, size);
    }

    /// <summary>For each of the days, how many contacts of the level the list shows as identified by that day (the home's
    /// trend): one grouped count by the day their case was confirmed, added up.</summary>
    public async Task<IReadOnlyList<long>> CountOnDaysAsync(ContactLevel level, IReadOnlyList<DateOnly> days, CancellationToken ct = default)
    {
        var last = days.Max();
        var perDay = await Filter(new ContactListQuery { Level = level }, last)
            .Join(cases.Cases(), x => x.CaseId, c => c.Id, (x, c) => c.ConfirmedOn)
            .GroupBy(d => d).Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(ct);
        return [.. days.Select(d => (long)perDay.Where(p => p.Day <= d).Sum(p => p.Count))];
    }

    /// <summary>Identified by the day: a confirmed contact of a case confirmed on or before the day (the contact is traced
    /// from it, so not known before); a release after the day is not shown on it.</summary>
    private IQueryable<Contact> Filter(ContactListQuery q, DateOnly day)
    {
        var workers = cases.Workers();
        var known = cases.Cases().Where(c => c.ConfirmedOn <= day);
        var query = cases.Contacts().AsNoTracking().Where(x => x.State == ContactState.Confirmed && workers.Any(w => w.Id == x.WorkerId)
            && known.Any(c => c.Id == x.CaseId));
        if (q.Level is { } l) query = query.Where(x => x.Level == l);
        return query;
    }
}
