using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Lachan.Features.Rosters;

/// <summary>Deletes uploaded rosters (and their reports) once they are Uploads:RetentionDays old (default 30): the
/// files hold CCCDs, names and phones of whole workforces. The import row stays, with its preview and outcome; its
/// StoredPath is emptied. Hourly, on one node of the cluster (ADR-0015).</summary>
[DisallowConcurrentExecution]
public sealed class UploadRetention(LachanDb db, IConfiguration config, TimeProvider time, ILogger<UploadRetention> log) : IJob
{
    public static readonly JobKey Key = new("uploads-retention", "rosters");

    public static void Schedule(IQuartzBuilder q)
    {
        q.AddJob<UploadRetention>(j => j.WithIdentity(Key).StoreDurably());
        q.AddTrigger(t => t.ForJob(Key).WithIdentity("uploads-retention", "rosters").StartNow()
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-config.GetValue("Uploads:RetentionDays", 30));
        // Not while a job may still read the file.
        var due = await db.Set<RosterImport>()
            .Where(i => i.StoredPath != "" && i.CreatedAt < cutoff
                && i.Status != ImportStatus.Uploaded && i.Status != ImportStatus.Previewing && i.Status != ImportStatus.Committing)
            .ToListAsync(ct);
        foreach (var import in due)
        {
            File.Delete(RosterReport.PathFor(import.StoredPath));
            File.Delete(import.StoredPath); // no error when already gone
            import.StoredPath = "";
        }
        await db.SaveChangesAsync(ct);
        if (due.Count > 0) log.LogInformation("Deleted {Count} uploaded rosters older than the retention period", due.Count);
    }
}
