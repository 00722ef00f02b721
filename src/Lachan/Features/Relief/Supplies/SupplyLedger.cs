using Lachan.Features.Shared;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Relief.Supplies;

public sealed record DonationInput(DonorKind DonorKind, string DonorName, string? TaxCode, DateOnly Day, long Money,
    IReadOnlyList<DonatedGoods> Goods, string? Note = null);

/// <summary>A lot of donated goods received at a point. UnitValue null: the item's usual value.</summary>
public sealed record DonatedGoods(int ItemId, long Quantity, int PointId, string? LotCode = null, DateOnly? ExpiresOn = null, long? UnitValue = null);

/// <summary>Money from the province's fund to a point, a team or a programme.</summary>
public sealed record AllocationInput(AccountKind ToKind, int ToRef, DateOnly Day, long Amount);

/// <summary>Goods from one point to another, lot by lot.</summary>
public sealed record TransferInput(int FromPointId, int ToPointId, int ItemId, long Quantity, DateOnly Day);

/// <summary>What a posting came to: posted (the donation or first movement id), refused, not found, or short of stock.</summary>
public abstract record PostResult
{
    public sealed record Posted(long Id) : PostResult;
    public sealed record Invalid(FieldErrors Errors) : PostResult;
    public sealed record NotFound : PostResult;
    public sealed record TooLow(long Available) : PostResult;
}

/// <summary>Every movement of money and goods other than issues: donations received, money allocated, goods transferred,
/// and reversals. Each writes its movements, the holdings they change and one audit event in one save; holdings never
/// go below zero (check constraint and quantity token), so nothing is allocated or transferred twice.</summary>
public sealed class SupplyLedger(LachanDb db, AuditLog audit, CurrentUser user, TimeProvider time)
{
    public async Task<PostResult> ReceiveAsync(DonationInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.AddIf(string.IsNullOrWhiteSpace(input.DonorName) || input.DonorName.Trim().Length > 200, "DonorName", "Supplies.DonorRequired");
        errors.AddIf(input.TaxCode?.Trim().Length > 20, "TaxCode", "Supplies.TaxCodeInvalid");
        errors.AddIf(input.Money < 0, "Money", "Supplies.AmountPositive");
        errors.AddIf(input.Money == 0 && input.Goods.Count == 0, "Money", "Supplies.NothingDonated");
        errors.AddIf(input.Goods.Any(g => g.Quantity <= 0 || g.UnitValue < 0), "Goods", "Supplies.QuantityPositive");
        errors.AddIf(input.Note?.Length > 500, "Note", "Supplies.NoteTooLong");
        if (!errors.Ok) return new PostResult.Invalid(errors);
        var itemIds = input.Goods.Select(g => g.ItemId).Distinct().ToList();
        var pointIds = input.Goods.Select(g => g.PointId).Distinct().ToList();
        var items = await db.Set<SupplyItem>().Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        if (items.Count != itemIds.Count || await db.Set<SupplyPoint>().CountAsync(p => pointIds.Contains(p.Id), ct) != pointIds.Count)
            return new PostResult.NotFound();

        var name = input.DonorName.Trim();
        var donor = await db.Set<Donor>().FirstOrDefaultAsync(d => d.Kind == input.DonorKind && d.Name == name, ct)
            ?? new Donor { Kind = input.DonorKind, Name = name, TaxCode = input.TaxCode?.Trim() };
        var at = AuditChain.Now(time);
        var donation = new Donation
        {
            Donor = donor, Day = input.Day, MoneyAmount = input.Money, Note = input.Note?.Trim(), By = user.Name, At = at,
            ReceiptNo = $"UH-{input.Day:yyyy}-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}",
            Lines = [.. input.Goods.Select(g => new DonationLine
            {
                ItemId = g.ItemId, Quantity = g.Quantity, PointId = g.PointId, LotCode = g.LotCode?.Trim(), ExpiresOn = g.ExpiresOn,
                UnitValue = g.UnitValue ?? items[g.ItemId].UnitValue,
            })],
        };
        db.Add(donation);
        if (input.Money > 0)
        {
            db.Add(new Holding { Kind = AccountKind.Fund, Donation = donation, UnitValue = 1, Quantity = input.Money });
            db.Add(Movement(donation, MovementReason.Donation, AccountKind.Donor, 0, AccountKind.Fund, 0, null, input.Money, input.Money, input.Day, at));
        }
        foreach (var line in donation.Lines)
        {
            db.Add(new Holding { Kind = AccountKind.Point, Ref = line.PointId, ItemId = line.ItemId, Donation = donation, LotCode = line.LotCode, ExpiresOn = line.ExpiresOn, UnitValue = line.UnitValue, Quantity = line.Quantity });
            db.Add(Movement(donation, MovementReason.Donation, AccountKind.Donor, 0, AccountKind.Point, line.PointId, line.ItemId, line.Quantity, line.Quantity * line.UnitValue, input.Day, at));
        }
        audit.Record("receive", nameof(Donation), donation.ReceiptNo, after: new
        {
            DonorKind = input.DonorKind.ToString(), donation.MoneyAmount, Day = input.Day.ToString("yyyy-MM-dd"),
            Goods = donation.Lines.Select(l => new { l.ItemId, l.Quantity, l.UnitValue, l.PointId, l.LotCode }),
        });
        await db.SaveChangesAsync(ct);
        return new PostResult.Posted(donation.Id);
    }

