using Lachan.Features.Registry.Contracts;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lachan.Features.Registry.Zones;

/// <summary>/api/v1/industrial-zones: the same handlers as the pages.</summary>
public static class ZonesApi
{
    public static void MapZonesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/industrial-zones").WithTags("Industrial zones").RequireArea(RegistryAreas.Places, Access.Read);

        g.MapGet("/", async Task<Ok<Paged<ZoneRow>>> ([AsParameters] ZoneListQuery query, ZoneList list, CancellationToken ct) =>
                TypedResults.Ok(await list.RunAsync(query, ct)))
            .WithSummary("Industrial zones with area, district, and the numbers of enterprises and current workers in the caller's jurisdiction; paged. Sort: name, code, area, enterprises, workers (prefix - for descending).")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        g.MapGet("/{id:int}", async Task<Results<Ok<ZoneDetailData>, NotFound>> (int id, ZoneDetail details, CancellationToken ct) =>
                await details.LoadAsync(id, ct) is { } z ? TypedResults.Ok(z) : TypedResults.NotFound())
            .WithSummary("One industrial zone with its enterprises and their current worker counts.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        g.MapPost("/", async (ZoneForm form, ZoneEditor editor, ApiErrors errors, CancellationToken ct) =>
                (await editor.CreateAsync(form, ct)).Created(errors, id => $"/api/v1/industrial-zones/{id}"))
            .RequireArea(RegistryAreas.Places, Access.Write)
            .WithSummary("Create an industrial zone (provincial steering committee).")
            .ProducesValidationProblem().Produces(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status403Forbidden);

        g.MapPut("/{id:int}", async (int id, ZoneForm form, ZoneEditor editor, ApiErrors errors, CancellationToken ct) =>
                (await editor.UpdateAsync(id, form, ct)).Updated(errors))
            .RequireArea(RegistryAreas.Places, Access.Write)
            .WithSummary("Correct an industrial zone (provincial steering committee).")
            .ProducesValidationProblem().Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
