using System.Net;
using System.Text.Json;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;

namespace Lachan.Tests.Integration;

/// <summary>The app's public surface through HTTP, on each provider.</summary>
public sealed class WebTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    [Theory, BothProviders]
    public async Task Health_reports_the_database_healthy(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var response = await app.NewClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory, BothProviders]
    public async Task OpenApi_document_is_served(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var response = await app.NewClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("3.", doc.RootElement.GetProperty("openapi").GetString());
        Assert.True(doc.RootElement.TryGetProperty("paths", out _));
        Assert.True(doc.RootElement.TryGetProperty("info", out var info) && info.TryGetProperty("title", out _));
    }

    [Theory, BothProviders]
    public async Task Docs_serve_the_Swagger_UI_from_the_package(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var client = app.NewClient(followRedirects: true);
        var response = await client.GetAsync("/docs");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger-ui", html);
        Assert.DoesNotContain("/Account/Login", response.RequestMessage!.RequestUri!.AbsolutePath);
        // the UI's script and the configuration come from the app itself, not from the internet
        var init = await client.GetAsync("/docs/swagger-initializer.js");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/docs/swagger-ui-bundle.js")).StatusCode);
        var config = await client.GetStringAsync("/docs/index.js") + (init.IsSuccessStatusCode ? await init.Content.ReadAsStringAsync() : "");
        Assert.Contains("/openapi/v1.json", config);
    }

    [Theory, BothProviders]
    public async Task Security_headers_are_on_every_response(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var client = app.NewClient();
        foreach (var url in new[] { "/", "/Account/Login", "/health", "/api/v1/workers", "/css/site.css", "/no-such-page" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var nosniff), url);
            Assert.Equal("nosniff", Assert.Single(nosniff));
            Assert.True(response.Headers.TryGetValues("X-Frame-Options", out var frame), url);
            Assert.Equal("DENY", Assert.Single(frame));
            Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp), url);
            Assert.Contains("default-src 'self'", Assert.Single(csp));
            Assert.Contains("frame-ancestors 'none'", csp.Single());
        }
    }

    [Theory, BothProviders]
    public async Task Home_page_is_Vietnamese_by_default(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var html = await app.NewClient().GetPageAsync("/");
        Assert.Contains("<html lang=\"vi\">", html);
        Assert.Contains("Đăng nhập", html);
        Assert.Contains("data-testid=\"demo-notice\"", html);
    }

    [Theory, BothProviders]
    public async Task Unauthenticated_pages_redirect_to_the_login(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var client = app.NewClient();
        foreach (var url in new[] { "/Registry/Workers", "/Registry/Enterprises", "/Admin/Audit" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Account/Login", response.Headers.Location!.AbsolutePath);
            Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(url), response.Headers.Location.Query);
        }
    }

    [Theory, BothProviders]
    public async Task Unauthenticated_api_calls_get_401_problem_documents(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var client = app.NewClient();
        foreach (var url in new[] { "/api/v1/workers", "/api/v1/workers/1", "/api/v1/enterprises", "/api/v1/industrial-zones" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Null(response.Headers.Location);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
        }
    }

    [Theory, BothProviders]
    public async Task A_wrong_bearer_token_gets_401(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "lch_not-a-token");
        var response = await client.GetAsync("/api/v1/workers");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory, BothProviders]
    public async Task A_form_post_without_the_antiforgery_token_is_rejected(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        await app.AdminAsync();
        var client = app.NewClient();
        await client.GetAsync("/Account/Login"); // has the antiforgery cookie, but the form field is missing
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin", ["Password"] = Features.Registry.Demo.DemoAccounts.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Cookie("lachan.auth"));

        // the language switch is a form too
        var language = await client.PostAsync("/Account/Language", new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "en-US" }));
        Assert.Equal(HttpStatusCode.BadRequest, language.StatusCode);
    }

    [Theory, BothProviders]
    public async Task Every_form_on_the_layout_carries_an_antiforgery_token(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        await app.AdminAsync();
        var client = await app.LoggedInClientAsync("admin");
        var html = await client.GetStringAsync("/");
        var forms = System.Text.RegularExpressions.Regex.Matches(html, "<form[^>]*method=\"post\"[\\s\\S]*?</form>");
        Assert.True(forms.Count >= 2, "expected the language and log-out forms");
        Assert.All(forms, f => Assert.Contains("__RequestVerificationToken", f.Value));
    }
}
