using System.Collections.Concurrent;
using Lachan.Features.Registry.Demo;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Lachan.Tests.Browser;

/// <summary>Chromium driven against an app that is already running on the demo (scripts/screenshots.sh starts it on the
/// `seed` demo and names it in <see cref="UrlVariable"/>). Logs each account in once and reuses its cookies.</summary>
public sealed class ScreenshotsFixture : IAsyncLifetime
{
    public const string UrlVariable = "LACHAN_SCREENSHOTS_URL";

    public static string? Url => Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } url ? url.TrimEnd('/') : null;

    private readonly ConcurrentDictionary<string, string> _logins = new();
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.Chromium,
            Headless = true,
            Timeout = 60_000,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A page at <paramref name="width"/> px, signed in as <paramref name="account"/> (null: a visitor).</summary>
    public async Task<IPage> NewPageAsync(string? account, int width)
    {
        var phone = width < 600;
        var options = new BrowserNewContextOptions
        {
            BaseURL = Url ?? throw new InvalidOperationException($"{UrlVariable} is not set: run scripts/screenshots.sh"),
            ViewportSize = new ViewportSize { Width = width, Height = phone ? 844 : 768 },
            IsMobile = phone,
            HasTouch = phone,
            Locale = "vi-VN",
        };
        if (account is not null) options.StorageState = await LoginAsync(account);
        var context = await _browser.NewContextAsync(options);
        // every wait is bounded: a page that does not come within a minute fails its shot, not the whole run
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    private async Task<string> LoginAsync(string account)
    {
        if (_logins.TryGetValue(account, out var state)) return state;
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Url });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.LogInAsync(account, DemoAccounts.Password);
        state = await context.StorageStateAsync();
        await context.CloseAsync();
        return _logins[account] = state;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

public static class DemoPages
{
    /// <summary>Opens the support list with the lowest id the caller sees (the demo's first: NQ68 work stoppage, approved).</summary>
    public static async Task OpenFirstSupportListAsync(this IPage page)
    {
        await page.GotoAsync("/Support/Lists");
        var ids = await page.Locator("[data-testid=support-lists] a[href^='/Support/Lists/Detail/']")
            .EvaluateAllAsync<int[]>("as => as.map(a => +a.getAttribute('href').split('/').pop())");
        Assert.NotEmpty(ids);
        await page.GotoAsync($"/Support/Lists/Detail/{ids.Min()}");
    }
}

/// <summary>A theory that exists only when <see cref="ScreenshotsFixture.UrlVariable"/> names a running demo: the normal
/// test run (scripts/test.sh) neither runs nor lists it, so it costs nothing there and is never reported as skipped.</summary>
[XunitTestCaseDiscoverer("Lachan.Tests.Browser.ScreenshotTheoryDiscoverer", "Lachan.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ScreenshotTheoryAttribute : TheoryAttribute;

public sealed class ScreenshotTheoryDiscoverer(IMessageSink sink) : TheoryDiscoverer(sink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        ScreenshotsFixture.Url is null ? [] : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}
