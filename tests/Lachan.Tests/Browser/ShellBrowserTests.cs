using System.Text.RegularExpressions;
using System.Xml.Linq;
using Lachan.Infrastructure.Modules;
using Microsoft.Extensions.DependencyInjection;
using Lachan.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lachan.Tests.Browser;

/// <summary>The shell around every page (issue 10 item 1): the module sidebar, a drawer on phones, breadcrumbs, the
/// person in the header, the province's identity and the favicon; at desktop (1366 px) and phone (390 px) width.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ShellBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("desktop", 1366, 768)]
    [InlineData("phone", 390, 844)]
    public async Task The_menu_is_grouped_by_module_with_icons_and_no_label_breaks_across_lines(string device, int width, int height)
    {
        var page = await browser.NewPageAsync(width, height);
        await page.ShootOnFailureAsync($"shell-menu-{device}", async () =>
        {
            await page.LogInAsync("kcn");
            if (width < 1024) await page.GetByTestId("drawer-open").ClickAsync();
            var sidebar = page.GetByTestId("sidebar");
            await Expect(sidebar).ToBeVisibleAsync();

            // the IZ board's groups, headed by module (it reads the support policies and its zone's lists); the health-only entries are absent, not promised
            await Expect(sidebar.Locator(".nav-group")).ToHaveTextAsync(["Danh mục và hồ sơ", "Phòng chống dịch", "Hỗ trợ người lao động"]);
            await Expect(sidebar.Locator("a[href='/Registry/Workers']")).ToBeVisibleAsync();
            await Expect(sidebar.Locator("a[href='/Outbreak/Cases']")).ToHaveCountAsync(0);
            await Expect(sidebar.Locator("a[href='/Admin/Audit']")).ToHaveCountAsync(0);

            // every entry has an icon from the sprite, and its label fits on one line (no "Nhà / trọ")
            var labels = await page.EvaluateAsync<LabelBox[]>("""
                () => [...document.querySelectorAll('#sidebar .nav-link')].map(a => {
                    const text = a.querySelector('.nav-text');
                    const line = parseFloat(getComputedStyle(text).lineHeight);
                    return { text: text.textContent, height: text.getBoundingClientRect().height, line,
                             icon: a.querySelector('svg use')?.getAttribute('href') ?? '' };
                })
                """);
            Assert.True(labels.Length >= 7, $"only {labels.Length} menu entries");
            Assert.All(labels, l =>
            {
                Assert.True(l.Height < l.Line * 1.5, $"'{l.Text}' takes {l.Height}px, more than one line of {l.Line}px");
                Assert.StartsWith("/icons/bootstrap-icons.svg#", l.Icon);
            });
            Assert.True(await page.FitsWidthAsync(), "the shell is wider than the screen");
            var shot = Repo.Path("docs", "screenshots", $"shell-{device}{(width < 1024 ? "-drawer" : "")}.png");
            Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, Animations = ScreenshotAnimations.Disabled });   // the drawer slides in: finish it
        });
    }

    [Fact]
    public async Task On_a_phone_the_drawer_opens_and_closes()
    {
        var page = await browser.NewPageAsync(390, 844);
        await page.ShootOnFailureAsync("shell-drawer", async () =>
        {
            await page.LogInAsync("yte");
            var sidebar = page.GetByTestId("sidebar");
            var opener = page.GetByTestId("drawer-open");
            await Expect(sidebar).Not.ToBeVisibleAsync();
            await Expect(opener).ToHaveAttributeAsync("aria-expanded", "false");
            Directory.CreateDirectory(Repo.Path("docs", "screenshots"));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Repo.Path("docs", "screenshots", "shell-phone.png") });

            await opener.ClickAsync();
            await Expect(sidebar).ToBeVisibleAsync();
            await Expect(opener).ToHaveAttributeAsync("aria-expanded", "true");
            await page.GetByTestId("drawer-close").ClickAsync();
            await Expect(sidebar).Not.ToBeVisibleAsync();
            await Expect(opener).ToHaveAttributeAsync("aria-expanded", "false");

            // Escape closes it too, and following a link lands on the page with the drawer shut
            await opener.ClickAsync();
            await Expect(sidebar).ToBeVisibleAsync();
            await page.Keyboard.PressAsync("Escape");
            await Expect(sidebar).Not.ToBeVisibleAsync();
            await opener.ClickAsync();
            await page.GetByTestId("nav-cases").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/Outbreak/Cases$"));
            await Expect(sidebar).Not.ToBeVisibleAsync();
            Assert.True(await page.FitsWidthAsync(), "the cases page is wider than the phone");
        });
    }

    [Theory]
    [InlineData("desktop", 1366, 768)]
    [InlineData("phone", 390, 844)]
    public async Task The_header_names_the_person_role_jurisdiction_and_province_and_pages_have_breadcrumbs(string device, int width, int height)
    {
        var page = await browser.NewPageAsync(width, height);
        await page.ShootOnFailureAsync($"shell-header-{device}", async () =>
        {
            await page.LogInAsync("xa");
            await Expect(page.GetByTestId("user-name")).ToHaveTextAsync("Vũ Thị Hà");
            await Expect(page.GetByTestId("user-role")).ToHaveTextAsync("UBND xã · thị trấn Nếnh");
            await Expect(page.GetByTestId("brand")).ToContainTextAsync("Lá Chắn");
            Assert.Equal("Tỉnh Bắc Giang", await page.GetByTestId("province").TextContentAsync());
            if (width >= 1024)
            {
                await Expect(page.GetByTestId("user-role")).ToBeVisibleAsync();
                await Expect(page.GetByTestId("province")).ToBeVisibleAsync();
            }

            var crumbs = page.GetByTestId("breadcrumbs").Locator("li");
            await Expect(crumbs).ToHaveTextAsync(["Trang chủ"]);
            await page.GotoAsync("/Registry/Lodging");
            await Expect(crumbs).ToHaveTextAsync(["Trang chủ", "Danh mục và hồ sơ", "Nhà trọ"]);
            await page.GotoAsync("/Registry/Lodging/Edit");
            await Expect(crumbs).ToHaveCountAsync(4);
            await Expect(crumbs.Nth(2).Locator("a")).ToHaveAttributeAsync("href", "/Registry/Lodging");
            var title = await page.TitleAsync();
            await Expect(crumbs.Nth(3)).ToHaveTextAsync(title[..title.IndexOf(" · ", StringComparison.Ordinal)]);
            await Expect(page.Locator("#sidebar a[aria-current=page]")).ToHaveAttributeAsync("href", "/Registry/Lodging");
            Assert.True(await page.FitsWidthAsync(), "the lodging form is wider than the screen");
        });
    }

    [Fact]
    public async Task The_favicon_is_served_as_ico_and_svg()
    {
        var page = await browser.NewPageAsync();
        await page.ShootOnFailureAsync("favicon", async () =>
        {
            var ico = await page.APIRequest.GetAsync("/favicon.ico");
            Assert.Equal(200, ico.Status);
            Assert.Equal("image/x-icon", ico.Headers["content-type"]);
            Assert.Equal([0, 0, 1, 0], (await ico.BodyAsync())[..4]);
            var svg = await page.APIRequest.GetAsync("/favicon.svg");
            Assert.Equal(200, svg.Status);
            await page.GotoAsync("/Account/Login");
            await Expect(page.Locator("link[rel=icon][href='/favicon.ico']")).ToHaveCountAsync(1);
        });
    }

    /// <summary>Every menu entry of every module names an icon the vendored sprite has (scripts/icons.sh adds one).</summary>
    [Fact]
    public void Every_menu_icon_is_in_the_vendored_sprite()
    {
        var sprite = XDocument.Load(Repo.Path("src", "Lachan", "wwwroot", "icons", "bootstrap-icons.svg"));
        var ids = sprite.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToHashSet();
        var modules = browser.App.Services.GetRequiredService<ModuleList>();
        Assert.NotEmpty(modules.Menu);
        Assert.All(modules.Menu, e => Assert.True(ids.Contains(e.Icon), $"menu entry {e.Href} names icon '{e.Icon}', not in the sprite"));
        Assert.True(File.Exists(Repo.Path("src", "Lachan", "wwwroot", "icons", "LICENSE-bootstrap-icons.txt")), "the icon set's licence is missing");
    }

    /// <summary>Filled by Playwright from the page's JSON, hence settable properties.</summary>
    private sealed class LabelBox
    {
        public string Text { get; set; } = "";
        public double Height { get; set; }
        public double Line { get; set; }
        public string Icon { get; set; } = "";
    }
}
