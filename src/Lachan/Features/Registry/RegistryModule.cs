using Lachan.Features.Registry.Workers;
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
        services.AddScoped<Rosters.RosterPlanner>();
        services.AddScoped<Rosters.RosterCommitter>();
        services.AddScoped<Rosters.RosterImports>();
        services.AddSingleton<IWorkerProfileSection, EmploymentsSection>();
        services.AddSingleton<IWorkerProfileSection, ResidencesSection>();
        services.AddSingleton<IWorkerProfileSection, MovementsSection>();
        return services;
    }

    public static IEndpointRouteBuilder MapRegistryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization();
        api.MapWorkersApi();
        return app;
    }
}
