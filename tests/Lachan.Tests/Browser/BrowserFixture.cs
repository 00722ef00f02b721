using Lachan.Features.Registry.Demo;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lachan.Tests.Browser;

/// <summary>The app on a real loopback port (Kestrel) and one headless Debian Chromium driven by Playwright.
/// Each test opens its own browser context, so cookies (login, language) never leak between tests.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium; Playwright never downloads a browser here.</summary>
    public const string Chromium = "/usr/bin/chromium";

    public LachanApp App { get; private set; } = null!;
    public TestRegistry Registry { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: run the tests with `bash scripts/test.sh` (it installs Debian's chromium).");
        // What a newcomer gets: the demo province and its accounts, plus two workers the tests know by name.
        App = await LachanApp.StartAsync(DatabaseProvider.Sqlite, Seed.DemoProvince, realServer: true);
        Registry = await TestRegistry.AddAsync(App);
        Assertions.SetDefaultExpectTimeout(30_000);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.Address.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = width < 600,
            HasTouch = width < 600,
        });
        // Generous: on two cores the browser tests share the CPU with the integration tests running beside them.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

public static class Pages
{
    /// <summary>Runs a browser test body; on failure saves a full-page screenshot to TestResults/screenshots/NAME.png.</summary>
    public static async Task ShootOnFailureAsync(this IPage page, string name, Func<Task> body)
    {
        try
        {
            await body();
        }
        catch (Exception)
        {
            var file = Path.Combine(Repo.TestResults("screenshots"), $"{name}.png");
            try { await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true }); }
            catch (PlaywrightException) { /* the page may be gone: the original failure matters */ }
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    public static async Task LogInAsync(this IPage page, string userName, string password = DemoAccounts.Password)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
    }

    public static Task<string> LangAsync(this IPage page) => page.Locator("html").GetAttributeAsync("lang")!;

    /// <summary>True when nothing sticks out sideways (no horizontal scrolling on a phone). Measured against the layout
    /// width (clientWidth), not window.innerWidth: a mobile browser zooms out to show what sticks out, and innerWidth
    /// grows with it, so that comparison always passed on a phone.</summary>
    public static Task<bool> FitsWidthAsync(this IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1");
}
