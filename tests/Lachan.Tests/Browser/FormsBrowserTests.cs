using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Outbreak.Zones;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lachan.Tests.Browser;

/// <summary>Forms that feel the same everywhere (issue 10 item 6). Every page's date fields are checked in
/// <see cref="EveryPageBrowserTests"/>; here, what one date control, a first residence and a long employer name do.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FormsBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_date_is_typed_and_shown_as_dd_MM_yyyy_in_an_English_browser_too()
    {
        var page = await browser.NewPageAsync(390, 844);
        await page.ShootOnFailureAsync("forms-date", async () =>
        {
            await page.LogInAsync("admin");
            await page.GetByTestId("language-switch").ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await page.GotoAsync("/Outbreak");
            var date = page.Locator("#Date");
            await Expect(date).ToHaveAttributeAsync("type", "text");
            await Expect(date).ToHaveAttributeAsync("inputmode", "numeric");
            await Expect(date).ToHaveAttributeAsync("placeholder", "dd/mm/yyyy");
            await date.FillAsync("20/05/2021");
            await page.GetByTestId("show-picture").ClickAsync();
            await Expect(page.Locator("#Date")).ToHaveValueAsync("20/05/2021");

            // what is not a date is refused by the browser before it is sent (the pattern), and named by the page if sent
            await page.Locator("#Date").FillAsync("2021-05-20x");
            Assert.False(await page.Locator("#Date").EvaluateAsync<bool>("e => e.checkValidity()"));
            await page.GotoAsync("/Outbreak?Date=31/02/2021");
            await Expect(page.GetByTestId("error-Date")).ToBeVisibleAsync();
        });
    }

    [Theory]
    [InlineData("desktop", 1366, 768)]
    [InlineData("phone", 390, 844)]
    public async Task A_first_residence_reads_as_registering_where_one_lives_and_a_long_employer_name_stays_readable(string device, int width, int height)
    {
        // a demo worker whose first lodging event has no previous house, employed by the enterprise with the longest name
        var (workerId, enterpriseName) = await browser.App.WithDbAsync(async db =>
        {
            var firstLodging = db.Set<MovementEvent>().Where(m => m.Kind == MovementKind.MovedLodging && m.PreviousLodgingHouseId == null).Select(m => m.WorkerId);
            var row = await db.Set<Employment>().Where(e => firstLodging.Contains(e.WorkerId))
                .OrderByDescending(e => e.Enterprise!.Name.Length).ThenBy(e => e.Id)
                .Select(e => new { e.WorkerId, e.Enterprise!.Name }).FirstAsync();
            return (row.WorkerId, row.Name);
        });
        Assert.True(enterpriseName.Length >= 30, $"the demo's longest employer name is short: {enterpriseName}");

        var page = await browser.NewPageAsync(width, height);
        await page.ShootOnFailureAsync($"forms-profile-{device}", async () =>
        {
            await page.LogInAsync("kcn");
            await page.GotoAsync($"/Registry/Workers/{workerId}");
            var kinds = page.GetByTestId("movements").GetByTestId("movement-kind");
            await Expect(kinds.Filter(new() { HasText = "Đăng ký nơi ở" })).ToHaveCountAsync(1);

            // the employer's name gets the width of the cell, not a sliver beside its tax code
            var link = page.GetByTestId("employments").GetByRole(AriaRole.Link, new() { Name = enterpriseName });
            await Expect(link).ToBeVisibleAsync();
            var cell = await link.EvaluateAsync<double[]>("a => { const td = a.closest('td'); const r = td.getBoundingClientRect(); const c = getComputedStyle(td); " +
                "return [a.getBoundingClientRect().width, r.width - parseFloat(c.paddingLeft) - parseFloat(c.paddingRight)]; }");
            Assert.True(cell[0] >= cell[1] * 0.8 || cell[0] >= 200,
                $"the employer name is squeezed into {cell[0]:F0}px of a {cell[1]:F0}px cell");
            Assert.True(await page.FitsWidthAsync(), "the profile is wider than the screen");
            if (width < 600)
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Infrastructure.Repo.Path("docs", "screenshots", "profile-phone.png"), FullPage = true });
        });
    }

    [Fact]
    public async Task Exempted_enterprises_are_picked_from_the_zones_list_by_name()
    {
        var (zoneId, enterprise) = await browser.App.WithDbAsync(async db =>
        {
            var zone = await db.Set<ControlZone>().Where(z => z.Kind == ControlZoneKind.IndustrialZone).OrderBy(z => z.Id).FirstAsync();
            var e = await db.Set<Enterprise>().Where(x => x.IndustrialZoneId == zone.IndustrialZoneId).OrderBy(x => x.Id).FirstAsync();
            return (zone.Id, e);
        });
        var page = await browser.NewPageAsync(390, 844);
        await page.ShootOnFailureAsync("forms-exempt", async () =>
        {
            await page.LogInAsync("admin");
            await page.GotoAsync($"/Outbreak/Zones/{zoneId}");
            var list = page.GetByTestId("exempt-list");
            var items = list.Locator("[data-filter-item]");
            Assert.True(await items.CountAsync() > 1, "the zone lists fewer than two enterprises");
            await Expect(page.Locator("textarea[name='Order.ExemptTaxCodes']")).ToHaveCountAsync(0);

            // typing part of the name without diacritics leaves that enterprise in view; tick it
            var word = Lachan.Infrastructure.Localization.VietnameseText.SearchKey(enterprise.Name.Split(' ').OrderByDescending(w => w.Length).First());
            await page.GetByTestId("exempt-filter").FillAsync(word);
            var box = list.Locator($"input[value='{enterprise.TaxCode}']");
            await Expect(box).ToBeVisibleAsync();
            Assert.True(await items.Filter(new() { Visible = true }).CountAsync() < await items.CountAsync(), "the filter hid nothing");
            await box.CheckAsync();

            // an order refused for another field keeps the pick (nothing is written)
            await page.GetByTestId("issue-order").ClickAsync();
            await Expect(page.GetByTestId("error-DecisionNumber")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("exempt-list").Locator($"input[value='{enterprise.TaxCode}']")).ToBeCheckedAsync();
            Assert.True(await page.FitsWidthAsync(), "the zone page is wider than the phone");
        });
    }

    [Fact]
    public async Task Suggested_F1_are_confirmed_together_with_select_all_or_none_and_the_page_keeps_its_place()
    {
        // a case confirmed by the demo's day: the wave runs into July, and a later case's suggestions (last contact on its
        // confirmation day) are refused as "after today" on the demo clock, rightly
        var today = browser.App.Services.GetRequiredService<ProvinceCalendar>().Today;
        var cases = await browser.App.WithDbAsync(db => db.Set<Case>().Where(c => c.ConfirmedOn <= today)
            .OrderByDescending(c => c.Id).Select(c => c.Id).Take(10).ToListAsync());
        var page = await browser.NewPageAsync(390, 844);
        await page.ShootOnFailureAsync("forms-bulk-f1", async () =>
        {
            await page.LogInAsync("yte");
            var boxes = page.Locator("input[name='Decision.Picks']");
            int? caseId = null;
            foreach (var id in cases)   // the latest case with at least three suggestions
            {
                await page.GotoAsync($"/Outbreak/Cases/{id}");
                if (await boxes.CountAsync() >= 3) { caseId = id; break; }
            }
            Assert.True(caseId is not null, "no demo case has three suggested F1");

            await page.GetByTestId("select-all").ClickAsync();
            await Expect(page.Locator("input[name='Decision.Picks']:not(:checked)")).ToHaveCountAsync(0);
            await page.GetByTestId("select-none").ClickAsync();
            await Expect(page.Locator("input[name='Decision.Picks']:checked")).ToHaveCountAsync(0);

            var picked = new[] { await boxes.Nth(0).GetAttributeAsync("value"), await boxes.Nth(1).GetAttributeAsync("value") };
            await boxes.Nth(0).CheckAsync();
            await boxes.Nth(1).CheckAsync();
            await page.GetByTestId("confirm-selected").ClickAsync();

            // back at the list, the two confirmed people are no longer suggested, the others still are
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/Outbreak/Cases/{caseId}#suggestions$"));
            await Expect(page.Locator(".flash")).ToBeVisibleAsync();
            foreach (var value in picked)
                await Expect(page.Locator($"input[name='Decision.Picks'][value='{value}']")).ToHaveCountAsync(0);
            var workerIds = picked.Select(v => int.Parse(v!.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var confirmed = await browser.App.WithDbAsync(db => db.Set<Contact>()
                .CountAsync(c => c.CaseId == caseId && c.State == ContactState.Confirmed && workerIds.Contains(c.WorkerId)));
            Assert.Equal(2, confirmed);
            Assert.True(await page.FitsWidthAsync(), "the case page is wider than the phone");
        });
    }
}
