namespace Lachan.Infrastructure.Web;

public static class ApiReference
{
    /// <summary>OpenAPI at /openapi/v1.json and the interactive reference at /docs (Swagger UI, served from the
    /// package: nothing is loaded from the internet).</summary>
    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "docs";
            o.SwaggerEndpoint("/openapi/v1.json", "Lachan API v1");
            o.DocumentTitle = "Lachan API";
        });
        return app;
    }
}
