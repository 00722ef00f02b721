using Lachan.Features.Registry.Workers;

namespace Lachan.Features.Outbreak.Cases;

public static class CasesModule
{
    public static IServiceCollection AddCasesModule(this IServiceCollection services)
    {
        services.AddScoped<CaseScope>();
        services.AddScoped<CaseEditor>();
        services.AddScoped<CaseList>();
        services.AddScoped<CaseDetail>();
        services.AddScoped<ContactSuggestions>();
        services.AddScoped<ContactDecisions>();
        services.AddScoped<Clusters>();
        services.AddScoped<ContactList>();
        services.AddScoped<QuarantineList>();
        services.AddScoped<QuarantineRelease>();
        services.AddScoped<DueList>();
        // scoped, unlike the registry's sections: what it shows depends on the user's role
        services.AddScoped<IWorkerProfileSection, HealthSection>();
        return services;
    }

    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1").RequireAuthorization().MapCaseEndpoints();
        return app;
    }
}
