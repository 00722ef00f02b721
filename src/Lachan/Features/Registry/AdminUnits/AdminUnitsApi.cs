using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lachan.Features.Registry.AdminUnits;

/// <summary>/api/v1/admin-units: provinces, districts and communes with their validity dates.</summary>
public static class AdminUnitsApi
{
    public static void MapAdminUnitsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/admin-units").WithTags("Administrative units").RequireArea(RegistryAreas.Places, Access.Read);

        g.MapGet("/", async Task<Ok<Paged<AdminUnitRow>>> ([AsParameters] AdminUnitQuery query, AdminUnitList list, CancellationToken ct) =>
                TypedResults.Ok(await list.RunAsync(query, ct)))
            .WithSummary("Administrative units filtered by level (Province, District, Commune), parent code, name or code (q) and validity on a day (validOn=yyyy-MM-dd); paged. Units no longer valid have expired = true.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        g.MapGet("/{code}", async Task<Results<Ok<AdminUnitRow>, NotFound>> (string code, AdminUnitList list, CancellationToken ct) =>
                await list.FindAsync(code, ct) is { } u ? TypedResults.Ok(u) : TypedResults.NotFound())
            .WithSummary("One administrative unit by its code.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        g.MapPost("/", async (AdminUnitForm form, AdminUnitEditor editor, ApiErrors errors, CancellationToken ct) =>
                await editor.CreateAsync(form, ct) switch
                {
                    UnitSaveResult.Saved s => Results.Created($"/api/v1/admin-units/{s.Code}", new { code = s.Code }),
                    UnitSaveResult.Invalid i => errors.Validation(i.Errors),
                    _ => Results.NotFound(),
                })
            .RequireArea(RegistryAreas.Places, Access.Write)
            .WithSummary("Create an administrative unit (provincial steering committee).")
            .ProducesValidationProblem().Produces(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status403Forbidden);

        g.MapPut("/{code}", async (string code, AdminUnitForm form, AdminUnitEditor editor, ApiErrors errors, CancellationToken ct) =>
                await editor.UpdateAsync(code, form, ct) switch
                {
                    UnitSaveResult.Saved => Results.NoContent(),
                    UnitSaveResult.Invalid i => errors.Validation(i.Errors),
                    _ => Results.NotFound(),
                })
            .RequireArea(RegistryAreas.Places, Access.Write)
            .WithSummary("Correct an administrative unit (name, kind, parent, validity); its code and level never change.")
            .ProducesValidationProblem().Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
