using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lachan.Infrastructure.Audit;

/// <summary>A note of the audit chain's head (last event, its hash, how many events up to it) kept in a table of
/// its own and in the log. The chain alone cannot show that its newest rows were deleted (what remains still links
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

    /// <summary>Anchors the current head unless the latest anchor already has it; returns the latest anchor (null
    /// while the trail is empty).</summary>
    public static async Task<AuditAnchor?> RecordAsync(LachanDb db, TimeProvider time, ILogger logger, CancellationToken ct = default)
    {
        var head = await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Id).Select(e => new { e.Id, e.Hash }).FirstOrDefaultAsync(ct);
        var latest = await LatestAsync(db, ct);
        if (head is null || latest?.HeadId == head.Id)
            return latest;
        // never anchor over a truncation: the latest anchor's head must still be there, at its count
        if (latest is not null && !await StillHoldsAsync(db, latest, ct))
        {
            logger.LogError("Audit chain no longer reaches its anchor: head #{HeadId} with {Count} events is gone or changed", latest.HeadId, latest.Count);
            return latest;
        }
        var anchor = new AuditAnchor
        {
            At = AuditChain.Now(time),
            HeadId = head.Id,
            HeadHash = head.Hash,
            Count = await db.AuditEvents.LongCountAsync(e => e.Id <= head.Id, ct),
        };
        db.Add(anchor);
        await db.SaveChangesAsync(ct);
        // the log is a second copy outside the database, for a truncation that took the anchors table too
        logger.LogInformation("Audit anchor: {Count} events, head #{HeadId} {HeadHash}", anchor.Count, anchor.HeadId, anchor.HeadHash);
        return anchor;
    }

    private static async Task<bool> StillHoldsAsync(LachanDb db, AuditAnchor anchor, CancellationToken ct) =>
        await db.AuditEvents.Where(e => e.Id == anchor.HeadId).Select(e => e.Hash).FirstOrDefaultAsync(ct) == anchor.HeadHash
        && await db.AuditEvents.LongCountAsync(e => e.Id <= anchor.HeadId, ct) == anchor.Count;
}

/// <summary>Anchors the head every Audit:AnchorMinutes (default 5) while the app serves.</summary>
public sealed class AuditAnchorTimer(IServiceScopeFactory scopes, TimeProvider time, IConfiguration config, ILogger<AuditAnchorTimer> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(config.GetValue("Audit:AnchorMinutes", 5.0)), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await AuditAnchors.RecordAsync(scope.ServiceProvider.GetRequiredService<LachanDb>(), time, logger, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Could not anchor the audit chain");
            }
        }
    }
}
