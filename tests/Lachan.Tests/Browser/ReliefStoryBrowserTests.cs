using System.Text.RegularExpressions;
using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Relief.Requests;
using Lachan.Features.Relief.Supplies;
using Lachan.Infrastructure.Calendar;
using Lachan.Infrastructure.Localization;
using Lachan.Tests.Infrastructure;
using Lachan.Tests.Integration.Relief;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lachan.Tests.Browser;

/// <summary>The relief story on phones (390 px), in the demo province: a quarantined worker is on "no one left hungry",
/// asks for help on the public form (picking their lodging house), the labour federation's desk assigns the request, the
/// volunteer records the delivery offline and it is sent when the connection returns, and the worker leaves the list;
/// the public transparency page's totals equal the ledger summed directly.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReliefStoryBrowserTests(BrowserFixture browser)
{
    private const int Width = 390, Height = 844;

    [Fact]
    public async Task A_worker_asks_a_desk_assigns_a_volunteer_delivers_offline_and_the_worker_is_no_longer_unreached()
    {
        var app = browser.App;
        var r = browser.Registry;
        var today = app.Services.GetRequiredService<ProvinceCalendar>().Today;
        var worker = await LodgerInQuarantineAsync(app, r, today);
        var team = await app.WithDbAsync(async db =>
        {
            var t = new ReliefTeam { Name = "Tổ câu chuyện " + r.Tag, CommuneCode = r.LodgingOwn.CommuneCode, DistrictCode = r.LodgingOwn.DistrictCode, ProvinceCode = r.LodgingOwn.ProvinceCode };
            db.Add(t);
            await db.SaveChangesAsync();
            return t;
        });
        var world = await SupplyWorld.CreateAsync(app, packages: 0, rice: 5);
        var unreachedUrl = $"/Relief/Requests/Unreached?Date={today:yyyy-MM-dd}&Days=7&House={r.LodgingOwn.Id}";

        var desk = await browser.NewPageAsync(Width, Height);
        await desk.ShootOnFailureAsync("relief-story", async () =>
        {
            await desk.LogInAsync("congdoan");
            await desk.GotoAsync(unreachedUrl);
            await Expect(desk.GetByTestId("unreached-workers")).ToContainTextAsync(worker.FullName);

            // the worker asks for help on the public form, on a phone, without an account
            var ticket = await AskForHelpAsync(r, worker);

            // the desk triages: assigns the request to the team and the volunteer
            var id = await app.WithDbAsync(db => db.Set<HelpRequest>().Where(x => x.Ticket == ticket).Select(x => x.Id).SingleAsync());
            await desk.GotoAsync($"/Relief/Requests/Detail/{id}");
            await Expect(desk.Locator("h1")).ToContainTextAsync(ticket);
            await desk.SelectOptionAsync("#TeamId", team.Id.ToString());
            await desk.SelectOptionAsync("#Volunteer", "tinhnguyen");
            await desk.GetByTestId("assign").ClickAsync();
            await Expect(desk.GetByTestId("request-status")).ToContainTextAsync("Đã giao");
            Assert.True(await desk.FitsWidthAsync(), "the request is wider than the phone");

            // the volunteer delivers without a connection; the entry is sent when it returns
            await DeliverOfflineAsync(ticket, world, worker);
            Assert.Equal(4L, await app.WithDbAsync(db => db.Set<Holding>().Where(h => h.Kind == AccountKind.Point && h.Ref == world.Point.Id && h.ItemId == SupplyWorld.Rice).SumAsync(h => h.Quantity)));
            Assert.Equal(RequestStatus.Delivered, await app.WithDbAsync(db => db.Set<HelpRequest>().Where(x => x.Id == id).Select(x => x.Status).SingleAsync()));

            await desk.GotoAsync(unreachedUrl);
            await Expect(desk.GetByTestId("unreached-total")).ToBeVisibleAsync();
            await Expect(desk.Locator("main")).Not.ToContainTextAsync(worker.FullName);
            Assert.True(await desk.FitsWidthAsync(), "no one left hungry is wider than the phone");
        });
    }

    [Fact]
    public async Task The_transparency_pages_totals_equal_the_ledger_summed_directly()
    {
        var app = browser.App;
        var today = app.Services.GetRequiredService<ProvinceCalendar>().Today;
        // the ends of the chain up to the day: donors in (less gifts returned), recipients out (less reversals)
        var sums = await app.WithDbAsync(async db =>
        {
            var m = await db.Set<LedgerMovement>().AsNoTracking().Where(x => x.Day <= today)
                .Select(x => new { x.FromKind, x.ToKind, Money = x.ItemId == null, x.Value }).ToListAsync();
            long Sum(bool money, AccountKind end, bool incoming) => m.Where(x => x.Money == money)
                .Sum(x => (incoming ? x.FromKind : x.ToKind) == end ? x.Value : (incoming ? x.ToKind : x.FromKind) == end ? -x.Value : 0);
            return new Dictionary<string, long>
            {
                ["money-in"] = Sum(true, AccountKind.Donor, true), ["money-out"] = Sum(true, AccountKind.Recipients, false),
                ["goods-in"] = Sum(false, AccountKind.Donor, true), ["goods-out"] = Sum(false, AccountKind.Recipients, false),
            };
        });
        Assert.True(sums["money-in"] > 0 && sums["goods-out"] > 0, "the demo province has a ledger");

        var page = await browser.NewPageAsync(Width, Height);
        await page.ShootOnFailureAsync("relief-transparency", async () =>
        {
            await page.GotoAsync("/Relief/Supplies/Transparency");
            foreach (var (id, value) in sums) await Expect(page.GetByTestId(id)).ToHaveTextAsync(UiText.Money(value));
            await Expect(page.GetByTestId("money-held")).ToHaveTextAsync(UiText.Money(sums["money-in"] - sums["money-out"]));
            Assert.True(await page.FitsWidthAsync(), "the transparency page is wider than the phone");
        });
    }

    private async Task<string> AskForHelpAsync(TestRegistry r, Worker worker)
    {
        var page = await browser.NewPageAsync(Width, Height);
        var ticket = "";
        await page.ShootOnFailureAsync("relief-story-help", async () =>
        {
            await page.GotoAsync("/Help");
            await page.FillAsync("#Form_Name", worker.FullName);
            await page.FillAsync("#Form_Phone", worker.Phone!);
            await page.FillAsync("#Form_Cccd", worker.Cccd);
            await page.SelectOptionAsync("#Form_CommuneCode", r.LodgingOwn.CommuneCode);
            // the commune's houses arrive in the picker
            await Expect(page.Locator($"#Form_LodgingHouseId option[value='{r.LodgingOwn.Id}']")).ToHaveCountAsync(1);
            await page.SelectOptionAsync("#Form_LodgingHouseId", r.LodgingOwn.Id.ToString());
            await page.FillAsync("#Form_Address", "Phòng 7");
            await page.GetByTestId("need-food").CheckAsync();
            Assert.True(await page.FitsWidthAsync(), "the help form is wider than the phone");
            await page.GetByTestId("help-submit").ClickAsync();
            await Expect(page.GetByTestId("ticket-status")).ToBeVisibleAsync();
            ticket = Regex.Match(await page.GetByTestId("ticket-status").InnerTextAsync(), "HT-[A-Z0-9]{6}").Value;
            Assert.NotEmpty(ticket);
        });
        return ticket;
    }

    private async Task DeliverOfflineAsync(string ticket, SupplyWorld world, Worker worker)
    {
        var page = await browser.NewPageAsync(Width, Height);
        await page.ShootOnFailureAsync("relief-story-delivery", async () =>
        {
            await page.LogInAsync("tinhnguyen");
            await page.GotoAsync("/Relief/Requests/Deliveries");
            var stop = page.GetByTestId("stop-" + ticket);
            await Expect(stop).ToBeVisibleAsync();
            Assert.True(await page.FitsWidthAsync(), "the deliveries are wider than the phone");

            await page.Context.SetOfflineAsync(true);
            await stop.GetByTestId("point").SelectOptionAsync(world.Point.Id.ToString());
            await stop.GetByTestId("quantity-" + SupplyWorld.Rice).FillAsync("1");
            await stop.GetByTestId("confirmation").FillAsync(worker.Cccd[^4..]);
            await stop.GetByTestId("deliver").ClickAsync();
            var sync = page.GetByTestId("delivery-sync");
            await Expect(sync).ToHaveAttributeAsync("data-waiting", "1");
            Assert.Equal(0, await browser.App.WithDbAsync(db => db.Set<Delivery>().CountAsync(d => d.WorkerId == worker.Id)));

            await page.Context.SetOfflineAsync(false);
            await Expect(sync).ToHaveAttributeAsync("data-waiting", "0");
            await Expect(stop.Locator("form")).ToHaveCountAsync(0);
            Assert.Equal(1, await browser.App.WithDbAsync(db => db.Set<Delivery>().CountAsync(d => d.WorkerId == worker.Id)));
        });
    }

    /// <summary>A new worker lodging in the own house, in quarantine since yesterday: affected, and nobody has come yet.</summary>
    private static async Task<Worker> LodgerInQuarantineAsync(LachanApp app, TestRegistry r, DateOnly today)
    {
        var w = new Worker
        {
            Cccd = TestRegistry.NewCccd("024", Sex.Female, 1998), FullName = "Lò Thị Sinh " + r.Tag, NameSearch = VietnameseText.SearchKey("Lò Thị Sinh " + r.Tag),
            Sex = Sex.Female, DateOfBirth = new(1998, 2, 3), Phone = "0988" + Random.Shared.Next(100_000, 999_999), HomeProvinceCode = "024",
            ProvinceCode = TestRegistry.OwnProvince, PermanentAddress = "Bắc Giang",
        };
        w.MoveLodging(r.LodgingOwn.Id, new DateOnly(2020, 1, 1), "P.7");
        await app.WithDbAsync(async db =>
        {
            db.Add(w);
            await db.SaveChangesAsync();
            db.Add(new QuarantineOrder { WorkerId = w.Id, QuarantineRuleId = 1, PlaceKind = QuarantinePlace.LodgingHouse, StartOn = today.AddDays(-1), PlannedEndOn = today.AddDays(13) });
            await db.SaveChangesAsync();
        });
        return w;
    }
}
