using System.Text.Json;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;

namespace Lachan.Infrastructure.Audit;

/// <summary>Adds audit events to the current unit of work; they are chained and saved with it (see LachanDb).</summary>
public sealed class AuditLog(LachanDb db, CurrentUser user, TimeProvider time, ReadAudits reads)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Record(string action, string entityType, object? entityId, object? before = null, object? after = null, string? userName = null) =>
        db.AuditEvents.Add(Event(action, entityType, entityId, before, after, userName));

    private AuditEvent Event(string action, string entityType, object? entityId, object? before = null, object? after = null, string? userName = null) =>
        new()
        {
            At = AuditChain.Now(time),
            UserName = userName ?? user.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId?.ToString(),
            Before = before is null ? null : before as string ?? JsonSerializer.Serialize(before, Json),
            After = after is null ? null : after as string ?? JsonSerializer.Serialize(after, Json),
        };

    /// <summary>For a change whose event needs ids the save generates (a new record, a new landlord): saves, records the
    /// event, saves again — in one transaction, so the change and its audit are written together or not at all.</summary>
    public Task SaveThenRecordAsync(string action, string entityType, Func<object> entityId, object? before, Func<object> after, CancellationToken ct) =>
        SaveThenRecordAsync(action, entityType, entityId, before, after, null, ct);

    /// <summary>As above, for an actor named by the caller (the support module's explicit actor) rather than the request's user.</summary>
    public async Task SaveThenRecordAsync(string action, string entityType, Func<object> entityId, object? before, Func<object> after, string? userName, CancellationToken ct)
    {
        // inside a caller's transaction (the demo seed's) the change and its event commit with it
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(ct);
        Record(action, entityType, entityId(), before, after(), userName);
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
    }

    private static readonly JsonSerializerOptions Compact = new(Json) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <summary>Lists and searches that show personal data are audited like exports, one event per page read: who, the
    /// filter, the page, how many rows matched, and the ids of the workers shown, which answer "who saw this person"
    /// exactly. The filter comes without the values that identify a person (the caller masks them, as the exports'
    /// audit does): a search for someone outside the caller's jurisdiction must not put that person's CCCD before
    /// every reader of the audit trail.</summary>
    public Task ListedAsync(string entityType, object? filter, int page, IEnumerable<int> shown, int total, CancellationToken ct = default) =>
        ListedAsync(entityType, filter, page, shown, total, null, ct);

    /// <summary>The same, under a name other than the signed-in user's (the command line's operator).</summary>
    public Task ListedAsync(string entityType, object? filter, int page, IEnumerable<int> shown, int total, string? userName, CancellationToken ct) =>
        ReadAsync(Event("list", entityType, null, after: JsonSerializer.Serialize(new { Filter = filter, Page = page, Total = total, Shown = shown }, Compact), userName: userName), ct);

    /// <summary>Views of personal data are audited too.</summary>
    public Task ViewedAsync(string entityType, object entityId, CancellationToken ct = default) =>
        ReadAsync(Event("view", entityType, entityId), ct);

    /// <summary>A read's event goes to the queue written in the background (ADR-0018): chaining it here cost each read
    /// a transaction. When the queue does not take it (no writer runs, or it is full), it is written now, on its own.</summary>
    private async Task ReadAsync(AuditEvent e, CancellationToken ct)
    {
        if (reads.TryEnqueue(e)) return;
        db.AuditEvents.Add(e);
        await db.SaveChangesAsync(ct);
    }
}
