using Lachan.Infrastructure.Audit;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lachan.Tests.Browser;

/// <summary>The audit trail with long JSON values fits a phone and a desktop (the JSON wraps and folds), and no page
/// visited breaks the script policy (a blocked inline script shows as a console error).</summary>
[Collection(BrowserCollection.Name)]
public sealed class AuditBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 390, 844)]
    public async Task The_audit_trail_with_long_json_fits_the_screen(string device, int width, int height)
    {
        await browser.App.WithDbAsync(async db =>
        {
            db.AuditEvents.Add(new AuditEvent
            {
                At = AuditChain.Now(TimeProvider.System), UserName = "yte", Action = "update", EntityType = "Worker", EntityId = "1",
                Before = "{\"PermanentAddress\":\"" + string.Concat(Enumerable.Repeat("Thôn Đông, xã Hợp Thịnh, huyện Hiệp Hòa ", 8)) + "\"}",
                After = "{\"Phone\":\"0977000111\",\"LongWordWithoutSpaces\":\"" + new string('x', 400) + "\"}",
            });
            await db.SaveChangesAsync();
        });
        var page = await browser.NewPageAsync(width, height);
        var violations = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error" && m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) violations.Add(m.Text); };
        await page.ShootOnFailureAsync($"audit-{device}", async () =>
        {
            await page.LogInAsync("admin");
            await page.GotoAsync("/Admin/Audit?UserName=yte");
            await Expect(page.GetByTestId("audit-table")).ToBeVisibleAsync();
            Assert.True(await page.FitsWidthAsync(), "the audit page is wider than the screen");
            Assert.True(await page.EvaluateAsync<bool>("() => [...document.querySelectorAll('.table-wrap')].every(w => w.scrollWidth <= w.clientWidth + 1)"),
                "the audit table scrolls sideways");
            await Expect(page.GetByTestId("audit-table")).ToContainTextAsync("(giờ Việt Nam)");

            // the long value opens in place and still fits
            await page.Locator("td.json details summary").First.ClickAsync();
            Assert.True(await page.FitsWidthAsync(), "an opened JSON value is wider than the screen");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Infrastructure.Repo.TestResults("screenshots"), $"audit-{device}-ok.png") });

            await page.GotoAsync("/docs");
            await Expect(page.Locator(".swagger-ui").First).ToBeVisibleAsync();
            Assert.Empty(violations);
        });
    }
}
