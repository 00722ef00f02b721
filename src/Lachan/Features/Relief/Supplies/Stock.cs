using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Relief.Supplies;

/// <summary>Moving goods or money out of an account that holds them: first the lots that expire first, then the oldest.
/// Each lot drawn becomes one ledger movement carrying its donation, so the trace from donor to recipient is kept.</summary>
internal static class Stock
{
    /// <summary>The account's holdings of the item (null: money), tracked, in drawing order.</summary>
    public static Task<List<Holding>> HeldAsync(LachanDb db, AccountKind kind, int refId, int? itemId, CancellationToken ct) =>
        db.Set<Holding>().Where(h => h.Kind == kind && h.Ref == refId && h.ItemId == itemId && h.Quantity > 0)
            .OrderBy(h => h.ExpiresOn == null).ThenBy(h => h.ExpiresOn).ThenBy(h => h.Id).ToListAsync(ct);

    /// <summary>Takes the quantity from the holdings (in memory; the save writes it, guarded by the quantity token) and
    /// returns one movement per lot drawn, or null when they hold less than asked.</summary>
    public static List<LedgerMovement>? Draw(List<Holding> held, long quantity, MovementReason reason,
        AccountKind toKind, int toRef, DateOnly day, DateTime at, string by, IReadOnlyDictionary<int, DonorKind> sources)
    {
        if (held.Sum(h => h.Quantity) < quantity) return null;
        var movements = new List<LedgerMovement>();
        foreach (var h in held)
        {
            if (quantity == 0) break;
            var take = Math.Min(h.Quantity, quantity);
            if (take == 0) continue;
            h.Quantity -= take;
            quantity -= take;
            movements.Add(new LedgerMovement
            {
                At = at, Day = day, Reason = reason, FromKind = h.Kind, FromRef = h.Ref, ToKind = toKind, ToRef = toRef,
                ItemId = h.ItemId, DonationId = h.DonationId, SourceKind = sources[h.DonationId], Quantity = take,
                Value = h.ItemId is null ? take : take * h.UnitValue, By = by,
            });
        }
        return movements;
    }

    /// <summary>Adds to the account's holding of the lot (a new holding for a lot it has not held).</summary>
    public static async Task CreditAsync(LachanDb db, AccountKind kind, int refId, Holding like, long quantity, CancellationToken ct)
    {
        var holding = db.Set<Holding>().Local.FirstOrDefault(h => Same(h, kind, refId, like))
            ?? await db.Set<Holding>().FirstOrDefaultAsync(h => h.Kind == kind && h.Ref == refId && h.ItemId == like.ItemId
                && h.DonationId == like.DonationId && h.LotCode == like.LotCode, ct);
        if (holding is null)
        {
            holding = new Holding { Kind = kind, Ref = refId, ItemId = like.ItemId, DonationId = like.DonationId, LotCode = like.LotCode, ExpiresOn = like.ExpiresOn, UnitValue = like.UnitValue };
            db.Add(holding);
        }
        holding.Quantity += quantity;
    }

    private static bool Same(Holding h, AccountKind kind, int refId, Holding like) =>
        h.Kind == kind && h.Ref == refId && h.ItemId == like.ItemId && h.DonationId == like.DonationId && h.LotCode == like.LotCode;

    /// <summary>Runs a posting, reading again when a concurrent posting changed the holdings it read (the quantity token
    /// refused the save): the loser sees the new stock and is refused or succeeds on what is left.</summary>
    public static async Task<T> RetryAsync<T>(LachanDb db, Func<Task<T>> post)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            try
            {
                return await post();
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                // read again
            }
        }
    }

    /// <summary>The donor kind of each donation the holdings came from (copied onto the movements).</summary>
    public static Task<Dictionary<int, DonorKind>> SourcesAsync(LachanDb db, IEnumerable<Holding> held, CancellationToken ct)
    {
        var ids = held.Select(h => h.DonationId).Distinct().ToList();
        return db.Set<Donation>().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.Donor!.Kind }).ToDictionaryAsync(d => d.Id, d => d.Kind, ct);
    }
}
