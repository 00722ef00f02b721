namespace Lachan.Infrastructure.Audit;

/// <summary>One line of the audit trail. It is written in the transaction of what it records; once committed,
/// <see cref="AuditLinker"/> gives it its place in the chain (<see cref="Seq"/>) and the hash of the event before it, so a
/// row changed or removed by hand in the database breaks the chain at that point (see <see cref="AuditChain"/>, ADR-0024).</summary>
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
    /// <summary>Its place in the chain, given when it is linked; null until then (for about a second after its commit).</summary>
    public long? Seq { get; set; }
    public string PrevHash { get; set; } = "";
    public string Hash { get; set; } = "";
}
