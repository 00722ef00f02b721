using Lachan.Features.Registry.Contracts;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lachan.Features.Registry.Enterprises;

/// <summary>/api/v1/enterprises: the same handlers as the pages, so both enforce the same rules and jurisdiction.</summary>
public static class EnterprisesApi
{
    public static void MapEnterprisesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/enterprises").WithTags("Enterprises");

        g.MapGet("/", async Task<Results<Ok<Paged<EnterpriseRow>>, ForbidHttpResult>> ([AsParameters] EnterpriseSearchQuery query, EnterpriseSearch search, Jurisdiction scope, CancellationToken ct) =>
                scope.Can(RegistryAreas.Enterprises, Access.Read) ? TypedResults.Ok(await search.RunAsync(query, ct)) : TypedResults.Forbid())
            .WithSummary("Search enterprises by name without diacritics (q) or tax code, filter by industrial zone and status; paged, with current worker counts. Sort: name, taxCode, zone, status, workers (prefix - for descending).")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        g.MapGet("/{id:int}", async Task<Results<Ok<EnterpriseDetailData>, NotFound, ForbidHttpResult>> (int id, EnterpriseDetail details, Jurisdiction scope, CancellationToken ct) =>
            {
                if (!scope.Can(RegistryAreas.Enterprises, Access.Read)) return TypedResults.Forbid();
                return await details.LoadAsync(id, ct) is { } e ? TypedResults.Ok(e) : TypedResults.NotFound();
            })
            .WithSummary("One enterprise: facts, status history and number of current workers (list them with GET /api/v1/workers?enterpriseId=).")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        g.MapPost("/", async (EnterpriseForm form, EnterpriseEditor editor, ApiErrors errors, Jurisdiction scope, CancellationToken ct) =>
                !scope.Can(RegistryAreas.Enterprises, Access.Write) ? Results.Forbid() : await editor.CreateAsync(form, ct) switch
                {
                    SaveResult.Saved s => Results.Created($"/api/v1/enterprises/{s.Id}", new { id = s.Id }),
                    SaveResult.Invalid i => errors.Validation(i.Errors),
                    _ => Results.NotFound(),
                })
            .WithSummary("Register an enterprise (steering committee; IZ board within its zones). Tax code: 10 digits or 10-3.")
            .ProducesValidationProblem().Produces(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status403Forbidden);

        g.MapPut("/{id:int}", async (int id, EnterpriseForm form, EnterpriseEditor editor, ApiErrors errors, Jurisdiction scope, CancellationToken ct) =>
                !scope.Can(RegistryAreas.Enterprises, Access.Write) ? Results.Forbid() : await editor.UpdateAsync(id, form, ct) switch
                {
                    SaveResult.Saved => Results.NoContent(),
                    SaveResult.Invalid i => errors.Validation(i.Errors),
                    _ => Results.NotFound(),
                })
            .WithSummary("Correct an enterprise's facts (not its status: see POST /{id}/status).")
            .ProducesValidationProblem().Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        g.MapPost("/{id:int}/status", async (int id, EnterpriseStatusForm form, EnterpriseStatusEditor editor, ApiErrors errors, Jurisdiction scope, CancellationToken ct) =>
                !scope.Can(RegistryAreas.Enterprises, Access.Write) ? Results.Forbid() : await editor.ChangeAsync(id, form, ct) switch
                {
                    SaveResult.Saved => Results.NoContent(),
                    SaveResult.Invalid i => errors.Validation(i.Errors),
                    _ => Results.NotFound(),
                })
            .WithSummary("Change an enterprise's status (Operating, Suspended, Closed) from a date (yyyy-MM-dd) with a reason; kept in its history.")
            .ProducesValidationProblem().Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
