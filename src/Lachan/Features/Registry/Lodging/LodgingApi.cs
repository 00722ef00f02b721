using Lachan.Features.Registry.Contracts;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lachan.Features.Registry.Lodging;

/// <summary>/api/v1/lodging-houses: the same handlers as the pages. Enterprise HR has no access to lodging (403).</summary>
public static class LodgingApi
{
    public static void MapLodgingApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/lodging-houses").WithTags("Lodging houses").RequireArea(RegistryAreas.Lodging, Access.Read);

        g.MapGet("/", async Task<Ok<Paged<LodgingRow>>> ([AsParameters] LodgingSearchQuery query, LodgingSearch search, CancellationToken ct) =>
                TypedResults.Ok(await search.RunAsync(query, ct)))
            .WithSummary("Lodging houses by commune (communeCode) and by words of the name, address or landlord's name without diacritics (q); paged, with landlord and current residents. Sort: name, commune, capacity, residents (prefix - for descending).")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        g.MapGet("/{id:int}", async Task<Results<Ok<LodgingDetailData>, NotFound>> (int id, LodgingDetail details, CancellationToken ct) =>
                await details.LoadAsync(id, ct) is { } l ? TypedResults.Ok(l) : TypedResults.NotFound())
            .WithSummary("One lodging house with its landlord and number of current residents (list them with GET /api/v1/workers?lodgingHouseId=).")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        g.MapPost("/", async (LodgingForm form, LodgingEditor editor, ApiErrors errors, CancellationToken ct) =>
                (await editor.CreateAsync(form, ct)).Created(errors, id => $"/api/v1/lodging-houses/{id}"))
            .RequireArea(RegistryAreas.Lodging, Access.Write)
            .WithSummary("Register a lodging house with its landlord (steering committee; district or commune within its area).")
            .ProducesValidationProblem().Produces(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status403Forbidden);

        g.MapPut("/{id:int}", async (int id, LodgingForm form, LodgingEditor editor, ApiErrors errors, CancellationToken ct) =>
                (await editor.UpdateAsync(id, form, ct)).Updated(errors))
            .RequireArea(RegistryAreas.Lodging, Access.Write)
            .WithSummary("Correct a lodging house and its landlord.")
            .ProducesValidationProblem().Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
