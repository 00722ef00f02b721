using Quartz;

namespace Lachan.Features.Rosters;

public static class RostersModule
{
    public static IServiceCollection AddRostersModule(this IServiceCollection services)
    {
        services.AddScoped<RosterPlanner>();
        services.AddScoped<RosterCommitter>();
        services.AddScoped<RosterImports>();
        services.AddScoped<RosterUpload>();
        services.AddSingleton<RosterJobs>();
        services.ConfigureAllQuartzSchedulers(UploadRetention.Schedule);
        return services;
    }

    public static IEndpointRouteBuilder MapRostersApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1").RequireAuthorization().MapRosterEndpoints();
        return app;
    }
}
