using System.Text.RegularExpressions;
using Lachan.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lachan.Tests.Browser;

/// <summary>Issue 4's flow in a browser, at phone width: declare a lockdown on an IZ, see its enterprise stopped by
/// the order, and the affected worker counted and listed.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OutbreakBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Declare_a_lockdown_on_an_IZ_its_enterprise_is_stopped_and_the_affected_count_appears()
    {
        var page = await browser.NewPageAsync(390, 844);
        var registry = browser.Registry;
        await page.ShootOnFailureAsync("outbreak-lockdown", async () =>
        {
            await page.LogInAsync("admin");
            await page.GotoAsync("/Outbreak/Zones");
            await page.GetByTestId("new-zone").ClickAsync();
            await page.SelectOptionAsync("#kind", "IndustrialZone");
            await page.GetByTestId("next").ClickAsync();
            await page.SelectOptionAsync("#Form_IndustrialZoneCode", registry.ZoneOwn.Code);
            await page.GetByTestId("save").ClickAsync();
            await Expect(page.GetByTestId("zone-name")).ToHaveTextAsync(registry.ZoneOwn.Name);
            await Expect(page.GetByTestId("zone-level")).ToHaveTextAsync("Bình thường");

            // an order without its fields is refused field by field
            await page.GetByTestId("issue-order").ClickAsync();
            await Expect(page.GetByTestId("error-DecisionNumber")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("error-Level")).ToBeVisibleAsync();

            await page.SelectOptionAsync("#Order_Level", "Lockdown");
            await page.FillAsync("#Order_DecisionNumber", "1501/QĐ-UBND");
            await page.FillAsync("#Order_DecisionDate", "2021-05-17");
            await page.FillAsync("#Order_IssuedBy", "UBND tỉnh Bắc Giang");
            await page.FillAsync("#Order_EffectiveFrom", "2021-05-18");
            await page.GetByTestId("issue-order").ClickAsync();
            await Expect(page.GetByTestId("zone-level")).ToHaveTextAsync("Phong tỏa");
            await Expect(page.GetByTestId("zone-timeline")).ToContainTextAsync("18/05/2021");
            Assert.True(await page.FitsWidthAsync(), "the zone page is wider than the screen");

            // the enterprise's status history names the order
            await page.GotoAsync($"/Registry/Enterprises/{registry.EnterpriseOwn.Id}");
            await Expect(page.GetByTestId("stopped-by-orders")).ToContainTextAsync("1501/QĐ-UBND");

            // who is affected on 20/05/2021, for this zone
            await page.GotoAsync("/Outbreak/Zones");
            await page.GetByRole(AriaRole.Link, new() { Name = registry.ZoneOwn.Name }).First.ClickAsync();
            await page.GetByTestId("zone-affected").ClickAsync();
            await page.FillAsync("#Date", "2021-05-20");
            await page.GetByTestId("show-affected").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("Date=2021-05-20"));
            await Expect(page.GetByTestId("affected-workers")).ToHaveTextAsync("1");
            await Expect(page.GetByTestId("affected-enterprises")).ToHaveTextAsync("1");
            await Expect(page.GetByTestId("affected-row")).ToContainTextAsync(TestRegistry.OwnWorkerName);
            Assert.True(await page.FitsWidthAsync(), "the affected list is wider than the screen");
        });
    }
}
