using Lachan.Features.Registry.Demo;
using Lachan.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Lachan.Tests.Browser;

/// <summary>The README's and docs/demo.md's screenshots, taken from the demo a newcomer gets (`seed`: 20,000 workers, the
/// 2021 wave, the demo day 25/05/2021) at 1366 px and 390 px: docs/screenshots/demo-&lt;page&gt;-&lt;width&gt;.png.
/// Run by scripts/screenshots.sh only (<see cref="ScreenshotTheoryAttribute"/>). What a shot measures that a reader
/// should look at (something sticking out sideways, a script error, a page that failed) goes to the test output and to
/// TestResults/screenshots-notes.txt; the shot is taken anyway, so the pictures show what the user would see.</summary>
[Trait("Category", "Screenshots")]
public sealed class ScreenshotsTests(ScreenshotsFixture browser, ITestOutputHelper output) : IClassFixture<ScreenshotsFixture>
{
    /// <summary>Long lists are cut at this height: the top of a list is what a reader looks at.</summary>
    private const int MaxHeight = 2600;

    public static TheoryData<string, int> Accounts()
    {
        var data = new TheoryData<string, int>();
        foreach (var account in DemoAccounts.All)
            foreach (var width in new[] { 1366, 390 })
                data.Add(account.UserName, width);
        return data;
    }

    /// <summary>The story's key pages: (name, account or null for a visitor).</summary>
    private static readonly (string Name, string? Account)[] Story =
    [
        ("curve", "admin"),             // the epidemic curve by IZ with the lockdown marks (the steering home's chart)
        ("outbreak", "admin"),          // the outbreak picture: zones by level, cases per day by IZ
        ("affected", "admin"),          // who is affected on the demo day
        ("due", "yte"),                 // the health centre's due list
        ("relief-desk", "congdoan"),    // the relief desk's queue
        ("help", null),                 // the public help form
        ("transparency", null),         // the public transparency page
        ("support-list", "laodong"),    // one employer list through the support chain
        ("profile", "admin"),           // a worker's profile: the first case of the wave
    ];

    public static TheoryData<string, int> StoryPages()
    {
        var data = new TheoryData<string, int>();
        foreach (var (name, _) in Story)
            foreach (var width in new[] { 1366, 390 })
                data.Add(name, width);
        return data;
    }

    [ScreenshotTheory, MemberData(nameof(Accounts))]
    public async Task Home(string account, int width)
    {
        var page = await browser.NewPageAsync(account, width);
        await ShootAsync(page, $"home-{account}", width, async () =>
        {
            await page.GotoAsync("/");
            await Expect(page.GetByTestId("home-title")).ToContainTextAsync("25/05/2021");
            return null;
        });
    }

    [ScreenshotTheory, MemberData(nameof(StoryPages))]
    public async Task Page(string name, int width)
    {
        var account = Story.Single(s => s.Name == name).Account;
        var page = await browser.NewPageAsync(account, width);
        await ShootAsync(page, name, width, () => OpenAsync(page, name));
    }

    /// <summary>Opens the page; returns the element to shoot when it is not the whole page.</summary>
    private static async Task<ILocator?> OpenAsync(IPage page, string name)
    {
        switch (name)
        {
            case "curve":
                await page.GotoAsync("/");
                var curve = page.GetByTestId("chart-epidemic-curve");
                await Expect(curve.Locator("canvas")).ToBeVisibleAsync();
                return curve;
            case "outbreak": await page.GotoAsync("/Outbreak"); break;
            case "affected": await page.GotoAsync("/Outbreak/Affected"); break;
            case "due": await page.GotoAsync("/Outbreak/Cases/Due"); break;
            case "relief-desk": await page.GotoAsync("/Relief/Requests"); break;
            case "help": await page.GotoAsync("/Help"); break;
            case "transparency": await page.GotoAsync("/Relief/Supplies/Transparency"); break;
            case "support-list":
                await page.OpenFirstSupportListAsync();
                break;
            case "profile":
                // the wave's first case (BN of 13/05/2021 at KCN Đình Trám), reached as a user would: from the case
                await page.GotoAsync("/Outbreak/Cases/1");
                await page.GetByTestId("case-worker").ClickAsync();
                await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Registry/Workers/\\d+$"));
                break;
            default: throw new ArgumentOutOfRangeException(nameof(name), name, "not a page of the story");
        }
        return null;
    }

    private async Task ShootAsync(IPage page, string name, int width, Func<Task<ILocator?>> open)
    {
        var notes = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") notes.Add("console: " + m.Text); };
        page.Response += (_, r) => { if (r.Status >= 400 && !r.Url.EndsWith("/favicon.ico", StringComparison.Ordinal)) notes.Add($"{r.Status} {r.Url}"); };
        page.PageError += (_, e) => notes.Add("script: " + e);
        try
        {
            var element = await open();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            if (!await page.FitsWidthAsync())
                notes.Add("wider than the screen: " + await page.EvaluateAsync<string>(Overflowing));
            var file = Path.Combine(Repo.Path("docs", "screenshots"), $"demo-{name}-{width}.png");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            if (element is not null)
            {
                await element.ScrollIntoViewIfNeededAsync();
                await element.ScreenshotAsync(new LocatorScreenshotOptions { Path = file, Animations = ScreenshotAnimations.Disabled });
            }
            else
            {
                var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
                var clientWidth = await page.EvaluateAsync<int>("() => document.documentElement.clientWidth");
                await page.ScreenshotAsync(new PageScreenshotOptions
                {
                    Path = file,
                    FullPage = true,
                    Animations = ScreenshotAnimations.Disabled,
                    Clip = new Clip { X = 0, Y = 0, Width = clientWidth, Height = Math.Min(height, MaxHeight) },
                });
            }
        }
        finally
        {
            foreach (var note in notes) output.WriteLine(note);
            if (notes.Count > 0)
                await File.AppendAllLinesAsync(Path.Combine(Repo.TestResults(""), "screenshots-notes.txt"), notes.Select(n => $"demo-{name}-{width}: {n}"));
            await page.Context.CloseAsync();
        }
    }

    /// <summary>The outermost elements whose right edge passes the screen's: what to fix when a page scrolls sideways.</summary>
    private const string Overflowing = """
        () => {
            const w = document.documentElement.clientWidth;
            const out = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1
                && !(e.parentElement && e.parentElement.getBoundingClientRect().right > w + 1));
            return out.slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '')
                + ' (' + Math.round(e.getBoundingClientRect().right) + 'px)').join(', ');
        }
        """;
}
