using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Rosters;

public enum RosterJobKind { Preview, Commit }

/// <summary>Runs previews and commits in the background so no request waits on a 500,000-row file. Live progress
/// is kept in memory (SQLite allows one writer, and the commit's transaction holds it); the status is in the
/// database. A job interrupted by a restart is marked failed at start-up — its transaction never committed.</summary>
public sealed class RosterJobs(IServiceScopeFactory scopes, ILogger<RosterJobs> log) : BackgroundService
{
    private readonly Channel<(Guid Id, RosterJobKind Kind)> queue = Channel.CreateUnbounded<(Guid, RosterJobKind)>();
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> running = new();
    private readonly ConcurrentDictionary<Guid, int> progress = new();

    public void Enqueue(Guid id, RosterJobKind kind)
    {
        progress[id] = 0;
        // Cancellable from now on: a cancel that comes while the job still waits in the queue is honoured when it starts.
        running[id] = new CancellationTokenSource();
        queue.Writer.TryWrite((id, kind));
    }

    public int? ProgressOf(Guid id) => progress.TryGetValue(id, out var p) ? p : null;

    /// <summary>Cancels a running or queued commit on this node; returns whether there was one.</summary>
    public bool Cancel(Guid id)
    {
        if (running.TryGetValue(id, out var cts)) { cts.Cancel(); return true; }
        return false;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await MarkInterruptedAsync(stoppingToken);
        // Two workers: a long commit does not hold up another user's preview.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => WorkAsync(stoppingToken)));
    }

    private async Task WorkAsync(CancellationToken stopping)
    {
        await foreach (var (id, kind) in queue.Reader.ReadAllAsync(stopping))
        {
            var own = running.GetOrAdd(id, _ => new CancellationTokenSource());
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(stopping, own.Token);
            try { await RunAsync(id, kind, cts.Token); }
            catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
            {
                log.LogError(e, "Roster job {Id} ({Kind}) failed", id, kind);
                await SetStatusAsync(id, e is OperationCanceledException ? ImportStatus.Cancelled : ImportStatus.Failed,
                    e is OperationCanceledException ? null : "Roster.JobFailed");
            }
            finally
            {
                running.TryRemove(id, out _);
                progress.TryRemove(id, out _);
            }
        }
    }

    private async Task RunAsync(Guid id, RosterJobKind kind, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LachanDb>();
        var imports = scope.ServiceProvider.GetRequiredService<RosterImports>();
        var import = await db.RosterImports.FirstAsync(i => i.Id == id, ct);
        import.Status = kind == RosterJobKind.Preview ? ImportStatus.Previewing : ImportStatus.Committing;
        await db.SaveChangesAsync(ct);

        var mapping = import.MappingJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, RosterField>>(import.MappingJson, RosterImports.Json);
        var prepared = await imports.PrepareAsync(import.StoredPath, import.EnterpriseId, import.AsOf, mapping, ct);
        progress[id] = kind == RosterJobKind.Preview ? 90 : 5;
        if (kind == RosterJobKind.Preview)
        {
            if (prepared.Plan is not null)
                await RosterReport.WriteAsync(RosterReport.PathFor(import.StoredPath), prepared.Plan, ct);
            import.PreviewJson = JsonSerializer.Serialize(prepared.Preview, RosterImports.Json);
            import.Status = prepared.Preview.Refused is not null ? ImportStatus.Refused
                : prepared.Preview.ChangesNothing ? ImportStatus.NoChange : ImportStatus.Previewed;
            import.ErrorCode = prepared.Preview.Refused;
        }
        else
        {
            if (prepared.Plan is null || prepared.Preview.ChangesNothing)
                import.Status = ImportStatus.NoChange;
            else
            {
                var report = new Progress<int>(p => progress[id] = 5 + p * 95 / 100);
                var outcome = await imports.CommitAsync(prepared.Plan, import.FileHash, report, ct, import.CreatedBy);
                import.OutcomeJson = JsonSerializer.Serialize(outcome, RosterImports.Json);
                import.Status = ImportStatus.Committed;
            }
        }
        import.FinishedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task SetStatusAsync(Guid id, ImportStatus status, string? error)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LachanDb>();
        await db.RosterImports.Where(i => i.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, status).SetProperty(i => i.ErrorCode, error).SetProperty(i => i.FinishedAt, DateTime.UtcNow));
    }

    private async Task MarkInterruptedAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LachanDb>();
        await db.RosterImports.Where(i => i.Status == ImportStatus.Previewing || i.Status == ImportStatus.Committing)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ImportStatus.Failed).SetProperty(i => i.ErrorCode, "Roster.Interrupted"), ct);
    }
}
