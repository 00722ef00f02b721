using System.Collections.Concurrent;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Lachan.Features.Rosters;

public enum RosterJobKind { Preview, Commit }

/// <summary>Queues previews and commits on the durable job store (ADR-0015) so no request waits on a 500,000-row file,
/// a queued or interrupted job survives a restart, and one node of several runs it. Live progress is kept in memory on
/// the node that runs the job (SQLite allows one writer, and the commit's transaction holds it); on PostgreSQL it is
/// also written to the import row so every node can show it. A cancel is a flag on the import row that the job polls,
/// so a cancel on any node reaches the job wherever it runs (Quartz's Interrupt reaches only the local scheduler).</summary>
public sealed class RosterJobs(ISchedulerFactory schedulers, IServiceScopeFactory scopes, IConfiguration config)
{
    private readonly ConcurrentDictionary<Guid, int> progress = new();
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> running = new();
    private TimeSpan Poll => TimeSpan.FromMilliseconds(config.GetValue("Jobs:CancelPollMilliseconds", 500));

    /// <summary>One job per import and kind: Quartz runs a job's firings one after the other (DisallowConcurrentExecution).</summary>
    public static JobKey KeyOf(Guid id, RosterJobKind kind) => new($"{kind}-{id:N}".ToLowerInvariant(), "rosters");

    /// <summary>Stores the job (committed to the database before this returns); any node's scheduler may fire it.
    /// <paramref name="userName"/> is the account that asked: the job acts and audits on its behalf.</summary>
    public async Task EnqueueAsync(Guid id, RosterJobKind kind, string userName, CancellationToken ct = default)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var job = JobBuilder.Create<RosterJob>().WithIdentity(KeyOf(id, kind)).RequestRecovery()
            .UsingJobData(RosterJob.ImportId, id.ToString())
            .UsingJobData(RosterJob.Kind, kind.ToString())
            .UsingJobData(RosterJob.UserName, userName)
            .Build();
        // A trigger of its own each time (a remap asks for a second preview while the first may still run).
        var trigger = TriggerBuilder.Create().ForJob(job).StartNow().Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, ct);
    }

    /// <summary>The job's progress: live on the node that runs it, else as last written to the row (PostgreSQL).</summary>
    public int? ProgressOf(RosterImport i) =>
        progress.TryGetValue(i.Id, out var p) ? p
        : i.Status is ImportStatus.Uploaded or ImportStatus.Previewing or ImportStatus.Committing ? i.Progress : null;

    /// <summary>Asks the import's queued or running job to stop, from any node; returns whether there was one.</summary>
    public async Task<bool> CancelAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LachanDb>();
        var asked = await db.Set<RosterImport>()
            .Where(i => i.Id == id && (i.Status == ImportStatus.Uploaded || i.Status == ImportStatus.Previewing || i.Status == ImportStatus.Committing))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.CancelRequested, true), ct) > 0;
        if (running.TryGetValue(id, out var local)) await local.CancelAsync(); // on this node: at once, not at the next poll
        return asked;
    }

    internal void Report(Guid id, int percent) => progress[id] = percent;

    /// <summary>The job's cancellation by a user: set by <see cref="CancelAsync"/> here, or by the flag polled from the
    /// row (a cancel on another node). Progress is written to the row as it goes (PostgreSQL).</summary>
    internal Tracked Track(Guid id, CancellationToken stopping)
    {
        var cancel = new CancellationTokenSource();
        running[id] = cancel;
        progress[id] = 0;
        var watcher = Task.Run(() => WatchAsync(id, cancel, stopping), CancellationToken.None);
        return new Tracked(this, id, cancel, watcher);
    }

    internal sealed class Tracked(RosterJobs jobs, Guid id, CancellationTokenSource cancel, Task watcher) : IAsyncDisposable
    {
        public CancellationTokenSource Cancel => cancel;
        public async ValueTask DisposeAsync()
        {
            jobs.running.TryRemove(id, out _);
            jobs.progress.TryRemove(id, out _);
            await cancel.CancelAsync(); // ends the watcher
            await watcher;
            cancel.Dispose();
        }
    }

    private async Task WatchAsync(Guid id, CancellationTokenSource cancel, CancellationToken stopping)
    {
        var written = -1;
        try
        {
            while (!cancel.IsCancellationRequested && !stopping.IsCancellationRequested)
            {
                await Task.Delay(Poll, cancel.Token);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<LachanDb>();
                if (await db.Set<RosterImport>().Where(i => i.Id == id).Select(i => i.CancelRequested).FirstOrDefaultAsync(cancel.Token))
                {
                    await cancel.CancelAsync();
                    return;
                }
                // SQLite: one process, the memory is enough, and a write would wait for the commit's transaction.
                if (db.IsPostgres && progress.TryGetValue(id, out var p) && p != written)
                {
                    await db.Set<RosterImport>().Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Progress, p), cancel.Token);
                    written = p;
                }
            }
        }
        catch (OperationCanceledException) { } // the job ended, or its cancel was found
    }
}
