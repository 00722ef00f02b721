using Microsoft.Playwright;
using Lachan.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Lachan.Tests.Browser;

/// <summary>Each role's home page in Chromium at desktop (1366 px) and phone (390 px) width: its numbers, the charts
/// drawn by Chart.js (from the vendored file, under the Content-Security-Policy), each chart's table, nothing wider
/// than the screen. The screenshots go to docs/screenshots/ for the README.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HomeBrowserTests(BrowserFixture browser)
{
    public static TheoryData<string, int> RolesAndWidths()
    {
        var data = new TheoryData<string, int>();
        foreach (var user in new[] { "admin", "kcn", "yte", "doanhnghiep", "xa", "tinhnguyen" })
            foreach (var width in new[] { 1366, 390 })
                data.Add(user, width);
        return data;
    }

    [Theory, MemberData(nameof(RolesAndWidths))]
    public async Task Each_role_opens_on_its_home(string user, int width)
    {
        var page = await browser.NewPageAsync(width, width < 600 ? 844 : 900);
        var errors = new List<string>();
        // script errors, and failed loads by address (the browser's own /favicon.ico request belongs to the shell)
        page.Console += (_, m) => { if (m.Type == "error" && !m.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)) errors.Add(m.Text); };
        page.Response += (_, r) => { if (r.Status >= 400 && !r.Url.EndsWith("/favicon.ico", StringComparison.Ordinal)) errors.Add($"{r.Status} {r.Url}"); };
        page.PageError += (_, e) => errors.Add(e);
        await page.ShootOnFailureAsync($"home-{user}-{width}", async () =>
        {
            await page.LogInAsync(user);
            await page.GotoAsync("/");
            await Expect(page.Locator("h1")).ToContainTextAsync("25/05/2021");
            await Expect(page.GetByTestId("demo-clock")).ToContainTextAsync("25/05/2021");
            await Expect(page.Locator(".figure-value").First).ToBeVisibleAsync();   // the volunteer too: their requests and deliveries
            if (user == "tinhnguyen") await Expect(page.GetByTestId("home-relief")).ToBeVisibleAsync();
            if (user == "doanhnghiep") await Expect(page.GetByTestId("home-enterprise-health")).ToBeVisibleAsync();
            if (user == "admin")
            {
                // the charts are drawn (a Chart.js instance on each canvas) and each has its table
                foreach (var chart in new[] { "epidemic-curve", "quarantine-flow", "affected-workers" })
                {
                    var canvas = page.GetByTestId($"chart-{chart}").Locator("canvas");
                    await Expect(canvas).ToBeVisibleAsync();
                    Assert.True(await canvas.EvaluateAsync<bool>("c => !!window.Chart && !!Chart.getChart(c)"), $"{chart} is not drawn");
                    await page.GetByTestId($"table-{chart}").Locator("summary").ClickAsync();
                    await Expect(page.GetByTestId($"table-{chart}").Locator("table")).ToBeVisibleAsync();
                    await page.GetByTestId($"table-{chart}").Locator("summary").ClickAsync();   // closed again for the screenshot
                }
                Assert.True(await page.Locator("canvas.sparkline").First.EvaluateAsync<bool>("c => !!Chart.getChart(c)"), "the sparklines are not drawn");
                // a responsive canvas without a sized container grows without end: each stays at its box's height
                var heights = await page.Locator("canvas.sparkline, .chart-box canvas").EvaluateAllAsync<double[]>("cs => cs.map(c => c.getBoundingClientRect().height)");
                Assert.All(heights, h => Assert.InRange(h, 1, 300));
            }
            Assert.True(await page.FitsWidthAsync(), "the home page is wider than the screen");
            Assert.True(errors.Count == 0, "console errors: " + string.Join("; ", errors));
            var folder = Repo.Path("docs", "screenshots");
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"home-{user}-{width}.png"), FullPage = true });
        });
    }
}