    public async Task<PostResult> AllocateAsync(AllocationInput input, CancellationToken ct)
    {
        if (input.Amount <= 0) return Invalid("Amount", "Supplies.AmountPositive");
        if (input.ToKind is not (AccountKind.Point or AccountKind.Team or AccountKind.Programme)) return Invalid("ToKind", "Supplies.AllocationTarget");
        if (input.ToKind == AccountKind.Point && !await db.Set<SupplyPoint>().AnyAsync(p => p.Id == input.ToRef, ct)
            || input.ToKind == AccountKind.Programme && !await db.Set<Programme>().AnyAsync(p => p.Id == input.ToRef, ct))
            return new PostResult.NotFound();
        return await MoveAsync(AccountKind.Fund, 0, null, input.Amount, MovementReason.Allocation, input.ToKind, input.ToRef, input.Day, "allocate", ct);
    }

    public async Task<PostResult> TransferAsync(TransferInput input, CancellationToken ct)
    {
        if (input.Quantity <= 0) return Invalid("Quantity", "Supplies.QuantityPositive");
        if (input.FromPointId == input.ToPointId) return Invalid("ToPointId", "Supplies.SamePoint");
        if (await db.Set<SupplyPoint>().CountAsync(p => p.Id == input.FromPointId || p.Id == input.ToPointId, ct) != 2
            || !await db.Set<SupplyItem>().AnyAsync(i => i.Id == input.ItemId, ct))
            return new PostResult.NotFound();
        return await MoveAsync(AccountKind.Point, input.FromPointId, input.ItemId, input.Quantity, MovementReason.Transfer, AccountKind.Point, input.ToPointId, input.Day, "transfer", ct);
    }

