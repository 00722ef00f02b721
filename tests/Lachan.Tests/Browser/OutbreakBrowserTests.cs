using Lachan.Features.Outbreak.Cases;
using System.Text.RegularExpressions;
using Lachan.Features.Registry.Contracts;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lachan.Tests.Browser;

/// <summary>Issue 4's flow in a browser, at phone width: declare a lockdown on an IZ, see its enterprise stopped by
/// the order and the affected worker counted; register an F0, accept a suggested F1, find the F1's quarantine on the
/// due list, enter the negative result and release.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OutbreakBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Declare_a_lockdown_see_who_is_affected_register_an_F0_accept_an_F1_and_release_them_from_quarantine()
    {
        var page = await browser.NewPageAsync(390, 844);
        var registry = browser.Registry;
        var coworker = await CoworkerAsync();
        await page.ShootOnFailureAsync("outbreak-lockdown", async () =>
        {
            await page.LogInAsync("admin");
            await page.GotoAsync("/Outbreak/Zones");
            await page.GetByTestId("new-zone").ClickAsync();
            await page.SelectOptionAsync("#kind", "IndustrialZone");
            await Expect(page.GetByTestId("next")).ToHaveTextAsync("Tiếp tục");   // a wizard continues, it does not page
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
            await page.FillAsync("#Order_DecisionDate", "17/05/2021");
            await page.FillAsync("#Order_IssuedBy", "UBND tỉnh Bắc Giang");
            await page.FillAsync("#Order_EffectiveFrom", "18/05/2021");
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
            await page.FillAsync("#Date", "20/05/2021");
            await page.GetByTestId("show-affected").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("Date=20%2F05%2F2021"));
            await Expect(page.GetByTestId("affected-workers")).ToHaveTextAsync("2");   // the own worker and the co-worker
            await Expect(page.GetByTestId("affected-enterprises")).ToHaveTextAsync("1");
            await Expect(page.GetByTestId("affected-row")).ToContainTextAsync([TestRegistry.OwnWorkerName, coworker.FullName]);
            Assert.True(await page.FitsWidthAsync(), "the affected list is wider than the screen");

            // the own worker is confirmed F0; a co-worker at the same enterprise is suggested as F1
            await page.GotoAsync("/Outbreak/Cases/New");
            await page.FillAsync("#Form_Cccd", registry.WorkerOwn.Cccd);
            // the form recognises the registered worker as the CCCD is typed and fills the identity
            await Expect(page.GetByTestId("person-found")).ToContainTextAsync(registry.WorkerOwn.FullName);
            await Expect(page.Locator("#Form_FullName")).ToHaveValueAsync(registry.WorkerOwn.FullName);
            await page.FillAsync("#Form_Code", "BN-" + coworker.Id);
            await page.FillAsync("#Form_ConfirmedOn", "20/05/2021");
            await page.FillAsync("#Form_TestDate", "19/05/2021");
            await page.FillAsync("#Form_TestPlace", "CDC Bắc Giang");
            await page.FillAsync("#Form_TreatmentPlace", "Bệnh viện dã chiến số 2");
            await page.GetByTestId("save").ClickAsync();
            await Expect(page.GetByTestId("case-code")).ToContainTextAsync("BN-" + coworker.Id);
            await Expect(page.GetByTestId("suggestions")).ToContainTextAsync(coworker.FullName);
            await page.GetByTestId($"confirm-{coworker.Id}").ClickAsync();
            await Expect(page.GetByTestId("f1")).ToContainTextAsync(coworker.FullName);
            Assert.True(await page.FitsWidthAsync(), "the case page is wider than the screen");

            // the F1's quarantine order is on the due list on its planned end; release with the negative result
            var order = await browser.App.WithDbAsync(db => db.Set<QuarantineOrder>().SingleAsync(o => o.WorkerId == coworker.Id));
            await page.GotoAsync("/Outbreak/Cases/Due");
            await page.FillAsync("#Date", order.PlannedEndOn.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
            await page.Locator("#Date").PressAsync("Enter");
            var releases = page.GetByTestId("due-releases");
            await Expect(releases).ToContainTextAsync(coworker.FullName);
            await releases.Locator($"a[href='/Outbreak/Cases/Release/{order.Id}']").ClickAsync();
            var day = order.PlannedEndOn.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
            await page.FillAsync("#Form_ReleasedOn", day);
            await page.FillAsync("#Form_TestDate", order.PlannedEndOn.AddDays(-1).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
            await page.FillAsync("#Form_Result", "Âm tính (RT-PCR)");
            await page.GetByTestId("release").ClickAsync();
            await Expect(page.Locator("main [role=status]")).ToContainTextAsync("Đã lưu.");
            Assert.Equal(order.PlannedEndOn, await browser.App.WithDbAsync(db => db.Set<QuarantineOrder>().Where(o => o.Id == order.Id).Select(o => o.ReleasedOn).SingleAsync()));
        });
    }

    /// <summary>A second worker of the own enterprise, employed since 2020: the F0's co-worker.</summary>
    private async Task<Worker> CoworkerAsync()
    {
        var registry = browser.Registry;
        var worker = new Worker
        {
            Cccd = TestRegistry.NewCccd("024", Sex.Male, 1995), FullName = "Hoàng Văn Đồng", NameSearch = "hoang van dong", Sex = Sex.Male,
            DateOfBirth = new DateOnly(1995, 2, 2), HomeProvinceCode = "024", ProvinceCode = TestRegistry.OwnProvince,
        };
        worker.Hire(registry.EnterpriseOwn.Id, new DateOnly(2020, 1, 6), ContractType.Indefinite);
        await browser.App.WithDbAsync(async db => { db.Set<Worker>().Add(worker); await db.SaveChangesAsync(); });
        return worker;
    }
}
