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
        var g = api.MapGroup("/enterprises").WithTags("Enterprises").RequireArea(RegistryAreas.Enterprises, Access.Read);

        g.MapGet("/", async Task<Ok<Paged<EnterpriseRow>>> ([AsParameters] EnterpriseSearchQuery query, EnterpriseSearch search, CancellationToken ct) =>
                TypedResults.Ok(await search.RunAsync(query, ct)))
            .WithSummary("Search enterprises by name without diacritics (q) or tax code, filter by industrial zone and status; paged, with current worker counts. Sort: name, taxCode, zone, status, workers (prefix - for descending).")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        g.MapGet("/{id:int}", async Task<Results<Ok<EnterpriseDetailData>, NotFound>> (int id, EnterpriseDetail details, CancellationToken ct) =>
                await details.LoadAsync(id, ct) is { } e ? TypedResults.Ok(e) : TypedResults.NotFound())
            .WithSummary("One enterprise: facts, status history and number of current workers (list them with GET /api/v1/workers?enterpriseId=).")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        g.MapPost("/", async (EnterpriseForm form, EnterpriseEditor editor, ApiErrors errors, CancellationToken ct) =>
                (await editor.CreateAsync(form, ct)).Created(errors, id => $"/api/v1/enterprises/{id}"))
            .RequireArea(RegistryAreas.Enterprises, Access.Write)
            .WithSummary("Register an enterprise (steering committee; IZ board within its zones). Tax code: 10 digits or 10-3.")
            .ProducesValidationProblem().Produces(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status403Forbidden);

        g.MapPut("/{id:int}", async (int id, EnterpriseForm form, EnterpriseEditor editor, ApiErrors errors, CancellationToken ct) =>
                (await editor.UpdateAsync(id, form, ct)).Updated(errors))
            .RequireArea(RegistryAreas.Enterprises, Access.Write)
            .WithSummary("Correct an enterprise's facts (not its status: see POST /{id}/status).")
            .ProducesValidationProblem().Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        g.MapPost("/{id:int}/status", async (int id, EnterpriseStatusForm form, EnterpriseStatusEditor editor, ApiErrors errors, CancellationToken ct) =>
                (await editor.ChangeAsync(id, form, ct)).Updated(errors))
            .RequireArea(RegistryAreas.Enterprises, Access.Write)
            .WithSummary("Change an enterprise's status (Operating, Suspended, Closed) from a date (yyyy-MM-dd) with a reason; kept in its history.")
            .ProducesValidationProblem().Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
