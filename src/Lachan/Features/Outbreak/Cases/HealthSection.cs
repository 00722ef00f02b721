using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure;
using Lachan.Features.Registry.Workers;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Lachan.Infrastructure.Calendar;

namespace Lachan.Features.Outbreak.Cases;

public sealed record WorkerHealth(IReadOnlyList<CaseRow> Cases, IReadOnlyList<WorkerContactRow> Contacts, IReadOnlyList<OrderRow> Orders);

public sealed record WorkerContactRow(int CaseId, string CaseCode, ContactLevel Level, ContactKind Kind, DateOnly? LastContactOn);

/// <summary>All that a non-health role may learn: the worker is in quarantine, and until when (DOMAIN.md §8).</summary>
public sealed record QuarantineNotice(DateOnly Until);

/// <summary>The worker profile's health block. Health roles see cases, contacts and quarantine (the view is audited);
/// anyone else who may see the worker sees only "in quarantine until", never why.</summary>
public sealed class HealthSection(LachanDb db, CaseScope cases, AuditLog audit, ProvinceCalendar calendar) : IWorkerProfileSection
{
    public int Order => 40;
    public string PartialName => cases.CanRead ? "~/Features/Outbreak/Cases/_WorkerHealth.cshtml" : "~/Features/Outbreak/Cases/_QuarantineNotice.cshtml";

    public async Task<object?> LoadAsync(WorkerProfileData profile, CancellationToken ct)
    {
        var id = profile.Identity.Id;
        if (!cases.CanRead)
        {
            var today = calendar.Today;
            var until = await db.Set<QuarantineOrder>().Where(o => o.WorkerId == id && o.ReleasedOn == null && o.StartOn <= today)
                .OrderByDescending(o => o.PlannedEndOn).Select(o => (DateOnly?)o.PlannedEndOn).FirstOrDefaultAsync(ct);
            return until is DateOnly d ? new QuarantineNotice(d) : null;
        }
        var ownCases = await db.Set<Case>().AsNoTracking().Where(c => c.WorkerId == id).OrderByDescending(c => c.ConfirmedOn)
            .Select(c => new CaseRow(c.Id, c.Code, c.WorkerId, "", "", c.ConfirmedOn, c.Outcome, null, c.TreatmentPlace)).ToListAsync(ct);
        var contacts = await db.Set<Contact>().AsNoTracking().Where(x => x.WorkerId == id && x.State == ContactState.Confirmed)
            .Join(db.Set<Case>(), x => x.CaseId, c => c.Id, (x, c) => new WorkerContactRow(c.Id, c.Code, x.Level, x.Kind, x.LastContactOn)).ToListAsync(ct);
        var orders = await db.Set<QuarantineOrder>().AsNoTracking().Where(o => o.WorkerId == id).OrderByDescending(o => o.StartOn)
            .Select(o => new OrderRow(o.Id, o.WorkerId, o.PlaceKind, o.PlaceText, o.StartOn, o.PlannedEndOn, o.ReleasedOn, o.ReleaseTestDate, o.ReleaseResult))
            .ToListAsync(ct);
        if (ownCases.Count == 0 && contacts.Count == 0 && orders.Count == 0) return null;
        foreach (var c in ownCases) await audit.ViewedAsync(nameof(Case), c.Id, ct); // one save each keeps the chain in id order
        return new WorkerHealth(ownCases, contacts, orders);
    }
}
