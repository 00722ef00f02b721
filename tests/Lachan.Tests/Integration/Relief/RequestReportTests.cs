using System.Net;
using System.Text.RegularExpressions;
using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Relief.Requests;
using Lachan.Features.Relief.Supplies;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Lachan.Tests.Infrastructure;
using MiniExcelLibs;
using Microsoft.Extensions.DependencyInjection;

namespace Lachan.Tests.Integration.Relief;

/// <summary>The relief report page on small fixtures whose answers are known: the 48-hour reach share of one commune,
/// the requests by need, status and commune, the median and p90 of the time to delivery, and the xlsx/pdf exports — on
/// both databases, through HTTP, as a commune's desk (who sees only that commune).</summary>
public sealed partial class RequestReportTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    private static DateOnly June(int d) => new(2021, 6, d);

    [Theory, BothProviders]
    public async Task The_48_hour_share_counts_who_became_affected_in_the_period_and_was_reached_that_day_or_the_next(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var r = await TestRegistry.AddAsync(app);
        var world = await SupplyWorld.CreateAsync(app, packages: 10, rice: 10, money: 10_000_000);
        // quarantined from (day), reached on (days): the expected answer is in the name
        var reachedNextDay = await LodgerAsync(app, r, "Nguyễn Văn An");       // from 2/6, delivery 3/6: reached
        var reachedLate = await LodgerAsync(app, r, "Trần Thị Bình");           // from 4/6, counter 7/6: not within 48 h
        var affectedBefore = await LodgerAsync(app, r, "Lê Văn Cường");         // from 25/5: became affected before the period
        var neverReached = await LodgerAsync(app, r, "Phạm Thị Dung");          // from 5/6, nothing
        var reachedBefore = await LodgerAsync(app, r, "Hoàng Văn Em");          // from 6/6, counter 5/6: before, not after
        var cashNextDay = await LodgerAsync(app, r, "Vũ Thị Phương");           // from 9/6, cash 10/6: reached
        await app.WithDbAsync(async db =>
        {
            foreach (var (w, from) in new[] { (reachedNextDay, June(2)), (reachedLate, June(4)), (affectedBefore, new DateOnly(2021, 5, 25)), (neverReached, June(5)), (reachedBefore, June(6)), (cashNextDay, June(9)) })
                db.Add(new QuarantineOrder { WorkerId = w.Id, QuarantineRuleId = 1, PlaceKind = QuarantinePlace.LodgingHouse, StartOn = from, PlannedEndOn = from.AddDays(14) });
            var request = new HelpRequest
            {
                Ticket = RequestRules.NewTicket(), Channel = RequestChannel.Hotline, Name = reachedNextDay.FullName, CommuneCode = r.LodgingOwn.CommuneCode,
                DistrictCode = r.LodgingOwn.DistrictCode, ProvinceCode = TestRegistry.OwnProvince, WorkerId = reachedNextDay.Id, CreatedAt = DateTime.UtcNow, CreatedBy = "test",
            };
            db.Add(request);
            await db.SaveChangesAsync();
            db.Add(new Delivery { HelpRequestId = request.Id, WorkerId = reachedNextDay.Id, IdempotencyKey = Guid.NewGuid().ToString(), DeliveredOn = June(3), VolunteerUserName = "tnv", Items = "Gạo 10 kg × 1", ConfirmedBy = "cccd" });
            await db.SaveChangesAsync();
        });
        await IssueAsync(app, world, reachedLate, June(7), IssueChannel.Counter);
        await IssueAsync(app, world, reachedBefore, June(5), IssueChannel.Counter);
        await IssueAsync(app, world, cashNextDay, June(10), IssueChannel.Cash);

        var desk = await app.EnsureUserAsync("lf-r-" + r.Tag, Role.LabourFederation, TestRegistry.OwnProvince);
        var page = await (await app.LoggedInClientAsync(desk.UserName!)).GetPageAsync("/Relief/Requests/Reports?From=2021-06-01&To=2021-06-10");
        // commune, became affected, reached, still within 48 hours, share
        Assert.Equal(["Xã Một " + r.Tag, "5", "2", "0", "40 %"], Cells(page, "reach-" + r.LodgingOwn.CommuneCode));
    }

    [Theory, BothProviders]
    public async Task The_report_counts_requests_by_need_status_and_commune_with_the_median_and_p90_to_delivery(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var r = await TestRegistry.AddAsync(app);
        // eleven delivered after 2, 4, …, 20 and 100 hours (median 12, p90 20 by PERCENTILE.INC), one open, one cancelled
        var hours = new[] { 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 100 };
        await app.WithDbAsync(async db =>
        {
            var at = new DateTime(2021, 3, 2, 1, 0, 0, DateTimeKind.Utc);
            foreach (var (h, i) in hours.Select((h, i) => (h, i)))
            {
                var request = Request(r, i % 2 == 0 ? HelpNeed.Food : HelpNeed.Food | HelpNeed.Medicine, at.AddHours(i));
                request.Delivered(request.CreatedAt.AddHours(h));
                db.Add(request);
            }
            db.Add(Request(r, HelpNeed.Rent, at));
            var cancelled = Request(r, HelpNeed.Cash, at);
            cancelled.Cancel(at.AddHours(1));
            db.Add(cancelled);
            // made on 28/02 at 23:00 in the province (16:00 UTC): outside the period
            db.Add(Request(r, HelpNeed.Other, new DateTime(2021, 2, 28, 16, 0, 0, DateTimeKind.Utc)));
            await db.SaveChangesAsync();
        });

        var desk = await app.EnsureUserAsync("xa-r-" + r.Tag, Role.Commune, r.LodgingOwn.CommuneCode);
        var client = await app.LoggedInClientAsync(desk.UserName!);
        var page = await client.GetPageAsync("/Relief/Requests/Reports?From=2021-03-01&To=2021-03-10");
        Assert.Equal("13", Cell(page, "total"));
        Assert.Equal(("12", "20"), (Cell(page, "median"), Cell(page, "p90")));
        Assert.Equal(["Xã Một " + r.Tag, "13", "1", "11", "1"], Cells(page, "by-area", 0));
        Assert.Equal(["Lương thực, thực phẩm", "11"], Cells(page, "by-need", 0));
        Assert.Equal(["Thuốc men", "5"], Cells(page, "by-need", 1));

        var xlsx = await client.GetAsync("/Relief/Requests/Reports?handler=Export&format=xlsx&From=2021-03-01&To=2021-03-10");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var book = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var sheets = MiniExcel.GetSheetNames(book);
        Assert.Equal(5, sheets.Count);   // needs, status, commune, time to delivery, 48-hour share
        var times = (IDictionary<string, object>)MiniExcel.Query(book, useHeaderRow: true, sheetName: sheets[3]).Single();
        Assert.Equal((13d, 11d, 12d, 20d), (Convert.ToDouble(times["Yêu cầu"]), Convert.ToDouble(times["Đã trao hỗ trợ"]), Convert.ToDouble(times["Trung vị (giờ)"]), Convert.ToDouble(times["Phân vị 90 (giờ)"])));
        var pdf = await client.GetAsync("/Relief/Requests/Reports?handler=Export&format=pdf&From=2021-03-01&To=2021-03-10");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/Relief/Requests/Reports?handler=Export&format=exe")).StatusCode);
        // a period backwards, or a date that is not one: said on the page, naming the field
        Assert.Contains("Khoảng thời gian không hợp lệ (tối đa 366 ngày", await client.GetPageAsync("/Relief/Requests/Reports?From=2021-03-10&To=2021-03-01"));
        Assert.Contains("Ngày «31/02/2021» không hợp lệ", await client.GetPageAsync("/Relief/Requests/Reports?From=31/02/2021&To=2021-03-01"));
    }

    private static HelpRequest Request(TestRegistry r, HelpNeed need, DateTime at)
    {
        var request = new HelpRequest
        {
            Ticket = RequestRules.NewTicket(), Channel = RequestChannel.Hotline, Name = "Người " + r.Tag, CommuneCode = r.LodgingOwn.CommuneCode,
            DistrictCode = r.LodgingOwn.DistrictCode, ProvinceCode = TestRegistry.OwnProvince, CreatedAt = at, CreatedBy = "test",
        };
        request.Prioritise(need, null, RequestPriority.Assess(need, Facts.None), at.AddDays(1));
        return request;
    }

    private static async Task<Worker> LodgerAsync(LachanApp app, TestRegistry r, string name)
    {
        var w = new Worker
        {
            Cccd = TestRegistry.NewCccd("024", Sex.Male, 1995), FullName = name, NameSearch = VietnameseText.SearchKey(name), Sex = Sex.Male,
            DateOfBirth = new(1995, 1, 1), HomeProvinceCode = "024", ProvinceCode = TestRegistry.OwnProvince, PermanentAddress = "Bắc Giang",
        };
        w.MoveLodging(r.LodgingOwn.Id, new DateOnly(2020, 1, 1), null);
        await app.WithDbAsync(async db => { db.Add(w); await db.SaveChangesAsync(); });
        return w;
    }

    private static async Task IssueAsync(LachanApp app, SupplyWorld world, Worker w, DateOnly day, IssueChannel channel)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var lines = channel == IssueChannel.Cash ? [] : new[] { new IssueLine(SupplyWorld.Rice, 1) };
        var result = await scope.ServiceProvider.GetRequiredService<SupplyIssues>().IssueAsync(
            new(Guid.NewGuid().ToString(), world.Point.Id, day, channel, w.Id, null, lines, channel == IssueChannel.Cash ? 500_000 : 0), default);
        Assert.IsType<IssueResult.Issued>(result);
    }

    private static string Cell(string html, string testId) =>
        Regex.Match(html, $"data-testid=\"{testId}\"[^>]*>([^<]*)<").Groups[1].Value.Trim();

    /// <summary>The cells of the row with the test id, or of the n-th body row of the table with it.</summary>
    private static List<string> Cells(string html, string testId, int? row = null)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, testId + " not on the page");
        var rest = html[start..];
        if (row is int n) rest = rest[rest.IndexOf("<tbody>", StringComparison.Ordinal)..].Split("<tr")[n + 1];
        var tr = rest[..rest.IndexOf("</tr>", StringComparison.Ordinal)];
        return [.. CellText().Matches(tr).Select(m => m.Groups[1].Value.Trim())];
    }

    [GeneratedRegex("<t[dh][^>]*>(.*?)</t[dh]>")]
    private static partial Regex CellText();
}
