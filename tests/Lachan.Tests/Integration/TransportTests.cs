using System.Net;
using System.Text.RegularExpressions;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;

namespace Lachan.Tests.Integration;

/// <summary>Apps configured as in production (not the Development environment the test host defaults to).</summary>
public sealed class ProductionApps() : Apps(Seed.Empty, new Dictionary<string, string> { ["environment"] = "Production" });

/// <summary>What the app says about transport and scripts: HSTS and secure cookies over HTTPS (also behind a
/// TLS-terminating proxy that sends X-Forwarded-Proto), a script policy without inline scripts, and no
/// Server-Timing unless turned on.</summary>
public sealed partial class TransportTests(ProductionApps apps) : IClassFixture<ProductionApps>
{
    [Theory, BothProviders]
    public async Task Behind_an_https_proxy_responses_carry_hsts_and_every_cookie_is_secure(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var user = await app.NewUserAsync("tls");
        // the proxy speaks plain HTTP to the app and says the client used HTTPS
        var proxied = app.NewClient();
        proxied.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var form = await proxied.GetAsync("/Account/Login");
        Assert.Contains("max-age=", Assert.Single(form.Headers.GetValues("Strict-Transport-Security")));
        Assert.Contains("; secure", SetCookies(form).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);

        // a browser on HTTPS (it sends secure cookies back only there) logs in and picks a language
        var client = app.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var login = await client.PostLoginAsync(user.UserName!);
        var language = await client.PostFormAsync("/", new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "/" }, "/Account/Language");
        var cookies = SetCookies(login).Concat(SetCookies(language)).ToList();
        Assert.Contains(cookies, c => c.StartsWith("lachan.auth=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage r) => r.Headers.TryGetValues("Set-Cookie", out var v) ? v : [];

    [Theory, BothProviders]
    public async Task Over_plain_http_there_is_no_hsts(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var response = await app.NewClient().GetAsync("/Account/Login");
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory, BothProviders]
    public async Task Server_timing_is_not_sent_unless_turned_on(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        Assert.False((await app.NewClient().GetAsync("/health")).Headers.Contains("Server-Timing"));

        await using var bench = await LachanApp.StartAsync(provider, Seed.Empty,
            settings: new Dictionary<string, string> { ["environment"] = "Production", ["Diagnostics:ServerTiming"] = "true" });
        Assert.Matches(@"^app;dur=\d", Assert.Single((await bench.NewClient().GetAsync("/health")).Headers.GetValues("Server-Timing")));
    }

    [Theory, BothProviders]
    public async Task Scripts_come_only_from_the_app(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var csp = Assert.Single((await app.NewClient().GetAsync("/Account/Login")).Headers.GetValues("Content-Security-Policy"));
        var scripts = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.Equal("script-src 'self'", scripts);

        // so no page may carry an inline script or an inline event handler (it would silently not run)
        var inline = Directory.EnumerateFiles(Repo.Path("src", "Lachan", "Features"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => InlineScript().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Value}"))
            .ToList();
        Assert.Empty(inline);
    }

    // a JSON data block (type="application/json") is data, not a script: the browser never runs it
    [GeneratedRegex(@"<script(?![^>]*\ssrc=)(?![^>]*\stype=""application/json"")[^>]*>|\son[a-z]+\s*=\s*[""']|javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