    /// <summary>Undoes a movement with its mirror image (sides swapped, ReversesId set); the movement itself is never
    /// changed. Refused when the receiving side no longer holds what it received (it was issued or moved on: reverse
    /// that first), and a movement is reversed at most once (unique ReversesId).</summary>
    public Task<PostResult> ReverseAsync(long movementId, DateOnly day, CancellationToken ct) => Stock.RetryAsync(db, async () =>
    {
        var m = await db.Set<LedgerMovement>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == movementId, ct);
        if (m is null) return new PostResult.NotFound();
        if (m.Reason == MovementReason.Reversal || await db.Set<LedgerMovement>().AnyAsync(x => x.ReversesId == m.Id, ct))
            return Invalid("Movement", "Supplies.AlreadyReversed");
        var at = AuditChain.Now(time);
        Holding? lot = null;
        if (Holds(m.ToKind))
        {
            var held = (await Stock.HeldAsync(db, m.ToKind, m.ToRef, m.ItemId, ct)).Where(h => h.DonationId == m.DonationId).ToList();
            if (held.Sum(h => h.Quantity) < m.Quantity) return new PostResult.TooLow(held.Sum(h => h.Quantity));
            Stock.Draw(held, m.Quantity, MovementReason.Reversal, m.FromKind, m.FromRef, day, at, user.Name, new Dictionary<int, DonorKind> { [m.DonationId] = m.SourceKind });
            lot = held[0];
        }
        if (Holds(m.FromKind))
            await Stock.CreditAsync(db, m.FromKind, m.FromRef, lot ?? new Holding { ItemId = m.ItemId, DonationId = m.DonationId, UnitValue = m.Quantity == 0 ? 0 : m.Value / m.Quantity }, m.Quantity, ct);
        var reversal = new LedgerMovement
        {
            At = at, Day = day, Reason = MovementReason.Reversal, FromKind = m.ToKind, FromRef = m.ToRef, ToKind = m.FromKind, ToRef = m.FromRef,
            ItemId = m.ItemId, DonationId = m.DonationId, SourceKind = m.SourceKind, Quantity = m.Quantity, Value = m.Value,
            ReliefIssueId = m.ReliefIssueId, ReversesId = m.Id, By = user.Name,
        };
        db.Add(reversal);
        audit.Record("reverse", nameof(LedgerMovement), m.Id, after: new { m.Reason, m.Quantity, m.Value, Day = day.ToString("yyyy-MM-dd") });
        await db.SaveChangesAsync(ct);
        return (PostResult)new PostResult.Posted(reversal.Id);
    });

    private Task<PostResult> MoveAsync(AccountKind fromKind, int fromRef, int? itemId, long quantity, MovementReason reason,
        AccountKind toKind, int toRef, DateOnly day, string action, CancellationToken ct) => Stock.RetryAsync(db, async () =>
    {
        var held = await Stock.HeldAsync(db, fromKind, fromRef, itemId, ct);
        var before = held.ToDictionary(h => h, h => h.Quantity);
        var at = AuditChain.Now(time);
        var moves = Stock.Draw(held, quantity, reason, toKind, toRef, day, at, user.Name, await Stock.SourcesAsync(db, held, ct));
        if (moves is null) return new PostResult.TooLow(held.Sum(h => h.Quantity));
        foreach (var h in held.Where(h => before[h] != h.Quantity))
            await Stock.CreditAsync(db, toKind, toRef, h, before[h] - h.Quantity, ct);
        db.AddRange(moves);
        audit.Record(action, nameof(LedgerMovement), null, after: new
        {
            From = $"{fromKind}:{fromRef}", To = $"{toKind}:{toRef}", ItemId = itemId, Quantity = quantity, Day = day.ToString("yyyy-MM-dd"),
            Lots = moves.Select(m => new { m.DonationId, m.Quantity, m.Value }),
        });
        await db.SaveChangesAsync(ct);
        return (PostResult)new PostResult.Posted(moves[0].Id);
    });

    /// <summary>Accounts that hold what they receive (the ends of the chain, donors and recipients, do not).</summary>
    public static bool Holds(AccountKind kind) => kind is not (AccountKind.Donor or AccountKind.Recipients);

    private LedgerMovement Movement(Donation donation, MovementReason reason, AccountKind fromKind, int fromRef, AccountKind toKind, int toRef,
        int? itemId, long quantity, long value, DateOnly day, DateTime at) => new()
    {
        At = at, Day = day, Reason = reason, FromKind = fromKind, FromRef = fromRef, ToKind = toKind, ToRef = toRef, ItemId = itemId,
        Donation = donation, SourceKind = donation.Donor!.Kind, Quantity = quantity, Value = value, By = user.Name,
    };

    private static PostResult.Invalid Invalid(string field, string code)
    {
        var errors = new FieldErrors();
        errors.Add(field, code);
        return new PostResult.Invalid(errors);
    }
}
