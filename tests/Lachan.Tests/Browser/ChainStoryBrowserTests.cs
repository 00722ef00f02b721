using Lachan.Features.Support.Insurance;
using Lachan.Features.Support.Lists;
using Lachan.Features.Support.Payments;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lachan.Tests.Browser;

/// <summary>Issue 12's story in a real browser, at phone and desktop width: HR builds a Decision 08 (QD08-G1) list from
/// its roster, posts it for the public notice and — the notice's working days having passed — submits it; social
/// insurance confirms, the district appraises, the province approves (the decision's pdf downloads), makes the payment
/// batch and downloads the bank file, then uploads the bank's return of the payment, and the batch shows it returned.
/// Each desk logs in with its own account; each width builds its own month so the two runs do not meet.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ChainStoryBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("phone", 390, 844, "04/2022")]
    [InlineData("desktop", 1366, 768, "05/2022")]
    public async Task A_decision_08_list_goes_from_hr_to_payment_and_a_returned_payment_is_reconciled(string device, int width, int height, string month)
    {
        var app = browser.App;
        var r = browser.Registry;
        var tag = r.Tag.ToLowerInvariant();
        // the desks of the test registry's enterprise; the worker insured from February 2022 (as social insurance recorded)
        await app.EnsureUserAsync("hrchain" + tag, Role.EnterpriseHr, r.EnterpriseOwn.TaxCode);
        await app.EnsureUserAsync("bhxhchain" + tag, Role.SocialInsurance, r.EnterpriseOwn.ProvinceCode);
        await app.EnsureUserAsync("huyenchain" + tag, Role.District, r.EnterpriseOwn.DistrictCode);
        await app.EnsureUserAsync("sldchain" + tag, Role.LabourDepartment, r.EnterpriseOwn.ProvinceCode);
        await app.WithDbAsync(async db =>
        {
            for (var m = new DateOnly(2022, 2, 1); m <= new DateOnly(2022, 6, 1); m = m.AddMonths(1))
                if (!await db.Set<InsuredMonth>().AnyAsync(x => x.WorkerId == r.WorkerOwn.Id && x.Month == m && x.EnterpriseId == r.EnterpriseOwn.Id))
                    db.Add(new InsuredMonth { WorkerId = r.WorkerOwn.Id, Month = m, EnterpriseId = r.EnterpriseOwn.Id });
            return await db.SaveChangesAsync();
        });

        var id = 0;
        await AsAsync("hrchain" + tag, $"{device}-hr", width, height, async page =>
        {
            await page.GotoAsync("/Support/Lists/New");
            await page.SelectOptionAsync("#PolicyCode", "QD08-G1");
            await page.FillAsync("#Month", month);
            Assert.True(await page.FitsWidthAsync(), "the build page is wider than the screen");
            await page.GetByTestId("from-roster").ClickAsync();
            await Expect(page.GetByTestId("list-state")).ToHaveAttributeAsync("data-state", "Draft");
            id = int.Parse(page.Url.Split('/')[^1].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
            await Expect(page.GetByTestId("list-rows")).ToContainTextAsync(r.WorkerOwn.FullName);
            Assert.True(await page.FitsWidthAsync(), "the list is wider than the screen");

            await page.GetByTestId("post").ClickAsync();
            await Expect(page.GetByTestId("list-state")).ToHaveAttributeAsync("data-state", "Posted");
            // too early: the page says why, in Vietnamese
            await page.GetByTestId("submit").ClickAsync();
            await Expect(page.GetByTestId("form-errors")).ToContainTextAsync("Chưa hết thời gian niêm yết");

            // the notice's working days pass (the list was posted ten days ago)
            var today = app.Services.GetRequiredService<ProvinceCalendar>().Today;
            await app.WithDbAsync(db => db.Set<SupportList>().Where(l => l.Id == id).ExecuteUpdateAsync(s => s.SetProperty(l => l.PostedOn, today.AddDays(-10))));
            await page.GotoAsync($"/Support/Lists/Detail/{id}");
            await page.GetByTestId("submit").ClickAsync();
            await Expect(page.GetByTestId("list-state")).ToHaveAttributeAsync("data-state", "Submitted");
            await Expect(page.GetByTestId("submit-form")).ToHaveCountAsync(0);
        });
        var url = $"/Support/Lists/Detail/{id}";

        await AsAsync("bhxhchain" + tag, $"{device}-insurance", width, height, async page =>
        {
            await page.GotoAsync(url);
            await Expect(page.GetByTestId("not-insured")).ToHaveValueAsync("");
            Assert.True(await page.FitsWidthAsync(), "the insurance form is wider than the screen");
            await page.GetByTestId("confirm-insurance").ClickAsync();
            await Expect(page.GetByTestId("list-state")).ToHaveAttributeAsync("data-state", "InsuranceConfirmed");
        });
        await AsAsync("huyenchain" + tag, $"{device}-district", width, height, async page =>
        {
            await page.GotoAsync(url);
            await page.GetByTestId("appraise").ClickAsync();
            await Expect(page.GetByTestId("list-state")).ToHaveAttributeAsync("data-state", "Appraised");
        });
        await AsAsync("sldchain" + tag, $"{device}-province", width, height, async page =>
        {
            await page.GotoAsync(url);
            await page.FillAsync("#DecisionNo", $"{id}/QĐ-UBND");
            await page.GetByTestId("approve").ClickAsync();
            await Expect(page.GetByTestId("list-state")).ToHaveAttributeAsync("data-state", "Approved");
            var pdf = await page.APIRequest.GetAsync(await page.GetByTestId("decision-pdf").GetAttributeAsync("href") ?? "");
            Assert.Equal("application/pdf", pdf.Headers["content-type"]);
            Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.BodyAsync())[..4], StringComparison.Ordinal);

            // the payment batch of the list, paid to the employer
            await page.GetByTestId("make-batch-link").ClickAsync();
            await page.GetByTestId("channel-employer").CheckAsync();
            Assert.True(await page.FitsWidthAsync(), "the payments page is wider than the screen");
            await page.GetByTestId("make-batch").ClickAsync();
            await Expect(page.GetByTestId("rec-pending")).Not.ToHaveTextAsync("0 ₫");
            var batch = await app.WithDbAsync(db => db.Set<PaymentBatch>().AsNoTracking().SingleAsync(b => b.SupportListId == id));
            Assert.True(batch.Total > 0, "the approved worker is paid");

            // the bank file, then the bank's return of the payment
            await page.SelectOptionAsync("#Format", "csv");
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export").ClickAsync());
            var file = Path.Combine(Path.GetTempPath(), $"chain-{device}-{id}.csv");
            await download.SaveAsAsync(file);
            Assert.Contains(batch.Reference, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
            File.Delete(file);
            await page.GotoAsync($"/Support/Payments/Batch/{batch.Id}");
            await Expect(page.GetByTestId("rec-sent")).ToHaveTextAsync(Lachan.Infrastructure.Localization.UiText.Money(batch.Total));

            await page.SetInputFilesAsync("#Upload", new FilePayload
            {
                Name = "tra-ve.csv", MimeType = "text/csv",
                Buffer = System.Text.Encoding.UTF8.GetBytes($"Mã tham chiếu,Số tiền,Trạng thái,Lý do\n{batch.Reference},{batch.Total},hoàn trả,Tài khoản đã đóng\n"),
            });
            await page.GetByTestId("upload-returns").ClickAsync();
            await Expect(page.GetByTestId("rec-returned")).ToHaveTextAsync(Lachan.Infrastructure.Localization.UiText.Money(batch.Total));
            await Expect(page.GetByTestId("rec-paid")).ToHaveTextAsync("0 ₫");
            await Expect(page.GetByTestId("batch-lines").Locator("[data-status=Returned]").First).ToBeVisibleAsync();
            Assert.True(await page.FitsWidthAsync(), "the batch is wider than the screen");
        });
    }

    private async Task AsAsync(string user, string shot, int width, int height, Func<IPage, Task> body)
    {
        var page = await browser.NewPageAsync(width, height);
        await page.ShootOnFailureAsync("chain-story-" + shot, async () =>
        {
            await page.LogInAsync(user);
            await body(page);
        });
    }
}
