using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lachan.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class LanguageTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 390, 844)]
    public async Task Log_in_see_Vietnamese_switch_to_English_and_it_is_remembered(string device, int width, int height)
    {
        var page = await browser.NewPageAsync(width, height);
        await page.ShootOnFailureAsync($"language-{device}", async () =>
        {
            await page.LogInAsync("admin");

            // Vietnamese by default
            Assert.Equal("vi", await page.LangAsync());
            await Expect(page.Locator("h1")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Số liệu trong ngày"));   // the role's home
            await Expect(page.GetByTestId("user-name")).ToHaveTextAsync("Nguyễn Văn An");
            var switcher = page.GetByTestId("language-switch");
            await Expect(switcher).ToBeVisibleAsync();
            await Expect(switcher).ToHaveTextAsync("English");
            Assert.True(await page.FitsWidthAsync(), "the home page is wider than the screen");

            // switch to English
            await switcher.ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await Expect(page.Locator("h1")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Numbers of the day"));
            await Expect(switcher).ToHaveTextAsync("Tiếng Việt");

            // remembered on the next page
            await page.GotoAsync("/Registry/Workers");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Workers");
            Assert.True(await page.FitsWidthAsync(), "the workers page is wider than the screen");

            // and back to Vietnamese, staying on the same page
            await page.GetByTestId("language-switch").ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Người lao động");
            Assert.EndsWith("/Registry/Workers", page.Url);
        });
    }

    [Fact]
    public async Task The_language_choice_is_remembered_before_logging_in()
    {
        var page = await browser.NewPageAsync();
        await page.ShootOnFailureAsync("language-anonymous", async () =>
        {
            await page.GotoAsync("/Account/Login");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Đăng nhập");
            await page.GetByTestId("language-switch").ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Log in");
            await page.FillAsync("#UserName", "chotkiem");
            await page.FillAsync("#Password", "wrong-password");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await Expect(page.Locator("main [role=alert]")).ToHaveTextAsync("Wrong user name or password.");
        });
    }
}
