using Lachan.Features.Shared;

namespace Lachan.Features.Relief.Supplies;

public enum PointKind { Supermarket, Warehouse }

/// <summary>A zero-đồng supermarket (siêu thị 0 đồng) or a warehouse: where goods are held and issued.</summary>
public sealed class SupplyPoint
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public PointKind Kind { get; set; }
    public string CommuneCode { get; set; } = "";
    public string Address { get; set; } = "";
    /// <summary>As posted at the door, e.g. "7:00–11:00, 14:00–17:00".</summary>
    public string OpeningHours { get; set; } = "";
    public bool Active { get; set; } = true;
}

/// <summary>Essential goods (nhu yếu phẩm) as counted: a basic package, a 10 kg bag of rice… UnitValue is the estimated
/// value in đồng of one unit, so goods and money can be totalled together on the transparency page.</summary>
public sealed class SupplyItem
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Unit { get; set; } = "";
    public long UnitValue { get; set; }
}

/// <summary>Who holds goods or money, or where they came from or went: the two sides of every ledger movement.
/// Donor and Recipients are the ends of the chain (their balances are what came in and what went out); the others hold
/// goods or money and can never go below zero (<see cref="Holding"/>).</summary>
public enum AccountKind
{
    /// <summary>Ref = 0; the movement's DonationId says which gift.</summary>
    Donor,
    /// <summary>The province's relief fund (LĐLĐ), Ref = 0: where donated money lands before it is allocated.</summary>
    Fund,
    /// <summary>Ref = the point.</summary>
    Point,
    /// <summary>Ref = the relief team (kept by the requests half; only its number here).</summary>
    Team,
    /// <summary>Ref = the programme.</summary>
    Programme,
    /// <summary>Ref = the channel (<see cref="IssueChannel"/>): the workers who received goods or cash that way.</summary>
    Recipients,
}

/// <summary>What one account holds of one item (or of money, ItemId null) from one donation and lot. Quantity is in
/// units, or whole đồng for money, and never below zero: a check constraint in the database, and the quantity is the
/// concurrency token, so two issues of the last unit cannot both take it.</summary>
public sealed class Holding
{
    public int Id { get; set; }
    public AccountKind Kind { get; set; }
    public int Ref { get; set; }
    public int? ItemId { get; set; }
    public int DonationId { get; set; }
    public Donation? Donation { get; set; }
    public string? LotCode { get; set; }
    public DateOnly? ExpiresOn { get; set; }
    public long UnitValue { get; set; }
    public long Quantity { get; set; }
}

public enum IssueChannel { Counter, Delivery, Cash }

/// <summary>Goods or cash handed to a worker: at a point's counter, by a delivery, or as cash. Written once (the
/// idempotency key is unique), never edited; its stock was drawn from the point in the same transaction, and the
/// ledger holds one movement per donation lot drawn.</summary>
public sealed class ReliefIssue
{
    public int Id { get; set; }
    /// <summary>Null for a recipient who is not in the registry (then the ticket code says who).</summary>
    public int? WorkerId { get; set; }
    public string? TicketCode { get; set; }
    public int PointId { get; set; }
    /// <summary>The province day it was handed over.</summary>
    public DateOnly Day { get; set; }
    public IssueChannel Channel { get; set; }
    /// <summary>Cash handed over, whole đồng (0 for goods only).</summary>
    public long CashAmount { get; set; }
    public string IdempotencyKey { get; set; } = "";
    public string By { get; set; } = "";
    public DateTime At { get; set; }
    public List<ReliefIssueLine> Lines { get; set; } = [];
    /// <summary>The ledger movements of this issue, one per donation lot drawn.</summary>
    public List<LedgerMovement> Movements { get; set; } = [];
}

public sealed class ReliefIssueLine
{
    public int Id { get; set; }
    public int ReliefIssueId { get; set; }
    public int ItemId { get; set; }
    public long Quantity { get; set; }
}

/// <summary>A per-worker limit (e.g. one basic package per 7 days; at most 1,000,000 đồng in cash per 30 days) in force
/// over a period, like the outbreak rules (ADR-0012). ItemId null: the limit is on cash. The window counts the day of
/// the issue and the WindowDays − 1 days before it.</summary>
public sealed class IssueLimitRule : IDatedRule
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public int? ItemId { get; set; }
    public long MaxPerWindow { get; set; }
    public int WindowDays { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }
    public string? Source { get; set; }

    public bool InForceOn(DateOnly d) => EffectiveFrom <= d && (EffectiveTo is null || d <= EffectiveTo);
}
