using System.Text.Json.Serialization;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Cases;

public sealed record OrderRow(int Id, int WorkerId, QuarantinePlace PlaceKind, string? PlaceText, DateOnly StartOn, DateOnly PlannedEndOn,
    DateOnly? ReleasedOn, DateOnly? ReleaseTestDate, string? ReleaseResult);

public sealed record ContactRow(int Id, int WorkerId, string FullName, string Cccd, ContactLevel Level, ContactKind Kind,
    DateOnly? LastContactOn, ContactState State, int? SourceContactId, OrderRow? Quarantine);

public sealed record CaseData(int Id, string Code, int WorkerId, string FullName, string Cccd, DateOnly ConfirmedOn, string TestKind,
    DateOnly TestDate, string? TestPlace, string? TreatmentPlace, CaseOutcome Outcome, DateOnly? OutcomeOn,
    int? EnterpriseId, string? Enterprise, int? LodgingHouseId, string? LodgingHouse, IReadOnlyList<ContactRow> Contacts)
{
    [JsonIgnore] public IEnumerable<ContactRow> F1 => Contacts.Where(c => c.Level == ContactLevel.F1 && c.State == ContactState.Confirmed);
    public IEnumerable<ContactRow> F2Of(int f1) => Contacts.Where(c => c.SourceContactId == f1 && c.State == ContactState.Confirmed);
    [JsonIgnore] public IEnumerable<ContactRow> Dismissed => Contacts.Where(c => c.State == ContactState.Dismissed);
}

/// <summary>One case with its transmission tree (F1 and their F2, each with the quarantine order it led to).
/// Every read is audited as a view of health data.</summary>
public sealed class CaseDetail(LachanDb db, CaseScope cases, AuditLog audit)
{
    public async Task<CaseData?> LoadAsync(int id, CancellationToken ct = default)
    {
        var head = await cases.Cases().AsNoTracking().Where(c => c.Id == id)
            .Select(c => new CaseData(c.Id, c.Code, c.WorkerId, c.Worker!.FullName, c.Worker.Cccd, c.ConfirmedOn, c.TestKind, c.TestDate,
                c.TestPlace, c.TreatmentPlace, c.Outcome, c.OutcomeOn,
                // where the worker worked and lived on the confirmation date: the case's clusters, whatever happened since
                c.Worker.Employments.Where(e => e.From <= c.ConfirmedOn && (e.To == null || e.To > c.ConfirmedOn)).OrderByDescending(e => e.From).Select(e => (int?)e.EnterpriseId).FirstOrDefault(),
                c.Worker.Employments.Where(e => e.From <= c.ConfirmedOn && (e.To == null || e.To > c.ConfirmedOn)).OrderByDescending(e => e.From).Select(e => e.Enterprise!.Name).FirstOrDefault(),
                c.Worker.Residences.Where(r => r.From <= c.ConfirmedOn && (r.To == null || r.To > c.ConfirmedOn)).OrderByDescending(r => r.From).Select(r => (int?)r.LodgingHouseId).FirstOrDefault(),
                c.Worker.Residences.Where(r => r.From <= c.ConfirmedOn && (r.To == null || r.To > c.ConfirmedOn)).OrderByDescending(r => r.From).Select(r => r.LodgingHouse!.Name).FirstOrDefault(),
                new List<ContactRow>()))
            .FirstOrDefaultAsync(ct);
        if (head is null) return null;

        var workers = cases.Workers();
        var contacts = await db.Set<Contact>().AsNoTracking().Where(x => x.CaseId == id && workers.Any(w => w.Id == x.WorkerId))
            .OrderBy(x => x.Level).ThenBy(x => x.Worker!.NameSearch)
            .Select(x => new ContactRow(x.Id, x.WorkerId, x.Worker!.FullName, x.Worker.Cccd, x.Level, x.Kind, x.LastContactOn, x.State, x.SourceContactId,
                db.Set<QuarantineOrder>().Where(o => o.ContactId == x.Id)
                    .Select(o => new OrderRow(o.Id, o.WorkerId, o.PlaceKind, o.PlaceText, o.StartOn, o.PlannedEndOn, o.ReleasedOn, o.ReleaseTestDate, o.ReleaseResult))
                    .FirstOrDefault()))
            .ToListAsync(ct);

        await audit.ViewedAsync(nameof(Case), id, ct);
        return head with { Contacts = contacts };
    }
}
