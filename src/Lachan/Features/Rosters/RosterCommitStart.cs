using System.Text.Json;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;

namespace Lachan.Features.Rosters;

/// <summary>Asks for a previewed import to be committed, for the page and the API: the job writes it, in the name of
/// the user who asked. Refused while the import is not previewed, and while a roster that takes more than the set
/// share of the workforce off the payroll lacks the confirmation of that number (<see cref="RosterLeavers"/>).</summary>
public sealed class RosterCommitStart(LachanDb db, RosterJobs jobs, RosterLeavers leavers, CurrentUser user)
{
    public abstract record Result
    {
        public sealed record Queued : Result;
        public sealed record NotReady : Result;
        public sealed record NeedsConfirmation(LeaversToConfirm Ask) : Result;
    }

    /// <summary>What the preview asks the user to confirm before committing, or null when nothing.</summary>
    public LeaversToConfirm? ConfirmationFor(RosterPreview preview) => leavers.Ask(preview);

    public async Task<Result> StartAsync(RosterImport import, int? confirmedLeavers, CancellationToken ct)
    {
        if (import.Status != ImportStatus.Previewed) return new Result.NotReady();
        // (without a stored preview the committer's own check against the plan it writes still applies)
        var preview = import.PreviewJson is null ? null : JsonSerializer.Deserialize<RosterPreview>(import.PreviewJson, RosterImports.Json);
        if (preview is not null && leavers.Ask(preview) is { } ask && confirmedLeavers != ask.Leavers)
            return new Result.NeedsConfirmation(ask);
        import.Status = ImportStatus.Committing;
        import.CommittedBy = user.Name;
        import.ConfirmedLeavers = confirmedLeavers;
        import.ErrorCode = null;
        await db.SaveChangesAsync(ct);
        await jobs.EnqueueAsync(import.Id, RosterJobKind.Commit, user.Name, ct);
        return new Result.Queued();
    }
}
