using Lachan.Infrastructure.Audit;

namespace Lachan.Features.Rosters;

/// <summary>A preview shows the people of a roster (the rows in error with their values, the transfers): every view of
/// it — the page, the API, the command line, the xlsx report — is audited like a list read: who, which import (or file
/// for the command line, which stores none), how many rows, and how it was seen.</summary>
public static class RosterPreviewAudit
{
    public const string EntityType = "RosterPreview";

    /// <summary>Whether an answer about the import is a view of its preview, not a progress poll of a running job: a
    /// commit's transaction holds SQLite's write lock until it ends, and the preview it carries was audited when shown.</summary>
    public static bool IsViewOf(RosterImport import) =>
        import.PreviewJson is not null && import.Status is not (ImportStatus.Uploaded or ImportStatus.Previewing or ImportStatus.Committing);

    public static Task ViewedAsync(this AuditLog audit, string import, RosterPreview preview, string via, CancellationToken ct) =>
        audit.ViewedAsync(import, preview, via, null, ct);

    public static Task ViewedAsync(this AuditLog audit, string import, RosterPreview preview, string via, string? userName, CancellationToken ct) =>
        audit.ListedAsync(EntityType, new { Import = import, Via = via }, 1, [], preview.Rows, userName, ct);
}
