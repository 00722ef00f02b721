namespace Lachan.Infrastructure.Audit;

/// <summary>One line of the audit trail. Each row carries the hash of the row before it, so a row changed or
/// removed by hand in the database breaks the chain at that point (see <see cref="AuditChain"/>).</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    /// <summary>UTC, truncated to microseconds so it survives a round trip through PostgreSQL unchanged.</summary>
    public DateTime At { get; set; }
    public required string UserName { get; set; }
    /// <summary>create, update, delete, view, export, login, login-failed, token …</summary>
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string PrevHash { get; set; } = "";
    public string Hash { get; set; } = "";
}
