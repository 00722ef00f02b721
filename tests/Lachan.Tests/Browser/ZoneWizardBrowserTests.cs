using Lachan.Features.Registry.Contracts;
using Lachan.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Lachan.Tests.Browser;

/// <summary>The cluster wizard's house filter (wwwroot/js/list-filter.js) in a browser: typing without diacritics narrows
/// the list, a ticked house stays shown and submitted.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ZoneWizardBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_houses_of_a_cluster_are_filtered_by_text()
    {
        var registry = browser.Registry;
        var tag = Guid.NewGuid().ToString("N")[..5];
        await browser.App.WithDbAsync(async db =>
        {
            foreach (var name in new[] { "Nhà trọ Đồng Lạc " + tag, "Nhà trọ Cây Gạo " + tag })
                db.Set<LodgingHouse>().Add(new LodgingHouse
                {
                    Name = name, NameSearch = name.ToLowerInvariant(), Address = "Xóm Bãi", CommuneCode = registry.LodgingOwn.CommuneCode,
                    DistrictCode = registry.LodgingOwn.DistrictCode, ProvinceCode = TestRegistry.OwnProvince, LandlordId = registry.LodgingOwn.LandlordId,
                });
            await db.SaveChangesAsync();
        });
        var page = await browser.NewPageAsync(390, 844);
        await page.ShootOnFailureAsync("zone-wizard-filter", async () =>
        {
            await page.LogInAsync("admin");
            await page.GotoAsync($"/Outbreak/Zones/New?kind=LodgingCluster&communeCode={registry.LodgingOwn.CommuneCode}");
            var dong = page.Locator("[data-filter-item]", new() { HasText = "Đồng Lạc " + tag });
            var gao = page.Locator("[data-filter-item]", new() { HasText = "Cây Gạo " + tag });
            await Expect(page.Locator("#house-filter")).ToBeVisibleAsync();
            await gao.Locator("input").CheckAsync();
            await page.FillAsync("#house-filter", "dong lac");
            await Expect(dong).ToBeVisibleAsync();
            await Expect(gao).ToBeVisibleAsync();                                   // ticked: kept in sight
            await Expect(page.Locator("[data-filter-item]", new() { HasText = registry.LodgingOwn.Name })).ToBeHiddenAsync();
            await gao.Locator("input").UncheckAsync();
            await page.FillAsync("#house-filter", "dong lac ");
            await Expect(gao).ToBeHiddenAsync();
            await Expect(page.Locator("[data-filter-count]")).ToContainTextAsync("1");
        });
    }
}
