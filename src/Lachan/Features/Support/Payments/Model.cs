namespace Lachan.Features.Support.Payments;

/// <summary>To whom the bank pays: the employer (who pays on to its workers) or each worker's own account.</summary>
public enum PaymentChannel { Employer, WorkerAccount }

/// <summary>Pending: in a batch not yet sent; Sent: in an exported bank file; Returned/Failed: the bank sent it back
/// (a closed account, a wrong name…). A line the bank did not return counts as paid.</summary>
public enum PaymentStatus { Pending, Sent, Returned, Failed }

/// <summary>A payment batch: the approved amounts of one list, created whole or not at all. The idempotency key (made
/// when the officer opened the form) makes a doubled or retried creation answer with the same batch.</summary>
public sealed class PaymentBatch
{
    public int Id { get; set; }
    public string IdempotencyKey { get; set; } = "";
    /// <summary>What the bank file carries for a batch paid to the employer in one transfer.</summary>
    public string Reference { get; set; } = "";
    public int SupportListId { get; set; }
    public string PolicyCode { get; set; } = "";
    public int EnterpriseId { get; set; }
    public string TaxCode { get; set; } = "";
    public string DistrictCode { get; set; } = "";
    public string ProvinceCode { get; set; } = "";
    public PaymentChannel Channel { get; set; }
    public DateOnly CreatedOn { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public long Total { get; set; }
    public DateOnly? ExportedOn { get; set; }
    public List<PaymentLine> Lines { get; set; } = [];
}

/// <summary>One approved amount being paid. ApprovalId is unique: an approval is paid in one batch only, whichever
/// process creates it. Reference is what the bank file carries and the bank's return names.</summary>
public sealed class PaymentLine
{
    public int Id { get; set; }
    public int PaymentBatchId { get; set; }
    public int ApprovalId { get; set; }
    public int WorkerId { get; set; }
    public string Reference { get; set; } = "";
    public long Amount { get; set; }
    public string PayeeName { get; set; } = "";
    public string? Cccd { get; set; }
    public string? Account { get; set; }
    public string? Bank { get; set; }
    public PaymentStatus Status { get; set; }
    public DateOnly? ReturnedOn { get; set; }
    public string? ReturnReason { get; set; }
}

/// <summary>A bank's file layout as data: which fields in which columns under which headers (each bank asks for its
/// own). ColumnsSpec is "Header=Field;Header=Field…" with Field one of <see cref="BankFields"/>.</summary>
public sealed class BankFileLayout
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string ColumnsSpec { get; set; } = "";
}

public static class BankFields
{
    public const string Reference = "Reference", PayeeName = "PayeeName", Account = "Account", Bank = "Bank", Amount = "Amount",
        Cccd = "Cccd", Content = "Content";

    public static readonly string[] All = [Reference, PayeeName, Account, Bank, Amount, Cccd, Content];
}
