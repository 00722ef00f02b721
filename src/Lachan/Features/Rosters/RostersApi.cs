using Lachan.Features.Registry.Contracts;
using System.Globalization;
using System.Text.Json;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Lachan.Features.Rosters;

/// <summary>POST a roster (multipart: file, asOf dd/MM/yyyy) → 202 and the import's address; GET it until the preview
/// is ready; POST …/commit; GET again for progress and outcome. The same jobs as the page.</summary>
public static class RostersApi
{
    /// <summary>The optional body of a commit: the number of leavers the user confirms.</summary>
    public sealed record CommitBody(int? ConfirmLeavers);

    public sealed record ImportState(Guid Id, string Status, int? Progress, string? Error, RosterPreview? Preview, RosterOutcome? Outcome);

    public static void MapRosterEndpoints(this RouteGroupBuilder api)
    {
        // importing is writing workers: a role without that right is refused (403), as on the pages
        var g = api.MapGroup("/").WithTags("Rosters").RequireArea(RegistryAreas.Workers, Access.Write);

        g.MapPost("/enterprises/{id:int}/rosters", async (int id, [FromForm] string? asOf, IFormFile? file, RosterUpload upload, ApiErrors errors,
                Lachan.Infrastructure.Localization.UiText text, CancellationToken ct) =>
            {
                DateOnly? date = asOf is null ? null
                    : DateOnly.TryParseExact(asOf, ["dd/MM/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
                if (asOf is not null && date is null) return errors.Validation(new FieldErrors { ["AsOf"] = "Date.Format" });
                await using var stream = file?.OpenReadStream();
                return await upload.CreateAsync(id, date, file?.FileName, file?.Length ?? 0, stream, ct) switch
                {
                    RosterUpload.Result.Queued q => Results.Accepted($"/api/v1/rosters/{q.Id}", new { id = q.Id }),
                    // as ApiErrors.Validation, with the size limit for "larger than the {0} MB limit"
                    RosterUpload.Result.Invalid i => Results.ValidationProblem(
                        i.Errors.ToDictionary(e => Camel(e.Key), e => new[] { text[e.Value, upload.MaxBytes / 1024 / 1024] }),
                        extensions: new Dictionary<string, object?> { ["codes"] = i.Errors.ToDictionary(e => Camel(e.Key), e => e.Value) }),
                    _ => Results.NotFound(),
                };
            })
            .DisableAntiforgery() // bearer-token clients; a browser cannot send this cross-site without a preflight
            .WithSummary("Upload an employer roster (xlsx or csv) for preview.");

        g.MapGet("/rosters/{id:guid}", async (Guid id, RosterUpload upload, RosterJobs jobs, Lachan.Infrastructure.Audit.AuditLog audit, CancellationToken ct) =>
            {
                if (await upload.FindAsync(id, ct) is not { } i) return Results.NotFound();
                var state = State(i, jobs);
                if (state.Preview is { } p && RosterPreviewAudit.IsViewOf(i)) await audit.ViewedAsync(id.ToString(), p, "api", ct);
                return Results.Ok(state);
            })
            .WithSummary("An import's status, progress, preview and outcome.")
            .Produces<ImportState>();

        g.MapPost("/rosters/{id:guid}/commit", async (Guid id, CommitBody? body, RosterUpload upload, RosterCommitStart start,
                Lachan.Infrastructure.Localization.UiText text, CancellationToken ct) =>
            {
                if (await upload.FindAsync(id, ct) is not { } i) return Results.NotFound();
                return await start.StartAsync(i, body?.ConfirmLeavers, ct) switch
                {
                    RosterCommitStart.Result.Queued => Results.Accepted($"/api/v1/rosters/{id}"),
                    // nothing written: the message states the number to send back as confirmLeavers
                    RosterCommitStart.Result.NeedsConfirmation c => Results.ValidationProblem(
                        new Dictionary<string, string[]> { ["confirmLeavers"] = [text[LeaversToConfirm.Code, c.Ask.Args]] },
                        extensions: new Dictionary<string, object?> { ["codes"] = new Dictionary<string, string> { ["confirmLeavers"] = LeaversToConfirm.Code }, ["leavers"] = c.Ask.Leavers }),
                    _ => Results.Problem(statusCode: 409, title: "Roster.NotReady"),
                };
            })
            .WithSummary("Commit a previewed import (all-or-nothing, in the background). When more than a set share of the "
                + "workforce would be recorded as having left, the body must confirm their number: {\"confirmLeavers\": 353}.");
    }

    private static string Camel(string s) => char.ToLowerInvariant(s[0]) + s[1..];

    public static ImportState State(RosterImport i, RosterJobs jobs) => new(i.Id, i.Status.ToString(), jobs.ProgressOf(i), i.ErrorCode,
        i.PreviewJson is null ? null : JsonSerializer.Deserialize<RosterPreview>(i.PreviewJson, RosterImports.Json),
        i.OutcomeJson is null ? null : JsonSerializer.Deserialize<RosterOutcome>(i.OutcomeJson, RosterImports.Json));
}
