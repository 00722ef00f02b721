using Lachan.Infrastructure.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Lachan.Infrastructure.Audit;

/// <summary>Links committed audit events onto the chain (ADR-0024). An event is written in the transaction of the change it
/// records, unlinked; the linker then gives each one, in id order, its place (<see cref="AuditEvent.Seq"/>), the hash of
/// the event before it and its own hash. Linking after the commit keeps the chain's lock off every audited write: before,
/// each write held it from its first audited save to its commit, and all others waited (ADR-0005's cost).
/// One linker at a time across processes: an advisory lock on PostgreSQL, the write lock and a process gate on SQLite.
/// An event that commits after a later id was linked simply takes the next place: the chain's order is the linker's.</summary>
public sealed class AuditLinker(IServiceScopeFactory scopes, ILogger<AuditLinker> log)
{
    private const int BatchSize = 1000;
    private static readonly SemaphoreSlim SqliteGate = new(1, 1);
    private TaskCompletionSource _nudged = NewSignal();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The app's linker for a context built by the app's services (none for a context made by hand).</summary>
    internal static AuditLinker? Of(DbContext db) =>
        AppServices.Of(db)?.GetService<AuditLinker>();

    /// <summary>Events were committed: link them soon rather than at the next round.</summary>
    public void Nudge() => Volatile.Read(ref _nudged).TrySetResult();

    /// <summary>Waits for a nudge (one given since the last wait counts) or at most the given time. A nudge that lands
    /// while the signal is renewed is not lost: the caller links next, after that nudge's commit.</summary>
    internal async Task WaitForNudgeAsync(TimeSpan atMost, CancellationToken ct)
    {
        var signal = Volatile.Read(ref _nudged);
        try { await signal.Task.WaitAsync(atMost, ct); }
        catch (TimeoutException) { /* a round without a nudge: links what other nodes left */ }
        Interlocked.CompareExchange(ref _nudged, NewSignal(), signal);
    }

    /// <summary>Links everything committed so far, on a context of its own.</summary>
    public async Task LinkAllAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var linked = await LinkAsync(scope.ServiceProvider.GetRequiredService<LachanDb>(), ct);
        if (linked > 0) log.LogDebug("Linked {Count} audit events", linked);
    }

    /// <summary>Links every committed, unlinked event on the given context; returns how many.</summary>
    public static async Task<int> LinkAsync(LachanDb db, CancellationToken ct = default)
    {
        var total = 0;
        while (await db.AuditEvents.AnyAsync(e => e.Seq == null, ct))
        {
            var linked = await LinkBatchAsync(db, ct);
            if (linked == 0) break;   // what is left is not committed yet (or another linker took it)
            total += linked;
        }
        return total;
    }

    private static async Task<int> LinkBatchAsync(LachanDb db, CancellationToken ct)
    {
        var gate = db.IsPostgres ? null : SqliteGate;
        if (gate is not null) await gate.WaitAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (db.IsPostgres) // one linker at a time across app nodes, for this transaction
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7270521)", ct);
            var head = await db.AuditEvents.Where(e => e.Seq != null).OrderByDescending(e => e.Seq)
                .Select(e => new { e.Seq, e.Hash }).FirstOrDefaultAsync(ct);
            var pending = await db.AuditEvents.Where(e => e.Seq == null).OrderBy(e => e.Id).Take(BatchSize).ToListAsync(ct);
            var seq = head?.Seq ?? 0;
            var last = head?.Hash ?? "";
            foreach (var e in pending)
            {
                e.Seq = ++seq;
                e.PrevHash = last;
                e.Hash = AuditChain.ComputeHash(e);
                last = e.Hash;
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return pending.Count;
        }
        finally
        {
            gate?.Release();
        }
    }
}

/// <summary>Links on a nudge after each commit of audited saves, and every round (<c>Audit:LinkRoundSeconds</c>, 5 s by
/// default) for what nothing nudged: another node's or a stopped process's events, a transaction committed outside EF;
/// links what is left when the app stops.</summary>
public sealed class AuditLinkerService(AuditLinker linker, IConfiguration config, ILogger<AuditLinkerService> log) : BackgroundService
{
    private readonly TimeSpan Round = TimeSpan.FromSeconds(config.GetValue("Audit:LinkRoundSeconds", 5.0));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await linker.LinkAllAsync(stoppingToken);
                await linker.WaitForNudgeAsync(Round, stoppingToken);
                // a burst of writes is linked as one batch rather than one by one
                await Task.Delay(TimeSpan.FromMilliseconds(20), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // the database may be away: the events stay unlinked and are linked at a later round
                log.LogError(ex, "Could not link audit events; trying again");
                try { await Task.Delay(Round, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try { await linker.LinkAllAsync(CancellationToken.None); }
        catch (Exception ex) { log.LogError(ex, "Could not link the last audit events; the next start links them"); }
    }
}

/// <summary>Nudges the linker when a transaction that saved audit events commits: a save inside a caller's transaction
/// cannot nudge (its events are not committed yet), and without this they waited for the linker's next round.</summary>
public sealed class AuditCommitInterceptor(AuditLinker linker) : DbTransactionInterceptor
{
    private void Ended(TransactionEndEventData data, bool committed)
    {
        if (data.Context is not LachanDb { AuditEventsAwaitCommit: true } db) return;
        db.AuditEventsAwaitCommit = false;
        if (committed) linker.Nudge();
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        Ended(eventData, committed: true);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(eventData, committed: true);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        Ended(eventData, committed: false);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(eventData, committed: false);
        return Task.CompletedTask;
    }
}
