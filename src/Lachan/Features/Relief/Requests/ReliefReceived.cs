using Lachan.Features.Relief.Contracts;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Relief.Requests;

/// <summary>The published answer of <see cref="IReliefReceived"/>: a worker's deliveries, newest first.</summary>
internal sealed class ReliefReceived(LachanDb db) : IReliefReceived
{
    public async Task<IReadOnlyList<InKindDelivery>> DeliveriesToAsync(int workerId, CancellationToken ct) =>
        await db.Set<Delivery>().AsNoTracking().Where(d => d.WorkerId == workerId).OrderByDescending(d => d.DeliveredOn).ThenByDescending(d => d.Id)
            .Select(d => new InKindDelivery(d.DeliveredOn, d.Items)).ToListAsync(ct);
}
