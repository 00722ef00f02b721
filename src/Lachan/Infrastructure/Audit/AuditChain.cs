using System.Security.Cryptography;
using System.Text;

namespace Lachan.Infrastructure.Audit;

public static class AuditChain
{
    public static DateTime Now(TimeProvider time)
    {
        var ticks = time.GetUtcNow().UtcDateTime.Ticks;
        return new DateTime(ticks - ticks % 10, DateTimeKind.Utc);
    }

    public static string ComputeHash(AuditEvent e)
    {
        // Length-prefixed fields: no value can be shifted into its neighbour to forge the same text.
        var sb = new StringBuilder();
        foreach (var field in new[] { e.PrevHash, e.At.Ticks.ToString(), e.UserName, e.Action, e.EntityType, e.EntityId, e.Before, e.After })
            sb.Append(field?.Length ?? -1).Append(':').Append(field).Append('|');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>The linked events in the chain's order, as <see cref="VerifyAsync"/> walks them.</summary>
    public static IQueryable<AuditEvent> InChainOrder(IQueryable<AuditEvent> events) =>
        events.Where(e => e.Seq != null).OrderBy(e => e.Seq);

    /// <summary>Walks the chain in its order (<see cref="InChainOrder"/>); returns the first event whose link or content does not verify, or null.
    /// With an anchor, the chain must also pass through the anchored head at the anchored count: otherwise its newest
    /// rows were deleted (or the chain was rewritten), reported as Audit.Truncated at the anchored head.</summary>
    public static async Task<ChainBreak?> VerifyAsync(IAsyncEnumerable<AuditEvent> eventsInChainOrder, AuditAnchor? anchor = null,
        CancellationToken ct = default)
    {
        var previous = "";
        long count = 0;
        var reachedAnchor = anchor is null;
        await foreach (var e in eventsInChainOrder.WithCancellation(ct))
        {
            count++;
            if (e.PrevHash != previous)
                return new ChainBreak(e.Id, "Audit.BrokenLink", count);
            if (ComputeHash(e) != e.Hash)
                return new ChainBreak(e.Id, "Audit.AlteredRow", count);
            if (anchor is not null && count == anchor.Count)
            {
                if (e.Id != anchor.HeadId || e.Hash != anchor.HeadHash)
                    return new ChainBreak(anchor.HeadId, "Audit.Truncated", count);
                reachedAnchor = true;
            }
            previous = e.Hash;
        }
        return reachedAnchor ? null : new ChainBreak(anchor!.HeadId, "Audit.Truncated", count);
    }
}

public sealed record ChainBreak(long EventId, string Reason, long Position);
