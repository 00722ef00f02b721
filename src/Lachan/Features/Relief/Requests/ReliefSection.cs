using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Relief.Requests;

public sealed record WorkerRelief(IReadOnlyList<RequestRow> Requests, IReadOnlyList<DeliveryRow> Deliveries);

/// <summary>The worker profile's relief block (like the health block): the person's requests and what they received.
/// Shown to those who may read requests; hidden when there is nothing.</summary>
public sealed class ReliefSection(LachanDb db, RequestScope scope) : IWorkerProfileSection
{
    public int Order => 50;
    public string PartialName => "~/Features/Relief/Requests/_WorkerRelief.cshtml";

    public async Task<object?> LoadAsync(WorkerProfileData profile, CancellationToken ct)
    {
        if (!scope.CanRead || scope.IsVolunteer) return null;
        var id = profile.Identity.Id;
        var requests = await db.Set<HelpRequest>().AsNoTracking().Where(r => r.WorkerId == id).OrderByDescending(r => r.CreatedAt)
            .Select(r => new RequestRow(r.Id, r.Ticket, r.Channel, r.Needs, r.Priority, r.Status, r.CreatedAt, r.DueAt, r.EscalatedAt != null)).ToListAsync(ct);
        var deliveries = await db.Set<Delivery>().AsNoTracking().Where(d => d.WorkerId == id).OrderByDescending(d => d.DeliveredOn)
            .Select(d => new DeliveryRow(d.Id, d.HelpRequestId, d.DeliveredOn, d.Items, d.VolunteerUserName)).ToListAsync(ct);
        return requests.Count == 0 && deliveries.Count == 0 ? null : new WorkerRelief(requests, deliveries);
    }
}
