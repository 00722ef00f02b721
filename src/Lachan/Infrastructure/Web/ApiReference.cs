namespace Lachan.Infrastructure.Web;

public static class ApiReference
{
    /// <summary>OpenAPI at /openapi/v1.json and the interactive reference at /docs (Swagger UI, served from the
    /// package: nothing is loaded from the internet).</summary>
    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return app;
    }

    /// <summary>Called by UseWeb before authorization: the UI is static files showing a public document, and the
    /// authorization fallback policy would otherwise send every visitor of /docs to the login page.</summary>
    public static IApplicationBuilder UseApiReferenceUi(this IApplicationBuilder app)
    {
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "docs";
            o.SwaggerEndpoint("/openapi/v1.json", "Lachan API v1");
            o.DocumentTitle = "Lachan API";
        });
        return app;
    }
}
