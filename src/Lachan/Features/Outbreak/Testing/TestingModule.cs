namespace Lachan.Features.Outbreak.Testing;

public static class TestingModule
{
    public static IServiceCollection AddTestingModule(this IServiceCollection services)
    {
        services.AddScoped<TestingScope>();
        services.AddScoped<SampleEditor>();
        services.AddScoped<RetestList>();
        services.AddScoped<SampleList>();
        services.AddScoped<LabImport>();
        services.AddScoped<ScreeningSchedules>();
        return services;
    }

    public static IEndpointRouteBuilder MapTestingApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1").RequireAuthorization().MapTestingEndpoints();
        return app;
    }
}
