using System.Text.Json;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Lachan.Features.Rosters;

/// <summary>One preview or commit of an import, run by the durable job store. It may run again after a crash or an
/// interrupted shutdown (its transaction never committed, so nothing is half-written), so it checks the import is still
/// waiting for it, and a duplicate firing does nothing.</summary>
[DisallowConcurrentExecution]
public sealed class RosterJob(LachanDb db, RosterImports imports, RosterJobs jobs, ILogger<RosterJob> log) : IJob
{
    public const string ImportId = "importId", Kind = "kind", UserName = "userName";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var id = Guid.Parse(data.GetString(ImportId)!);
        var kind = Enum.Parse<RosterJobKind>(data.GetString(Kind)!);
        var stopping = cancellationToken;
        await using var tracked = jobs.Track(id, stopping);
        // stopping: this node shuts down (ShutdownJobInterruption.Always); tracked.Cancel: a user's cancel, from any node
        using var both = CancellationTokenSource.CreateLinkedTokenSource(stopping, tracked.Cancel.Token);
        try
        {
            await RunAsync(id, kind, both.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested && !tracked.Cancel.IsCancellationRequested)
        {
            // The node is stopping: rolled back; thrown on so the store keeps the job for recovery (here or elsewhere).
            await SetAsync(id, i => i.SetProperty(x => x.Progress, 0));
            throw;
        }
        catch (Exception e)
        {
            var cancelled = e is OperationCanceledException;
            if (!cancelled) log.LogError(e, "Roster job {Id} ({Kind}) of {User} failed", id, kind, data.GetString(UserName));
            await SetAsync(id, s => s.SetProperty(i => i.Status, cancelled ? ImportStatus.Cancelled : ImportStatus.Failed)
                // the page and the API checked the confirmation against the preview: a refusal here means the registry changed since
                .SetProperty(i => i.ErrorCode, e switch { OperationCanceledException => null, RosterCommitRefusedException => "Roster.LeaversChanged", _ => "Roster.JobFailed" })
                .SetProperty(i => i.FinishedAt, DateTime.UtcNow));
        }
    }

    private async Task RunAsync(Guid id, RosterJobKind kind, CancellationToken ct)
    {
        var import = await db.Set<RosterImport>().FirstOrDefaultAsync(i => i.Id == id, ct);
        // Gone, or no longer waiting for this job (a duplicate firing, or a commit already done).
        if (import is null || (kind == RosterJobKind.Commit ? import.Status != ImportStatus.Committing
                : import.Status is ImportStatus.Committing or ImportStatus.Committed or ImportStatus.Cancelled))
            return;
        if (import.CancelRequested) throw new OperationCanceledException(); // cancelled while it waited in the queue
        if (import.StoredPath == "") // deleted after the retention period (UploadRetention)
        {
            (import.Status, import.ErrorCode, import.FinishedAt) = (ImportStatus.Failed, "Roster.FileExpired", DateTime.UtcNow);
            await db.SaveChangesAsync(CancellationToken.None);
            return;
        }
        import.Status = kind == RosterJobKind.Preview ? ImportStatus.Previewing : ImportStatus.Committing;
        import.Progress = 0; // what other nodes show until this node writes its own (RosterJobs)
        await db.SaveChangesAsync(ct);

        var mapping = import.MappingJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, RosterField>>(import.MappingJson, RosterImports.Json);
        var prepared = await imports.PrepareAsync(import.StoredPath, import.EnterpriseId, import.AsOf, mapping, ct);
        jobs.Report(id, kind == RosterJobKind.Preview ? 90 : 5);
        if (kind == RosterJobKind.Preview)
        {
            if (prepared.Plan is not null)
                await RosterReport.WriteAsync(RosterReport.PathFor(import.StoredPath), prepared.Plan, ct);
            import.PreviewJson = JsonSerializer.Serialize(prepared.Preview, RosterImports.Json);
            import.Status = prepared.Preview.Refused is not null ? ImportStatus.Refused
                : prepared.Preview.ChangesNothing ? ImportStatus.NoChange : ImportStatus.Previewed;
            import.ErrorCode = prepared.Preview.Refused;
        }
        else if (prepared.Plan is null || prepared.Preview.ChangesNothing)
            import.Status = ImportStatus.NoChange;
        else
        {
            var report = new Progress<int>(p => jobs.Report(id, 5 + p * 95 / 100));
            var outcome = await imports.CommitAsync(prepared.Plan, import.FileHash,
                new CommitRequest(import.CommittedBy ?? import.CreatedBy, import.ConfirmedLeavers), report, ct);
            import.OutcomeJson = JsonSerializer.Serialize(outcome, RosterImports.Json);
            import.Status = ImportStatus.Committed;
        }
        import.Progress = 0;
        import.FinishedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private Task<int> SetAsync(Guid id, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<RosterImport>> set)
    {
        db.ChangeTracker.Clear();
        return db.Set<RosterImport>().Where(i => i.Id == id).ExecuteUpdateAsync(set, CancellationToken.None);
    }
}
