using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Registry.Contracts;

/// <summary>Files transfer requests, for the roster commit and the worker form alike.</summary>
public static class TransferRequests
{
    public sealed record Ask(int WorkerId, int? FromEnterpriseId, TransferSupplied Supplied);

    /// <summary>Adds a pending request per hire to the unit of work (saved with it), except where one is already pending
    /// for the same worker and enterprise: the same roster committed twice asks once.</summary>
    public static async Task<int> FileAsync(LachanDb db, int toEnterpriseId, string source, string requestedBy, DateTime at,
        IReadOnlyList<Ask> asks, CancellationToken ct)
    {
        if (asks.Count == 0) return 0;
        var pending = new HashSet<int>();
        foreach (var chunk in asks.Select(a => a.WorkerId).Chunk(2_000))
            pending.UnionWith(await db.Set<TransferRequest>()
                .Where(t => t.ToEnterpriseId == toEnterpriseId && t.Status == TransferStatus.Pending && chunk.Contains(t.WorkerId))
                .Select(t => t.WorkerId).ToListAsync(ct));
        var filed = 0;
        foreach (var a in asks.Where(a => pending.Add(a.WorkerId)))
        {
            db.Set<TransferRequest>().Add(new TransferRequest
            {
                WorkerId = a.WorkerId, FromEnterpriseId = a.FromEnterpriseId, ToEnterpriseId = toEnterpriseId,
                SuppliedJson = TransferRequest.Serialize(a.Supplied), Source = source, RequestedBy = requestedBy, RequestedAt = at,
            });
            filed++;
        }
        return filed;
    }
}
