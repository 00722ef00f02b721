using Lachan.Features.Registry.AdminUnits;
using Lachan.Features.Registry.Enterprises;
using Lachan.Features.Registry.Lodging;
using Lachan.Features.Registry.Transfers;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Registry.Zones;
using Lachan.Features.Shared;

namespace Lachan.Features.Registry;

public static class RegistryModule
{
    public static IServiceCollection AddRegistryModule(this IServiceCollection services)
    {
        services.AddScoped<ApiErrors>();
        services.AddScoped<WorkerSearch>();
        services.AddScoped<WorkerProfile>();
        services.AddScoped<WorkerEditor>();
        services.AddSingleton<IWorkerProfileSection, EmploymentsSection>();
        services.AddSingleton<IWorkerProfileSection, ResidencesSection>();
        services.AddSingleton<IWorkerProfileSection, MovementsSection>();
        services.AddScoped<WorkerCounts>();
        services.AddScoped<PlaceLookup>();
        services.AddScoped<AdminUnitList>();
        services.AddScoped<AdminUnitEditor>();
        services.AddScoped<EnterpriseSearch>();
        services.AddScoped<EnterpriseDetail>();
        services.AddScoped<EnterpriseEditor>();
        services.AddScoped<EnterpriseStatusEditor>();
        services.AddScoped<LodgingSearch>();
        services.AddScoped<LodgingDetail>();
        services.AddScoped<LodgingEditor>();
        services.AddScoped<ZoneList>();
        services.AddScoped<ZoneDetail>();
        services.AddScoped<ZoneEditor>();
        services.AddScoped<TransferReview>();
        services.AddScoped<LodgingChoices>();
        return services;
    }

    public static IEndpointRouteBuilder MapRegistryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization();
        api.MapWorkersApi();
        api.MapZonesApi();
        api.MapEnterprisesApi();
        api.MapLodgingApi();
        api.MapAdminUnitsApi();
        api.MapTransfersApi();
        return app;
    }
}
