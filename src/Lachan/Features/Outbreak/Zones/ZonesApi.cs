using Lachan.Features.Registry.Contracts;
using Lachan.Features.Outbreak.Contracts;
using Lachan.Infrastructure;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Lachan.Infrastructure.Calendar;

namespace Lachan.Features.Outbreak.Zones;

public static class ZonesApi
{
    public static void MapZoneEndpoints(this RouteGroupBuilder api)
    {
        var zones = api.MapGroup("/control-zones").WithTags("Outbreak zones").RequireArea(OutbreakAreas.Zones, Access.Read);

        // Dates are taken as text and parsed here: a bad one is a validation problem naming the field, not a bare 400.
        zones.MapGet("/", async (string? date, ZoneStatus status, ApiErrors errors, ProvinceCalendar calendar, CancellationToken ct) =>
                !QueryDate.TryParse(date, out var day) ? errors.Validation(QueryDate.Error("Date", date))
                : Results.Ok(await status.ListAsync(day ?? calendar.Today, ct)))
            .WithSummary("Zones (IZ, commune, lodging cluster, enterprise site) with their level on the date (yyyy-MM-dd, default today) and the order that sets it.")
            .Produces<IReadOnlyList<ZoneStatusRow>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        zones.MapGet("/{id:int}", async (int id, string? date, ZoneStatus status, ApiErrors errors, ProvinceCalendar calendar, CancellationToken ct) =>
            {
                if (!QueryDate.TryParse(date, out var day)) return errors.Validation(QueryDate.Error("Date", date));
                return await status.LoadAsync(id, day ?? calendar.Today, ct) is { } z ? Results.Ok(z) : Results.NotFound();
            })
            .WithSummary("One zone: its status timeline (periods with the order behind each) and its orders with exemptions.")
            .Produces<ZoneStatusDetail>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        zones.MapPost("/", async (ControlZoneForm form, ZoneOrders orders, ApiErrors errors, CancellationToken ct) =>
                (await orders.CreateZoneAsync(form, ct)).Created(errors, id => $"/api/v1/control-zones/{id}"))
            .RequireArea(OutbreakAreas.Zones, Access.Write)
            .WithSummary("Define a zone: kind industrialZone (industrialZoneCode), commune (communeCode), enterpriseSite (enterpriseTaxCode) or lodgingCluster (lodgingHouseIds, name).")
            .ProducesValidationProblem().Produces(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status403Forbidden);

        zones.MapPost("/{id:int}/orders", async (int id, ZoneOrderForm form, ZoneOrders orders, ApiErrors errors, CancellationToken ct) =>
                (await orders.AddOrderAsync(id, form, null, ct)).Created(errors, orderId => $"/api/v1/control-zones/{id}"))
            .RequireArea(OutbreakAreas.Zones, Access.Write)
            .WithSummary("Issue an order on a zone: level (lockdown, medicalIsolation, socialDistancing, normal), decision number and date, issuing authority, effective from/to, exempt enterprises' tax codes. A future effectiveFrom plans it.")
            .ProducesValidationProblem().Produces(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/zone-orders/{id:int}/lift", async (int id, LiftForm form, ZoneOrders orders, ApiErrors errors, CancellationToken ct) =>
                (await orders.LiftAsync(id, form.LiftedOn, ct)).Updated(errors))
            .RequireArea(OutbreakAreas.Zones, Access.Write)
            .WithTags("Outbreak zones")
            .WithSummary("Lift an order from a day (the zone is normal from then on); lifting on or before its first day cancels a planned order.")
            .ProducesValidationProblem().Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/affected", async (string? date, int? zone, int? order, int? page, int? pageSize, AffectedWorkers affected, ApiErrors errors, CancellationToken ct) =>
            {
                if (!QueryDate.TryParse(date, out var day)) return errors.Validation(QueryDate.Error("Date", date));
                var query = new AffectedQuery { Date = day, Zone = zone, Order = order, Page = page, PageSize = pageSize };
                return await affected.RunAsync(query, ct) is { } r ? Results.Ok(r) : Results.NotFound();
            })
            .RequireArea(OutbreakAreas.Zones, Access.Read).RequireArea(RegistryAreas.Workers, Access.Read)   // it lists workers
            .WithTags("Outbreak zones")
            .WithSummary("Who is affected on a date (default today), province-wide or for one zone or order: workers employed at stopped enterprises or residing in locked lodging houses (the caller's jurisdiction), stopped enterprises, and counts by IZ, enterprise, commune and home province. Workers are paged. date=yyyy-MM-dd.")
            .Produces<AffectedResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    public sealed record LiftForm(DateOnly? LiftedOn);
}
