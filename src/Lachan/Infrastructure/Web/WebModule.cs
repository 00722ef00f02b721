using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Localization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.RateLimiting;
using System.Threading.RateLimiting;

namespace Lachan.Infrastructure.Web;

public static class WebModule
{
    public const string PublicRateLimit = "public";

    public static IServiceCollection AddWeb(this IServiceCollection services)
    {
        services.AddSingleton<UiText>();
        // Vietnamese letters as themselves in HTML, not as &#x1EC5; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddSingleton(TimeProvider.System);
        services.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false)
            .AddMvcOptions(o => o.ModelBinderProviders.Insert(0, new Features.Shared.DateOnlyBinderProvider()));
        services.AddProblemDetails();
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        // Enums as names ("Female", "Indefinite") in the API: readable, and stable if the numbering changes.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        // Numbers are numbers: the web defaults read "12" as 12, which makes OpenAPI type every id `integer | string`.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict);
        services.AddOpenApi("v1");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(UiText.Vietnamese);
            o.SupportedCultures = o.SupportedUICultures = [UiText.Vietnamese, UiText.English];
            // Vietnamese unless the user chose otherwise (cookie); the browser's language is not asked.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        services.AddSingleton<LoginThrottle>();
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>(LoginThrottle.AddPolicy);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>(ConfigureForwardedHeaders);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(PublicRateLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "?",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromMinutes(1) }));
        });
        return services;
    }

    /// <summary>Behind a TLS-terminating reverse proxy: the client's address and scheme come from X-Forwarded-For and
    /// X-Forwarded-Proto, believed only from the proxies listed in ReverseProxy:KnownProxies (addresses) and
    /// ReverseProxy:KnownNetworks (CIDR); loopback is always trusted.</summary>
    private static void ConfigureForwardedHeaders(ForwardedHeadersOptions o, IConfiguration config)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        foreach (var ip in config.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [])
            o.KnownProxies.Add(System.Net.IPAddress.Parse(ip));
        foreach (var net in config.GetSection("ReverseProxy:KnownNetworks").Get<string[]>() ?? [])
            o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(net));
    }

    public static WebApplication UseWeb(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // The API answers every error with an RFC 7807 problem document; people get the error page.
        app.UseWhen(ctx => IsApi(ctx), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusFor });
            api.UseStatusCodePages();
        });
        app.UseWhen(ctx => !IsApi(ctx), pages =>
        {
            if (!app.Environment.IsDevelopment()) pages.UseExceptionHandler("/Error");
            pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        });
        // The benchmark turns Diagnostics:ServerTiming on; elsewhere timings are not handed to every visitor.
        if (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("Diagnostics:ServerTiming"))
            app.Use(ServerTiming);
        var hsts = !app.Environment.IsDevelopment();
        app.Use((ctx, next) => SecurityHeaders(ctx, next, hsts));
        app.UseStaticFiles();
        app.UseApiReferenceUi();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>A database too busy to answer in time (PostgreSQL's connection pool exhausted or a command timed out,
    /// SQLite busy) is 503, so a client retries later; measured under 200 approvals/s, those were 500s. Else 500.</summary>
    public static int StatusFor(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
            if (x is TimeoutException or System.Data.Common.DbException { IsTransient: true }
                or Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 })   // SQLITE_BUSY, SQLITE_LOCKED
                return StatusCodes.Status503ServiceUnavailable;
        return StatusCodes.Status500InternalServerError;
    }

    public static bool IsApi(HttpContext ctx) => ctx.Request.Path.StartsWithSegments("/api");

    /// <summary>`Server-Timing: app;dur=ms` on every response: the benchmark reads server-side latency from it.
    /// Only in development or with Diagnostics:ServerTiming=true, since it helps an attacker time lookups.</summary>
    private static Task ServerTiming(HttpContext ctx, Func<Task> next)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        ctx.Response.OnStarting(() =>
        {
            var ms = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            ctx.Response.Headers["Server-Timing"] = FormattableString.Invariant($"app;dur={ms:F2}");
            return Task.CompletedTask;
        });
        return next();
    }

    private static Task SecurityHeaders(HttpContext ctx, Func<Task> next, bool hsts)
    {
        var h = ctx.Response.Headers;
        // HTTPS only from now on, for a year (not in development: it would stick to localhost in the browser).
        if (hsts && ctx.Request.IsHttps)
            h.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "no-referrer";
        h["Permissions-Policy"] = "camera=(self), geolocation=(), microphone=()";
        h.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";
        return next();
    }
}
