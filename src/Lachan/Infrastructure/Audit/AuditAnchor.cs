using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quartz;

namespace Lachan.Infrastructure.Audit;

/// <summary>A note of the audit chain's head (last linked event, its hash, how many events up to it in the chain) kept in a table of
/// its own, in a file apart from the database (AuditAnchorFile) and in the log. The chain alone cannot show that its newest rows were deleted (what remains still links
/// up); a verification that no longer reaches the anchored head finds it.</summary>
public sealed class AuditAnchor
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public long HeadId { get; set; }
    public required string HeadHash { get; set; }
    public long Count { get; set; }
}

public sealed class AuditAnchorConfiguration : IEntityTypeConfiguration<AuditAnchor>
{
    public void Configure(EntityTypeBuilder<AuditAnchor> builder)
    {
        builder.ToTable("AuditAnchors");
        builder.Property(a => a.HeadHash).HasMaxLength(64);
    }
}

public static class AuditAnchors
{
    public static Task<AuditAnchor?> LatestAsync(LachanDb db, CancellationToken ct = default) =>
        db.Set<AuditAnchor>().AsNoTracking().OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);

    /// <summary>The newest anchor of the table and the file: the one that covers more events. Deleting the newest audit
    /// rows together with the table's newest anchors does not hide the truncation from the file's copy.</summary>
    public static async Task<AuditAnchor?> LatestKnownAsync(LachanDb db, AuditAnchorFile file, CancellationToken ct = default)
    {
        var table = await LatestAsync(db, ct);
        var kept = file.Latest();
        return kept is not null && (table is null || kept.Count > table.Count) ? kept : table;
    }

    /// <summary>Quick check for the page: the anchored head is still there, with the anchored number of events up to it.</summary>
    public static async Task<bool> HoldsAsync(LachanDb db, AuditAnchor anchor, CancellationToken ct = default) =>
        await db.AuditEvents.Where(e => e.Id == anchor.HeadId).Select(e => new { e.Hash, e.Seq }).FirstOrDefaultAsync(ct) is { } head
        && head.Hash == anchor.HeadHash
        && await db.AuditEvents.LongCountAsync(e => e.Seq <= head.Seq, ct) == anchor.Count;

    /// <summary>Anchors the current head in the table and the file unless the latest anchor already has it; returns the
    /// latest anchor (null while the trail is empty).</summary>
    public static async Task<AuditAnchor?> RecordAsync(LachanDb db, AuditAnchorFile file, TimeProvider time, ILogger logger, CancellationToken ct = default)
    {
        var head = await db.AuditEvents.AsNoTracking().Where(e => e.Seq != null).OrderByDescending(e => e.Seq)
            .Select(e => new { e.Id, e.Seq, e.Hash }).FirstOrDefaultAsync(ct);
        var latest = await LatestKnownAsync(db, file, ct);
        if (head is null || latest?.HeadId == head.Id)
            return latest;
        // never anchor over a truncation: the latest anchor's head must still be there, at its count
        if (latest is not null && !await HoldsAsync(db, latest, ct))
        {
            logger.LogError("Audit chain no longer reaches its anchor: head #{HeadId} with {Count} events is gone or changed", latest.HeadId, latest.Count);
            return latest;
        }
        var anchor = new AuditAnchor
        {
            At = AuditChain.Now(time),
            HeadId = head.Id,
            HeadHash = head.Hash,
            Count = await db.AuditEvents.LongCountAsync(e => e.Seq <= head.Seq, ct),
        };
        db.Add(anchor);
        await db.SaveChangesAsync(ct);
        file.Append(anchor);
        // the log is a third copy, for a truncation that took the data directory too
        logger.LogInformation("Audit anchor: {Count} events, head #{HeadId} {HeadHash}", anchor.Count, anchor.HeadId, anchor.HeadHash);
        return anchor;
    }
}

/// <summary>Anchors the head every Audit:AnchorMinutes (default 5), as a durable job (ADR-0015): on one node of the
/// cluster at a time, and not twice at once.</summary>
[DisallowConcurrentExecution]
public sealed class AuditAnchorJob(LachanDb db, AuditAnchorFile file, TimeProvider time, ILogger<AuditAnchorJob> logger) : IJob
{
    public static readonly JobKey Key = new("audit-anchor", "audit");

    public static void Schedule(IQuartzBuilder q, IConfiguration config)
    {
        var every = TimeSpan.FromMinutes(config.GetValue("Audit:AnchorMinutes", 5.0));
        q.AddJob<AuditAnchorJob>(j => j.WithIdentity(Key).StoreDurably());
        q.AddTrigger(t => t.ForJob(Key).WithIdentity("audit-anchor", "audit").StartAt(DateTimeOffset.UtcNow.Add(every))
            .WithSimpleSchedule(s => s.WithInterval(every).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await AuditAnchors.RecordAsync(db, file, time, logger, cancellationToken);
}
