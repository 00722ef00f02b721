using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lachan.Tests.Browser;

/// <summary>What the demo screenshots (scripts/screenshots.sh) showed broken or misleading, fixed in the pages' views and
/// css, kept fixed on the test province of the normal run.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotsFindingsBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task On_a_phone_the_relief_desk_shows_each_request_as_a_card_within_the_screen()
    {
        var page = await browser.NewPageAsync(390, 844);
        await page.ShootOnFailureAsync("findings-relief-desk", async () =>
        {
            await page.LogInAsync("congdoan");
            await page.GotoAsync("/Relief/Requests");
            var cells = page.GetByTestId("request-queue").Locator("tbody tr").First.Locator("td");
            await Expect(cells.First).ToBeVisibleAsync();
            // the table scrolled sideways inside its frame: the status and due columns were off the screen
            var rights = await cells.EvaluateAllAsync<double[]>("tds => tds.map(td => td.getBoundingClientRect().right)");
            var width = await page.EvaluateAsync<double>("() => document.documentElement.clientWidth");
            Assert.All(rights, right => Assert.InRange(right, 0, width));
            await Expect(cells.Last).ToHaveAttributeAsync("data-label", "Trạng thái");
        });
    }

    [Fact]
    public async Task A_support_list_shows_its_facts_as_label_and_value_and_amounts_on_one_line()
    {
        var page = await browser.NewPageAsync(1024, 768);   // a small laptop: the sidebar and eight columns share 1024 px
        await page.ShootOnFailureAsync("findings-support-list", async () =>
        {
            await page.LogInAsync("laodong");
            await page.OpenFirstSupportListAsync();
            // the header was an unstyled <dl>: each value indented on a line of its own under its label
            Assert.Equal("grid", await page.GetByTestId("list-header").Locator("dl").EvaluateAsync<string>("dl => getComputedStyle(dl).display"));
            // "1.000.000 ₫" broke before the ₫ in the narrow amount columns
            var lines = await page.Locator("td.num").EvaluateAllAsync<int[]>("""
                tds => tds.filter(td => td.textContent.trim()).map(td => {
                    const r = document.createRange(); r.selectNodeContents(td);
                    return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size;
                })
                """);
            Assert.NotEmpty(lines);
            Assert.All(lines, n => Assert.Equal(1, n));
        });
    }

    [Fact]
    public async Task Who_is_affected_says_which_counts_are_workers_and_which_enterprises()
    {
        var page = await browser.NewPageAsync(1366, 768);
        await page.ShootOnFailureAsync("findings-affected", async () =>
        {
            await page.LogInAsync("admin");
            await page.GotoAsync("/Outbreak/Affected");
            // "Doanh nghiệp tạm dừng 10.673" over "Doanh nghiệp tạm dừng hoạt động 217": the first counts workers
            var employer = page.Locator("dt:has(+ dd[data-testid=affected-employer])");
            await Expect(employer).ToHaveTextAsync("trong đó: doanh nghiệp tạm dừng");
            await Expect(page.Locator("dt:has(+ dd[data-testid=affected-lodging])")).ToHaveTextAsync("trong đó: ở trong vùng phong tỏa / cách ly");
        });
    }

    [Fact]
    public async Task A_smoothed_line_on_the_home_never_bulges_past_its_points()
    {
        var page = await browser.NewPageAsync(1366, 900);
        await page.ShootOnFailureAsync("findings-home-line", async () =>
        {
            await page.LogInAsync("admin");
            await page.GotoAsync("/");
            // the weekly affected-workers line rose above its highest point between two weeks
            var canvas = page.GetByTestId("chart-affected-workers").Locator("canvas");
            await Expect(canvas).ToBeVisibleAsync();
            Assert.Equal("monotone", await canvas.EvaluateAsync<string>("c => Chart.getChart(c).data.datasets[0].cubicInterpolationMode"));
        });
    }

    [Fact]
    public async Task A_lockdown_label_on_the_last_day_stays_inside_the_chart()
    {
        var page = await browser.NewPageAsync(1366, 900);
        // every label the charts draw, with where it starts and how wide it is
        await page.AddInitScriptAsync("""
            window.__labels = [];
            const fill = CanvasRenderingContext2D.prototype.fillText;
            CanvasRenderingContext2D.prototype.fillText = function (text, x, y) {
                window.__labels.push({ text: String(text), left: x, right: x + this.measureText(text).width, width: this.canvas.clientWidth });
                return fill.apply(this, arguments);
            };
            """);
        await page.ShootOnFailureAsync("findings-marker-label", async () =>
        {
            await page.LogInAsync("admin");
            await page.GotoAsync("/");
            var canvas = page.Locator("canvas[data-chart]").First;
            await Expect(canvas).ToBeVisibleAsync();
            // the demo's lockdown was marked near the curve's end and its label ran past the right edge, cut off
            var drawn = await canvas.EvaluateAsync<double[][]>("""
                c => {
                    const chart = Chart.getChart(c);
                    const last = chart.data.labels.length - 1;
                    chart.options.plugins.lachanMarkers.list = [{ index: last, label: "Phong tỏa: KCN Đình Trám cấp 3" }];
                    window.__labels = [];
                    chart.update();
                    return window.__labels.filter(l => l.text.startsWith("Phong tỏa")).map(l => [l.left, l.right, chart.chartArea.left, chart.chartArea.right]);
                }
                """);
            var label = Assert.Single(drawn);
            Assert.InRange(label[0], label[2], label[3]);
            Assert.InRange(label[1], label[2], label[3]);
        });
    }
}
