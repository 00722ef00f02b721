using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lachan.Features.Relief.Requests;
using Lachan.Features.Relief.Supplies;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Auth;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration.Relief;

/// <summary>A volunteer's delivery draws the goods it hands over from a point's stock through SupplyIssues, under the
/// delivery's own key: a doubled sync draws once, a draw the stock cannot cover is refused with the item's name and
/// records no delivery — on both databases.</summary>
public sealed class DeliveryStockTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    private sealed record Stop(HelpRequest Request, HttpClient Phone, SupplyWorld World, string Cccd);

    /// <summary>A request of a registered worker assigned to a new volunteer, and a point holding the given stock.</summary>
    private static async Task<Stop> StopAsync(LachanApp app, long packages, long rice)
    {
        var r = await TestRegistry.AddAsync(app);
        var volunteer = await app.EnsureUserAsync("tnv-s-" + r.Tag, Role.Volunteer, null);
        var request = await app.WithDbAsync(async db =>
        {
            var team = new ReliefTeam { Name = "Tổ " + r.Tag, CommuneCode = r.LodgingOwn.CommuneCode, DistrictCode = r.LodgingOwn.DistrictCode, ProvinceCode = TestRegistry.OwnProvince };
            db.Add(team);
            await db.SaveChangesAsync();
            var now = DateTime.UtcNow;
            var request = new HelpRequest
            {
                Ticket = RequestRules.NewTicket(), Channel = RequestChannel.Hotline, Name = r.WorkerOwn.FullName, CommuneCode = r.LodgingOwn.CommuneCode,
                DistrictCode = r.LodgingOwn.DistrictCode, ProvinceCode = TestRegistry.OwnProvince, WorkerId = r.WorkerOwn.Id, CreatedAt = now, CreatedBy = "test",
            };
            request.Prioritise(HelpNeed.Food, null, RequestPriority.Assess(HelpNeed.Food, new Facts(false, false, false, false, true)), now.AddDays(1));
            request.Assign(team.Id, volunteer.UserName, null, now);
            db.Add(request);
            await db.SaveChangesAsync();
            return request;
        });
        var world = await SupplyWorld.CreateAsync(app, packages, rice);
        return new Stop(request, await app.LoggedInClientAsync(volunteer.UserName!), world, r.WorkerOwn.Cccd);
    }

    private static Dictionary<string, string> Entry(Stop s, string key, params (int Item, long Quantity)[] lines)
    {
        var entry = new Dictionary<string, string>
        {
            ["RequestId"] = s.Request.Id.ToString(), ["Key"] = key, ["PointId"] = s.World.Point.Id.ToString(), ["Confirmation"] = s.Cccd[^4..],
        };
        foreach (var (item, quantity) in lines) entry[$"Quantities[{item}]"] = quantity.ToString();
        return entry;
    }

    private static Task<HttpResponseMessage> SendAsync(Stop s, Dictionary<string, string> entry) =>
        s.Phone.PostFormAsync("/Relief/Requests/Deliveries", entry, "/Relief/Requests/Deliveries?handler=Record");

    private static Task<long> StockAsync(LachanApp app, Stop s, int item) => app.WithDbAsync(db =>
        db.Set<Holding>().Where(h => h.Kind == AccountKind.Point && h.Ref == s.World.Point.Id && h.ItemId == item).SumAsync(h => h.Quantity));

    [Theory, BothProviders]
    public async Task A_delivery_draws_the_points_stock_and_a_doubled_sync_draws_once(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var s = await StopAsync(app, packages: 3, rice: 5);
        var key = Guid.NewGuid().ToString();
        var entry = Entry(s, key, (SupplyWorld.Package, 1), (SupplyWorld.Rice, 2));

        var first = await SendAsync(s, entry);
        var again = await SendAsync(s, entry);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Contains("\"duplicate\":true", await again.Content.ReadAsStringAsync());

        Assert.Equal((2L, 3L), (await StockAsync(app, s, SupplyWorld.Package), await StockAsync(app, s, SupplyWorld.Rice)));
        await app.WithDbAsync(async db =>
        {
            // the issue carries the delivery's key; its movements go from the point to the workers reached by delivery
            var issue = await db.Set<ReliefIssue>().Include(i => i.Movements).SingleAsync(i => i.IdempotencyKey == key);
            Assert.Equal((IssueChannel.Delivery, s.Request.WorkerId, s.Request.Ticket, s.World.Point.Id), (issue.Channel, issue.WorkerId, issue.TicketCode, issue.PointId));
            Assert.Equal([(SupplyWorld.Package, 1L, 100_000L), (SupplyWorld.Rice, 2L, 200_000L)],
                issue.Movements.OrderBy(m => m.ItemId).Select(m => (m.ItemId!.Value, m.Quantity, m.Value)));
            Assert.All(issue.Movements, m => Assert.Equal((AccountKind.Point, AccountKind.Recipients, (int)IssueChannel.Delivery), (m.FromKind, m.ToKind, m.ToRef)));
            var delivery = await db.Set<Delivery>().SingleAsync(d => d.HelpRequestId == s.Request.Id);
            Assert.Equal((key, "Gói nhu yếu phẩm cơ bản × 1; Gạo 10 kg × 2"), (delivery.IdempotencyKey, delivery.Items));
            Assert.Equal(RequestStatus.Delivered, (await db.Set<HelpRequest>().SingleAsync(x => x.Id == s.Request.Id)).Status);
            return 0;
        });
    }

    [Theory, BothProviders]
    public async Task A_delivery_the_stock_cannot_cover_is_refused_naming_the_item_and_records_nothing(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var s = await StopAsync(app, packages: 2, rice: 1);
        var key = Guid.NewGuid().ToString();

        var refused = await SendAsync(s, Entry(s, key, (SupplyWorld.Package, 1), (SupplyWorld.Rice, 2)));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("Gạo 10 kg", errors.GetProperty("Items").GetString());
        var none = await SendAsync(s, Entry(s, Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.True((await none.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("Items", out _));

        Assert.Equal((2L, 1L), (await StockAsync(app, s, SupplyWorld.Package), await StockAsync(app, s, SupplyWorld.Rice)));
        await app.WithDbAsync(async db =>
        {
            Assert.False(await db.Set<ReliefIssue>().AnyAsync(i => i.IdempotencyKey == key));
            Assert.False(await db.Set<Delivery>().AnyAsync(d => d.HelpRequestId == s.Request.Id));
            Assert.Equal(RequestStatus.Assigned, (await db.Set<HelpRequest>().SingleAsync(x => x.Id == s.Request.Id)).Status);
            return 0;
        });

        // corrected (the same entry, one bag of rice) it goes through
        var corrected = await SendAsync(s, Entry(s, key, (SupplyWorld.Package, 1), (SupplyWorld.Rice, 1)));
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal((1L, 0L), (await StockAsync(app, s, SupplyWorld.Package), await StockAsync(app, s, SupplyWorld.Rice)));
    }

    [Theory, BothProviders]
    public async Task The_same_entry_sent_from_two_tabs_at_once_is_one_delivery_and_one_draw(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var s = await StopAsync(app, packages: 5, rice: 0);
        var key = Guid.NewGuid().ToString();
        var entry = Entry(s, key, (SupplyWorld.Package, 1));

        var answers = await Task.WhenAll(SendAsync(s, entry), SendAsync(s, entry), SendAsync(s, entry));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(4L, await StockAsync(app, s, SupplyWorld.Package));
        Assert.Equal((1, 1), await app.WithDbAsync(async db =>
            (await db.Set<ReliefIssue>().CountAsync(i => i.IdempotencyKey == key), await db.Set<Delivery>().CountAsync(d => d.HelpRequestId == s.Request.Id))));
    }
}
