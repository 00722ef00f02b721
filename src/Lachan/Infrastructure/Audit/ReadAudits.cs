using System.Threading.Channels;
using Lachan.Infrastructure.Data;

namespace Lachan.Infrastructure.Audit;

/// <summary>Audit events of reads (a list or search page, a view of a record) wait here, in process, and are written in
/// batches by <see cref="ReadAuditWriter"/>: a hash-chained insert cost each read 2–3 ms on the request (ADR-0018).
/// Changes never come here: their events are written in the change's own transaction. Nothing is dropped: while no
/// writer runs (a command-line verb, before start-up, after shutdown has begun) or when the queue is full, the caller
/// writes the event itself, as before.</summary>
// The gate is never disposed: the container may be disposed before the host's StopAsync runs (seen with two test
// hosts), and the last flush must then fail softly (logged, reported) rather than throw from a disposed gate. A
// SemaphoreSlim whose wait handle is never asked for holds nothing to release.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "see above: the gate must outlive the container")]
public sealed class ReadAudits(IServiceScopeFactory scopes, IConfiguration config, ILogger<ReadAudits> log)
{
    private readonly Channel<AuditEvent> _queue = Channel.CreateBounded<AuditEvent>(
        new BoundedChannelOptions(Math.Max(1, config.GetValue("Audit:ReadQueueCapacity", 10_000))) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly List<AuditEvent> _failed = [];
    private volatile bool _open;

    /// <summary>Events written in one transaction at most.</summary>
    public int BatchSize { get; } = Math.Max(1, config.GetValue("Audit:ReadBatchSize", 500));

    /// <summary>How long a read's event may wait before it is written.</summary>
    public TimeSpan Interval { get; } = TimeSpan.FromMilliseconds(Math.Max(1, config.GetValue("Audit:ReadFlushMilliseconds", 1000)));

    /// <summary>Takes the event unless no writer runs or the queue is full; then the caller writes it itself.</summary>
    public bool TryEnqueue(AuditEvent e) => _open && _queue.Writer.TryWrite(e);

    internal int Waiting => _queue.Reader.Count;

    internal void Open() => _open = true;

    /// <summary>From now on every read writes its own event; what is queued stays for the last flush. Completing the
    /// channel makes a TryEnqueue racing with shutdown fail (and write synchronously) rather than land after that flush.</summary>
    internal void Close()
    {
        _open = false;
        _queue.Writer.TryComplete();
    }

    internal ValueTask<bool> WaitToReadAsync(CancellationToken ct) => _queue.Reader.WaitToReadAsync(ct);

    /// <summary>Writes every event queued so far, in batches of <see cref="BatchSize"/>, each batch one transaction
    /// (linked onto the chain in queue order by <see cref="AuditLinker"/>). Called by the writer, and by whoever is about to read the
    /// trail (the audit page), so it shows the reads of this process.</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        await _writing.WaitAsync(ct);
        try
        {
            while (true)
            {
                var batch = new List<AuditEvent>(_failed);
                _failed.Clear();
                while (batch.Count < BatchSize && _queue.Reader.TryRead(out var e)) batch.Add(e);
                if (batch.Count == 0) return;
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<LachanDb>();
                    foreach (var e in batch) e.Id = 0;
                    db.AuditEvents.AddRange(batch);
                    await db.SaveChangesAsync(CancellationToken.None);
                }
                catch (Exception ex)
                {
                    // kept for the next flush (the database may be back by then); reported, never dropped silently
                    _failed.AddRange(batch);
                    log.LogError(ex, "Could not write {Count} read audit events; they are kept for the next attempt", batch.Count);
                    return;
                }
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>Events that could not be written even at shutdown: reported loudly, since they are lost with the process.</summary>
    internal void ReportUnwritten()
    {
        var left = _failed.Count + _queue.Reader.Count;
        if (left > 0) log.LogCritical("{Count} read audit events could not be written before shutdown", left);
    }
}

/// <summary>Writes the queued read audits every <see cref="ReadAudits.Interval"/> (sooner when a batch is full) while the
/// app serves, and what is left when it stops gracefully.</summary>
public sealed class ReadAuditWriter(ReadAudits reads) : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        reads.Open();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await reads.WaitToReadAsync(stoppingToken))
            {
                // the first event of a batch waits at most Interval; a full batch goes at once
                var due = DateTime.UtcNow + reads.Interval;
                while (reads.Waiting < reads.BatchSize && DateTime.UtcNow < due)
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(50, reads.Interval.TotalMilliseconds)), stoppingToken);
                await reads.FlushAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down: StopAsync writes the rest
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        reads.Close();
        await base.StopAsync(cancellationToken);
        await reads.FlushAsync(CancellationToken.None);
        reads.ReportUnwritten();
    }
}
