using System.Globalization;
using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Outbreak.Testing;
using Lachan.Features.Registry.Contracts;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Lachan.Tests.Browser;

/// <summary>Every Cases, Testing and Rules page on a 390-px phone, with the demo province's May 2021 records on it:
/// nothing may stick out sideways. Then a screening schedule and a rule version are added through their forms.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HealthPagesBrowserTests(BrowserFixture browser)
{
    private static string Dmy(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Every_health_page_fits_a_phone_and_a_schedule_and_a_rule_version_are_added_through_the_forms()
    {
        var app = browser.App;
        // the small demo's orders are all released by now: one open order, so the release form shows too
        var person = new Worker
        {
            Cccd = TestRegistry.NewCccd("024", Sex.Female, 1999), FullName = "Trương Thị Cách Ly",
            NameSearch = "truong thi cach ly", Sex = Sex.Female, DateOfBirth = new DateOnly(1999, 9, 9), HomeProvinceCode = "024",
            ProvinceCode = TestRegistry.OwnProvince,
        };
        await app.WithDbAsync(async db => { db.Set<Worker>().Add(person); await db.SaveChangesAsync(); });
        var open = new QuarantineOrder
        {
            WorkerId = person.Id, QuarantineRuleId = 1, PlaceKind = QuarantinePlace.Facility, PlaceText = "Khu cách ly tập trung số 3",
            StartOn = new DateOnly(2021, 5, 19), PlannedEndOn = new DateOnly(2021, 6, 2),
        };
        await app.WithDbAsync(async db => { db.Set<QuarantineOrder>().Add(open); await db.SaveChangesAsync(); });
        var ids = new
        {
            Case = await app.WithDbAsync(db => db.Set<Case>().OrderBy(c => c.Id).Select(c => c.Id).FirstAsync()),
            Pending = await app.WithDbAsync(db => db.Set<TestSample>().Where(s => s.Result == TestResult.Pending).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync()),
            Schedule = await app.WithDbAsync(db => db.Set<ScreeningSchedule>().OrderBy(s => s.Id).Select(s => new { s.EnterpriseId, s.Enterprise!.Name }).FirstAsync()),
            CaseEnterprise = await app.WithDbAsync(db => db.Set<Case>().OrderBy(c => c.Id).Select(c => c.Worker!.CurrentEnterpriseId).FirstAsync()),
        };
        // the longest shape of demo enterprise name, on the enterprise of the cases: the case filter offers it
        await app.WithDbAsync(db => db.Set<Enterprise>().Where(e => e.Id == ids.CaseEnterprise)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Name, "Công ty TNHH Khoa học Kỹ thuật Điện tử Quang Minh Việt Nam")));
        string[] urls =
        [
            "/Outbreak/Cases", "/Outbreak/Cases/New", $"/Outbreak/Cases/{ids.Case}", "/Outbreak/Cases/Contacts", "/Outbreak/Cases/Clusters",
            $"/Outbreak/Cases/Clusters?kind=Enterprise&id={ids.CaseEnterprise}", "/Outbreak/Cases/Quarantine?All=true", "/Outbreak/Cases/Due?Date=20/05/2021",
            $"/Outbreak/Cases/Release/{open.Id}",
            "/Outbreak/Testing", "/Outbreak/Testing/New", $"/Outbreak/Testing/Result/{ids.Pending}", "/Outbreak/Testing/Import", "/Outbreak/Testing/Retest",
            $"/Outbreak/Testing/Screening?Date=04/06/2021&EnterpriseId={ids.Schedule.EnterpriseId}", "/Outbreak/Testing/Schedules", "/Outbreak/Rules",
        ];
        var page = await browser.NewPageAsync(390, 844);
        await page.ShootOnFailureAsync("health-pages-phone", async () =>
        {
            await page.LogInAsync("yte");
            // in both languages: English labels are longer in places
            var tooWide = new List<string>();
            foreach (var language in new[] { "vi", "en" })
            {
                if (language == "en") await page.GetByTestId("language-switch").ClickAsync();
                await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
                foreach (var url in urls)
                {
                    var response = await page.GotoAsync(url);
                    Assert.True(response!.Ok, $"{url}: {response.Status}");
                    if (!await page.FitsWidthAsync())
                        tooWide.Add($"{language} {url} ({await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")} px)");
                    // a table that scrolls sideways inside its frame hides columns just the same
                    if (await page.EvaluateAsync<string>("() => [...document.querySelectorAll('.table-wrap')].filter(t => t.scrollWidth > t.clientWidth + 1).map(t => t.scrollWidth + ' px').join(', ')") is { Length: > 0 } tables)
                        tooWide.Add($"{language} {url}: a table of {tables}");
                }
            }
            Assert.True(tooWide.Count == 0, "wider than a 390-px screen:\n" + string.Join("\n", tooWide));
            await page.GetByTestId("language-switch").ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");

            // the demo's screening schedule, linked from its due list; a new one refused field by field, then saved
            await page.GotoAsync($"/Outbreak/Testing/Screening?Date=04/06/2021&EnterpriseId={ids.Schedule.EnterpriseId}");
            await page.GetByTestId("schedules-link").ClickAsync();
            await Expect(page.GetByTestId("schedules")).ToContainTextAsync(ids.Schedule.Name);
            await page.FillAsync("#Form_IntervalDays", "0");
            await page.GetByTestId("save-schedule").ClickAsync();
            await Expect(page.GetByTestId("error-IntervalDays")).ToHaveTextAsync("Chu kỳ từ 1 đến 90 ngày.");
            await Expect(page.GetByTestId("error-From")).ToBeVisibleAsync();
            Assert.True(await page.FitsWidthAsync(), "the schedules page with its errors is wider than the screen");
            await page.SelectOptionAsync("#Form_EnterpriseId", ids.Schedule.EnterpriseId.ToString());
            await page.FillAsync("#Form_IntervalDays", "14");
            await page.FillAsync("#Form_From", "01/07/2021");
            await page.GetByTestId("save-schedule").ClickAsync();
            await Expect(page.Locator("main [role=status]")).ToContainTextAsync("Đã lưu.");
            await Expect(page.GetByTestId("schedules")).ToContainTextAsync("01/07/2021");

            // a new version of the F2 quarantine rule from a month ahead: the one in force ends the day before
            var from = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(30);
            await page.GotoAsync("/Outbreak/Rules");
            await page.SelectOptionAsync("#Quarantine_Subject", "F2");
            await page.FillAsync("#Quarantine_Days", "10");
            await page.FillAsync("#Quarantine_TestDays", "5,10");
            await page.SelectOptionAsync("#Quarantine_DefaultPlace", "Home");
            await page.FillAsync("#Quarantine_EffectiveFrom", Dmy(from));
            await page.FillAsync("#Quarantine_Source", "Công văn thử nghiệm (demo)");
            await page.GetByTestId("save-quarantine-rule").ClickAsync();
            await Expect(page.Locator("main [role=status]")).ToContainTextAsync("Đã lưu.");
            await Expect(page.GetByTestId("quarantine-rules")).ToContainTextAsync(Dmy(from) + " – …");
            await Expect(page.GetByTestId("quarantine-rules")).ToContainTextAsync("– " + Dmy(from.AddDays(-1)));
            Assert.True(await page.FitsWidthAsync(), "the rules page is wider than the screen");
        });
        Assert.Equal(10, await app.WithDbAsync(db => db.Set<QuarantineRule>().Where(r => r.Subject == RuleSubject.F2 && r.EffectiveFrom > new DateOnly(2022, 1, 1)).Select(r => r.Days).SingleAsync()));
    }
}
