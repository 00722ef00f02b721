namespace Lachan.Features.Relief.Supplies;

public enum DonorKind { Company, LabourFederation, Organisation, Individual }

/// <summary>A giver. An individual's name is personal data: shown to the relief staff, never on the public page.</summary>
public sealed class Donor
{
    public int Id { get; set; }
    public DonorKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string? TaxCode { get; set; }
}

/// <summary>One gift with its receipt: money (to the province's relief fund) and/or goods (received at a point, each
/// line a lot). Recorded once, never edited; a mistaken one is reversed in the ledger.</summary>
public sealed class Donation
{
    public int Id { get; set; }
    public int DonorId { get; set; }
    public Donor? Donor { get; set; }
    public DateOnly Day { get; set; }
    public string ReceiptNo { get; set; } = "";
    public long MoneyAmount { get; set; }
    public string? Note { get; set; }
    public string By { get; set; } = "";
    public DateTime At { get; set; }
    public List<DonationLine> Lines { get; set; } = [];
}

public sealed class DonationLine
{
    public int Id { get; set; }
    public int DonationId { get; set; }
    public int ItemId { get; set; }
    public long Quantity { get; set; }
    public long UnitValue { get; set; }
    public int PointId { get; set; }
    public string? LotCode { get; set; }
    public DateOnly? ExpiresOn { get; set; }
}

/// <summary>A use money or goods can be allocated to (e.g. "cash for workers in quarantine").</summary>
public sealed class Programme
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

public enum MovementReason { Donation, Allocation, Transfer, Issue, Reversal }

/// <summary>One movement of money (ItemId null, Quantity in đồng) or goods from one account to another: both sides in
/// one row, so every movement balances by construction and the sum of all balances is zero. Carries the donation it
/// came from, so every đồng and item is traced from donor to recipient group. Append-only: a mistake is undone by a
/// reversal (the same movement, sides swapped, ReversesId set), never by an edit.</summary>
public sealed class LedgerMovement
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public DateOnly Day { get; set; }
    public MovementReason Reason { get; set; }
    public AccountKind FromKind { get; set; }
    public int FromRef { get; set; }
    public AccountKind ToKind { get; set; }
    public int ToRef { get; set; }
    public int? ItemId { get; set; }
    public int DonationId { get; set; }
    public Donation? Donation { get; set; }
    /// <summary>The donor's kind, copied (it never changes) so the public totals need no join.</summary>
    public DonorKind SourceKind { get; set; }
    public long Quantity { get; set; }
    /// <summary>In đồng: the amount for money, quantity × unit value for goods.</summary>
    public long Value { get; set; }
    public int? ReliefIssueId { get; set; }
    public long? ReversesId { get; set; }
    public string By { get; set; } = "";
}
