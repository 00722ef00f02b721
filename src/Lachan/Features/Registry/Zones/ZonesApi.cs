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
        var g = api.MapGroup("/industrial-zones").WithTags("Industrial zones");

        g.MapGet("/", async Task<Results<Ok<Paged<ZoneRow>>, ForbidHttpResult>> ([AsParameters] ZoneListQuery query, ZoneList list, Jurisdiction scope, CancellationToken ct) =>
                scope.Can(RegistryAreas.Places, Access.Read) ? TypedResults.Ok(await list.RunAsync(query, ct)) : TypedResults.Forbid())
            .WithSummary("Industrial zones with area, district, and the numbers of enterprises and current workers in the caller's jurisdiction; paged. Sort: name, code, area, enterprises, workers (prefix - for descending).")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        g.MapGet("/{id:int}", async Task<Results<Ok<ZoneDetailData>, NotFound, ForbidHttpResult>> (int id, ZoneDetail details, Jurisdiction scope, CancellationToken ct) =>
            {
                if (!scope.Can(RegistryAreas.Places, Access.Read)) return TypedResults.Forbid();
                return await details.LoadAsync(id, ct) is { } z ? TypedResults.Ok(z) : TypedResults.NotFound();
            })
            .WithSummary("One industrial zone with its enterprises and their current worker counts.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        g.MapPost("/", async (ZoneForm form, ZoneEditor editor, ApiErrors errors, Jurisdiction scope, CancellationToken ct) =>
                !scope.Can(RegistryAreas.Places, Access.Write) ? Results.Forbid() : await editor.CreateAsync(form, ct) switch
                {
                    SaveResult.Saved s => Results.Created($"/api/v1/industrial-zones/{s.Id}", new { id = s.Id }),
                    SaveResult.Invalid i => errors.Validation(i.Errors),
                    _ => Results.NotFound(),
                })
            .WithSummary("Create an industrial zone (provincial steering committee).")
            .ProducesValidationProblem().Produces(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status403Forbidden);

        g.MapPut("/{id:int}", async (int id, ZoneForm form, ZoneEditor editor, ApiErrors errors, Jurisdiction scope, CancellationToken ct) =>
                !scope.Can(RegistryAreas.Places, Access.Write) ? Results.Forbid() : await editor.UpdateAsync(id, form, ct) switch
                {
                    SaveResult.Saved => Results.NoContent(),
                    SaveResult.Invalid i => errors.Validation(i.Errors),
                    _ => Results.NotFound(),
                })
            .WithSummary("Correct an industrial zone (provincial steering committee).")
            .ProducesValidationProblem().Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
