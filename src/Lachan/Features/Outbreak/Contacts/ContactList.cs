using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Contacts;

public sealed record ContactListRow(int Id, int WorkerId, string FullName, string Cccd, ContactLevel Level, ContactKind Kind, DateOnly? LastContactOn,
    int CaseId, string CaseCode, DateOnly? QuarantineEnd, DateOnly? ReleasedOn);

/// <summary>Confirmed contacts across cases, most recent contact first, optionally of one level.</summary>
public sealed class ContactList(CaseScope cases, AuditLog audit)
{
    public async Task<Paged<ContactListRow>> RunAsync(ContactLevel? level, int? pageNumber, CancellationToken ct = default)
    {
        var (page, size) = Paging.Normalize(pageNumber, null);
        var workers = cases.Workers();
        var q = cases.Contacts().AsNoTracking().Where(x => x.State == ContactState.Confirmed && workers.Any(w => w.Id == x.WorkerId));
        if (level is { } l) q = q.Where(x => x.Level == l);
        var total = await q.CountAsync(ct);
        var orders = cases.Orders();
        var items = await q.OrderByDescending(x => x.LastContactOn).ThenBy(x => x.Id).PageOf(page, size)
            .Select(x => new ContactListRow(x.Id, x.WorkerId, x.Worker!.FullName, x.Worker.Cccd, x.Level, x.Kind, x.LastContactOn, x.CaseId,
                cases.Cases().Where(c => c.Id == x.CaseId).Select(c => c.Code).FirstOrDefault() ?? "",
                orders.Where(o => o.ContactId == x.Id).Select(o => (DateOnly?)o.PlannedEndOn).FirstOrDefault(),
                orders.Where(o => o.ContactId == x.Id).Select(o => o.ReleasedOn).FirstOrDefault()))
            .ToListAsync(ct);
        await audit.ListedAsync("ContactList", new { Level = level }, page, items.Select(c => c.WorkerId), total, ct);   // named people and their exposure
        return new Paged<ContactListRow>(items, total, page, size);
    }
}
