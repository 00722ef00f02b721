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
        /// <summary>The message key and its arguments (the number of leavers, their share in percent).</summary>
        public sealed record NeedsConfirmation(string Code, object[] Args) : Result;
    }

    /// <summary>What the preview asks the user to confirm before committing, or null when nothing.</summary>
    public RosterCommitRefusedException? ConfirmationFor(RosterPreview preview) =>
        leavers.NeedConfirmation(preview) ? RosterLeavers.Refusal(preview.Left, RosterLeavers.Workforce(preview.Left, preview.Updated + preview.Unchanged)) : null;

    public async Task<Result> StartAsync(RosterImport import, int? confirmedLeavers, CancellationToken ct)
    {
        if (import.Status != ImportStatus.Previewed || import.PreviewJson is null) return new Result.NotReady();
        var preview = JsonSerializer.Deserialize<RosterPreview>(import.PreviewJson, RosterImports.Json)!;
        if (!leavers.Allows(preview, confirmedLeavers) && ConfirmationFor(preview) is { } ask)
            return new Result.NeedsConfirmation(ask.Code, ask.Args);
        import.Status = ImportStatus.Committing;
        import.CommittedBy = user.Name;
        import.ConfirmedLeavers = confirmedLeavers;
        import.ErrorCode = null;
        await db.SaveChangesAsync(ct);
        jobs.Enqueue(import.Id, RosterJobKind.Commit);
        return new Result.Queued();
    }
}
