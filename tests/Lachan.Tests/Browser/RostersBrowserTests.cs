using System.Text.RegularExpressions;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Rosters;
using Lachan.Tests.Infrastructure;
using Lachan.Tests.Integration.Rosters;
using Lachan.Tests.Rosters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MiniExcelLibs;
using static Microsoft.Playwright.Assertions;

namespace Lachan.Tests.Browser;

/// <summary>An enterprise's HR imports a messy roster in the browser: the name column has a header the detector
/// does not know, so the user maps it in the preview, then commits and downloads the full report.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RostersBrowserTests(BrowserFixture browser) : IDisposable
{
    private readonly TempFolder _dir = new();
    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Upload_a_messy_xlsx_map_the_unknown_name_column_commit_and_download_the_report()
    {
        var app = browser.App;
        var (enterpriseId, staff) = await app.WithDbAsync(async db =>
        {
            var taxCode = await db.Users.Where(u => u.UserName == "doanhnghiep").Select(u => u.ScopeCode).SingleAsync();
            var id = await db.Set<Enterprise>().Where(e => e.TaxCode == taxCode).Select(e => e.Id).SingleAsync();
            return (id, await db.Set<Worker>().AsNoTracking().Where(w => w.CurrentEnterpriseId == id).OrderBy(w => w.Id).ToListAsync());
        });
        Assert.NotEmpty(staff);

        // Title rows, an STT column, the name under "Tên công nhân viên" (unknown to the detector), birth dates as
        // real date cells for some rows, one new CCCD typed as a number, one row with a CCCD that is too short.
        object?[] Line(int stt, Person p, bool dateCell = false, bool numeric = false) =>
        [
            stt, p.FullName, dateCell ? p.Dob.ToDateTime(TimeOnly.MinValue) : RosterKit.Date(p.Dob), p.Sex == Sex.Female ? "Nữ" : "Nam",
            numeric ? long.Parse(p.Cccd) : p.Cccd, "Chuyền " + (stt % 4 + 1),
        ];
        var news = new[] { Person.New("Lương Văn Phong", Sex.Male, 1998), Person.New("Hồ Thị Thảo", Sex.Female, 2002), Person.New("Trịnh Văn Quân", Sex.Male, 1995) };
        var data = staff.Select((w, i) => Line(i + 1, Person.Of(w), dateCell: i % 2 == 0)).ToList();
        data.Add(Line(data.Count + 1, news[0]));
        data.Add(Line(data.Count + 1, news[1], numeric: true));
        data.Add(Line(data.Count + 1, news[2], dateCell: true));
        data.Add(Line(data.Count + 1, Person.New("Đinh Thị Hạnh", Sex.Female, 1997) with { Cccd = "02419970" }));
        var path = _dir.File("danh-sach-thang-5.xlsx");
        SampleRosters.WriteXlsx(path,
        [
            ["CÔNG TY TNHH ĐIỆN TỬ QUANG CHÂU", null, null, null, null, null],
            ["DANH SÁCH CÔNG NHÂN VIÊN ĐANG LÀM VIỆC", null, null, null, null, null],
            [null, null, null, null, null, null],
            ["STT", "Tên công nhân viên", "Ngày sinh", "Giới tính", "Số CCCD", "Bộ phận"],
            .. data,
        ]);
        var dataRows = data.Count;

        var page = await browser.NewPageAsync();
        await page.ShootOnFailureAsync("roster-upload-remap-commit", async () =>
        {
            await page.LogInAsync("doanhnghiep");
            await page.GotoAsync("/Rosters");
            await Expect(page.Locator("#EnterpriseId")).ToHaveValueAsync(enterpriseId.ToString());
            await page.SetInputFilesAsync("#Upload", path);
            await page.GetByTestId("upload").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/Rosters/[0-9a-f-]{36}$"));

            // the preview cannot know the name column: it is shown unmapped, with the reason
            var nameColumn = page.GetByTestId("map-B");
            await Expect(nameColumn).ToBeVisibleAsync(new() { Timeout = 90_000 });
            await Expect(nameColumn).ToHaveValueAsync("");
            await Expect(page.GetByTestId("map-E")).ToHaveValueAsync(nameof(RosterField.Cccd));
            await Expect(page.GetByTestId("commit")).ToHaveCountAsync(0);

            // map it and preview again
            await nameColumn.SelectOptionAsync(new SelectOptionValue { Label = "Họ và tên" });
            await page.GetByTestId("remap").ClickAsync();
            await Expect(page.GetByTestId("count-valid")).ToHaveTextAsync((staff.Count + 3).ToString(), new() { Timeout = 90_000 });
            await Expect(page.GetByTestId("count-rows")).ToHaveTextAsync(dataRows.ToString());
            await Expect(page.GetByTestId("count-created")).ToHaveTextAsync("3");
            await Expect(page.GetByTestId("count-unchanged")).ToHaveTextAsync(staff.Count.ToString());
            await Expect(page.GetByTestId("count-errors")).ToHaveTextAsync("1");
            await Expect(page.GetByTestId("count-recovered")).ToHaveTextAsync("1");
            await Expect(page.GetByTestId("count-left")).ToHaveTextAsync("0");
            await Expect(page.GetByTestId("map-B")).ToHaveValueAsync(nameof(RosterField.FullName));
            await Expect(page.GetByTestId("error-list")).ToContainTextAsync("Số CCCD phải gồm đúng 12 chữ số.");

            // commit: the progress card, then the outcome
            await page.GetByTestId("commit").ClickAsync();
            await Expect(page.GetByTestId("outcome")).ToContainTextAsync("Đã ghi: 3 người mới, 0 cập nhật, 3 vào làm, 0 nghỉ việc", new() { Timeout = 90_000 });
            await Expect(page.GetByTestId("import-status")).ToHaveTextAsync("Đã ghi");
            await Expect(page.GetByTestId("changed-workers").Locator("li")).ToHaveCountAsync(3);

            // the full report: one row per input row, with its status
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report").ClickAsync());
            var report = _dir.File("report.xlsx");
            await download.SaveAsAsync(report);
            var rows = MiniExcel.Query(report, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            var numbered = rows.Where(r => r["Dòng / Row"] is not null).ToList();
            Assert.Equal(Enumerable.Range(RosterKit.FirstDataRow, dataRows).ToList(), numbered.Select(r => Convert.ToInt32(r["Dòng / Row"])).ToList());
            Assert.Equal(3, numbered.Count(r => r["Trạng thái / Status"]?.ToString() == "Thêm mới / New"));
            Assert.Equal(staff.Count, numbered.Count(r => r["Trạng thái / Status"]?.ToString() == "Không đổi / Unchanged"));
            var bad = Assert.Single(numbered, r => r["Trạng thái / Status"]?.ToString() == "Lỗi / Error");
            Assert.Contains("Số CCCD phải gồm đúng 12 chữ số.", bad["Thông báo / Message"]?.ToString());
        });

        // and the registry has the three new workers, employed there
        var cccds = news.Select(n => n.Cccd).ToList();
        Assert.Equal(3, await app.WithDbAsync(db => db.Set<Worker>().CountAsync(w => cccds.Contains(w.Cccd) && w.CurrentEnterpriseId == enterpriseId)));
    }
}
