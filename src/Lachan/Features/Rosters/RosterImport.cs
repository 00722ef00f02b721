using System.ComponentModel.DataAnnotations;

namespace Lachan.Features.Rosters;

public enum ImportStatus { Uploaded, Previewing, Previewed, Refused, Committing, Committed, NoChange, Failed, Cancelled }

/// <summary>One uploaded roster and what became of it. The file stays in the imports folder for Uploads:RetentionDays
/// (then StoredPath is emptied and the import's result stays); the preview (counts, samples, errors) is kept as JSON so
/// any node can show it.</summary>
public sealed class RosterImport
{
    public Guid Id { get; set; }
    public int EnterpriseId { get; set; }
    public DateOnly AsOf { get; set; }
    public required string FileName { get; set; }
    public required string FileHash { get; set; }
    /// <summary>The uploaded file; empty once the retention job deleted it.</summary>
    public required string StoredPath { get; set; }
    public long SizeBytes { get; set; }
    public ImportStatus Status { get; set; }
    /// <summary>The running job's progress as last written for other nodes (PostgreSQL; see RosterJobs).</summary>
    public int Progress { get; set; }
    /// <summary>A user asked to cancel the job, on any node; the job polls it (ADR-0015).</summary>
    public bool CancelRequested { get; set; }
    public required string CreatedBy { get; set; }
    /// <summary>Who asked for the commit: the job writes it for them, and the audit trail names them.</summary>
    [MaxLength(100)]
    public string? CommittedBy { get; set; }
    /// <summary>The number of leavers the user confirmed when the roster takes more than a set share off the payroll
    /// (RosterLeavers); the commit is refused unless it still matches.</summary>
    public int? ConfirmedLeavers { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>Header text → field the user confirmed for this file (null: as detected).</summary>
    public string? MappingJson { get; set; }
    /// <summary>The preview, then the outcome, as JSON.</summary>
    public string? PreviewJson { get; set; }
    public string? OutcomeJson { get; set; }
    public string? ErrorCode { get; set; }
}

/// <summary>A header → field choice remembered per enterprise, applied to its next rosters.</summary>
public sealed class RosterMapping
{
    public int Id { get; set; }
    public int EnterpriseId { get; set; }
    /// <summary>SheetHeaders.Key of the header text.</summary>
    public required string HeaderKey { get; set; }
    public RosterField Field { get; set; }
}
