using Lachan.Features.Registry.Contracts;
using System.Text.RegularExpressions;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lachan.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class WorkerFlowTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("desktop", 1280, 800, "0987 654 321", "0987654321")]
    [InlineData("phone", 390, 844, "+84 912 000 555", "0912000555")]
    public async Task Search_without_diacritics_open_the_profile_edit_a_field_and_see_the_audit_entry(
        string device, int width, int height, string typedPhone, string storedPhone)
    {
        var page = await browser.NewPageAsync(width, height);
        var worker = browser.Registry.WorkerOwn;
        await page.ShootOnFailureAsync($"worker-flow-{device}", async () =>
        {
            await page.LogInAsync("admin");

            // search by name without diacritics
            await page.GotoAsync("/Registry/Workers");
            await page.FillAsync("#Q", "dang thi quynh");
            await page.GetByTestId("search-button").ClickAsync();
            var link = page.Locator($"table a[href='/Registry/Workers/{worker.Id}']");
            await Expect(link).ToHaveCountAsync(1);
            Assert.DoesNotContain("dang", page.Url); // the search criteria are not in the URL
            Assert.True(await page.FitsWidthAsync(), "the result list is wider than the screen");

            // open the profile
            await link.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/Registry/Workers/{worker.Id}$"));
            await Expect(page.GetByTestId("worker-name")).ToHaveTextAsync(TestRegistry.OwnWorkerName);
            await Expect(page.GetByTestId("worker-cccd")).ToHaveTextAsync(worker.Cccd);
            await Expect(page.Locator("main")).ToContainTextAsync(browser.Registry.EnterpriseOwn.Name);
            await Expect(page.Locator("main")).ToContainTextAsync(browser.Registry.LodgingOwn.Name);
            Assert.True(await page.FitsWidthAsync(), "the profile is wider than the screen");

            // edit a field
            await page.GetByTestId("edit-worker").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/Registry/Workers/Edit/{worker.Id}$"));
            await page.FillAsync("#Form_Phone", typedPhone);
            await page.GetByTestId("save").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/Registry/Workers/{worker.Id}$"));
            await Expect(page.GetByTestId("worker-phone")).ToHaveTextAsync(storedPhone);
            await Expect(page.Locator("main [role=status]")).ToBeVisibleAsync();

            // the audit trail shows the change, with before and after
            await page.GotoAsync($"/Admin/Audit?EntityType=Worker&EntityId={worker.Id}&Action=update");
            var row = page.GetByTestId("audit-table").Locator("tbody tr").First;
            await Expect(row).ToContainTextAsync("admin");
            await Expect(row).ToContainTextAsync("sửa"); // the action "update", named in the user's language
            await Expect(row).ToContainTextAsync(storedPhone);
            // the profile views were audited too
            await page.GotoAsync($"/Admin/Audit?EntityType=Worker&EntityId={worker.Id}&Action=view");
            await Expect(page.GetByTestId("audit-table").Locator("tbody tr").First).ToContainTextAsync("xem");
            // and the chain verifies
            await page.GetByTestId("verify-chain").ClickAsync();
            await Expect(page.GetByTestId("chain-ok")).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task A_wrong_field_is_refused_with_its_reason_in_Vietnamese()
    {
        var page = await browser.NewPageAsync();
        var worker = browser.Registry.WorkerOwn;
        await page.ShootOnFailureAsync("worker-edit-invalid", async () =>
        {
            await page.LogInAsync("admin");
            await page.GotoAsync($"/Registry/Workers/Edit/{worker.Id}");
            await page.FillAsync("#Form_Cccd", "099" + worker.Cccd[3..]); // 099 is no province code
            await page.GetByTestId("save").ClickAsync();
            await Expect(page.GetByTestId("form-errors")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("error-Cccd")).ToHaveTextAsync("Ba chữ số đầu của CCCD không phải mã tỉnh hợp lệ.");
            await page.GotoAsync($"/Registry/Workers/{worker.Id}");
            await Expect(page.GetByTestId("worker-cccd")).ToHaveTextAsync(worker.Cccd);
        });
    }

    [Fact]
    public async Task A_forbidden_jurisdiction_attempt_shows_the_refusal_page()
    {
        var page = await browser.NewPageAsync(390, 844);
        var other = browser.Registry.WorkerOwn; // works for an enterprise that is not doanhnghiep's
        var (ownId, ownName) = await browser.App.WithDbAsync(async db =>
        {
            var taxCode = await db.Users.Where(u => u.UserName == "doanhnghiep").Select(u => u.ScopeCode).SingleAsync();
            var w = await db.Set<Worker>().Where(w => w.CurrentEnterprise!.TaxCode == taxCode).OrderBy(w => w.Id).FirstAsync();
            return (w.Id, w.FullName);
        });
        await page.ShootOnFailureAsync("forbidden-jurisdiction", async () =>
        {
            // HR of one enterprise guesses the id of another enterprise's worker
            await page.LogInAsync("doanhnghiep");
            var response = await page.GotoAsync($"/Registry/Workers/{other.Id}");
            Assert.Equal(404, response!.Status);
            await Expect(page.GetByTestId("error-code-404")).ToContainTextAsync("ngoài phạm vi quản lý");
            await Expect(page.Locator("main")).Not.ToContainTextAsync(other.FullName);
            await Expect(page.Locator("main")).Not.ToContainTextAsync(other.Cccd);

            response = await page.GotoAsync($"/Registry/Workers/Edit/{other.Id}");
            Assert.Equal(404, response!.Status);
            await Expect(page.Locator("main")).Not.ToContainTextAsync(other.FullName);

            // and a page of an area the role may not see at all: the refusal page
            response = await page.GotoAsync("/Admin/Audit");
            Assert.Equal(403, response!.Status);
            await Expect(page.GetByTestId("denied")).ToContainTextAsync("ngoài phạm vi quản lý");

            // the own enterprise's worker is there
            response = await page.GotoAsync($"/Registry/Workers/{ownId}");
            Assert.Equal(200, response!.Status);
            await Expect(page.GetByTestId("worker-name")).ToHaveTextAsync(ownName);
        });
    }

    [Fact]
    public async Task A_role_without_registry_access_is_refused_the_worker_list()
    {
        var page = await browser.NewPageAsync();
        await page.ShootOnFailureAsync("volunteer-refused", async () =>
        {
            await page.LogInAsync("tinhnguyen");
            await Expect(page.Locator("nav.menu a[href='/Registry/Workers']")).ToHaveCountAsync(0);
            var response = await page.GotoAsync("/Registry/Workers");
            Assert.Equal(403, response!.Status);
            await Expect(page.GetByTestId("denied")).ToBeVisibleAsync();
        });
    }
}
