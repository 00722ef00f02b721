using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lachan.Features.Registry.Workers;

/// <summary>/api/v1/workers: the same handlers as the pages, so both enforce the same rules and jurisdiction.</summary>
public static class WorkersApi
{
    public static void MapWorkersApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/workers").WithTags("Workers").RequireArea(RegistryAreas.Workers, Access.Read);

        // Each page read is audited (WorkerSearch.RunAsync): paging through the list reads the registry's personal data.
        g.MapGet("/", async ([AsParameters] WorkerSearchQuery query, WorkerSearch search, CancellationToken ct) =>
                Results.Ok(await search.RunAsync(query, ct)))
            .WithSummary("Search workers by CCCD/CMND, name (with or without diacritics), phone, enterprise or lodging house; paged.")
            .Produces<Paged<WorkerRow>>();

        // The same search with the criteria in the body, for clients that keep personal data out of URLs.
        g.MapPost("/search", async (WorkerSearchQuery query, WorkerSearch search, CancellationToken ct) =>
                Results.Ok(await search.RunAsync(query, ct)))
            .WithSummary("Search workers (criteria in the body).")
            .Produces<Paged<WorkerRow>>();

        g.MapGet("/{id:int}", async Task<Results<Ok<WorkerProfileData>, NotFound>> (int id, WorkerProfile profiles, CancellationToken ct) =>
                await profiles.LoadAsync(id, ct) is { } p ? TypedResults.Ok(p) : TypedResults.NotFound())
            .WithSummary("One worker's profile: identity, employments, residences, movements. Audited as a view.");

        g.MapPost("/", async (WorkerForm form, WorkerEditor editor, ApiErrors errors, Lachan.Infrastructure.Localization.UiText text, CancellationToken ct) =>
                await editor.CreateAsync(form, ct) switch
                {
                    // one answer whether the person was new or is registered elsewhere (ADR-0014): find them with POST /search
                    SaveResult.Recorded => Results.Accepted(value: new { status = "Recorded", message = text["Worker.HireRecorded"] }),
                    SaveResult.Invalid i => errors.Validation(i.Errors),
                    _ => Results.Forbid(),
                })
            .RequireArea(RegistryAreas.Workers, Access.Write)
            .WithSummary("Register (hire) a worker with employer, hire date, contract and optional lodging house. 202 whether the person is new or a hire to be reviewed.")
            .ProducesValidationProblem().Produces(StatusCodes.Status202Accepted);

        g.MapPut("/{id:int}", async (int id, WorkerForm form, WorkerEditor editor, ApiErrors errors, CancellationToken ct) =>
                (await editor.UpdateAsync(id, form, ct)).Updated(errors))
            .RequireArea(RegistryAreas.Workers, Access.Write)
            .WithSummary("Correct a worker's identity fields.")
            .ProducesValidationProblem().Produces(StatusCodes.Status204NoContent);
    }
}
