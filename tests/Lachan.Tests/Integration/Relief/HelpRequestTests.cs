using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Outbreak.Zones;
using Lachan.Features.Relief.Requests;
using Lachan.Infrastructure;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lachan.Tests.Integration.Relief;

/// <summary>Apps whose public relief endpoints allow 5 requests a minute per client (the production default is 20).</summary>
public sealed class ReliefApps() : Apps(Seed.Empty, new Dictionary<string, string> { ["Relief:PublicRateLimit:PerMinute"] = "5" });

/// <summary>The public contract (201 ticket, 200 on a merged duplicate, the ticket without personal data, 429 per
/// client), the delivery's idempotency key, and "no one left hungry" before and after a delivery — on both databases.</summary>
public sealed class HelpRequestTests(ReliefApps apps) : IClassFixture<ReliefApps>
{
    private static int _ip = 10;
    private static HttpClient From(LachanApp app, string? ip = null)
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", ip ?? $"203.0.113.{Interlocked.Increment(ref _ip) % 250}");
        return client;
    }

    [Theory, BothProviders]
    public async Task A_flood_from_one_client_gets_429_while_another_client_goes_through(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var flooder = From(app, "198.51.100.77");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
            statuses.Add((await flooder.PostAsJsonAsync("/api/v1/public/help-requests", new { name = "x", phone = "bad", needs = new[] { "food" } })).StatusCode);
        Assert.All(statuses.Take(5), s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.All(statuses.Skip(5), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        var honest = await From(app, "198.51.100.78").PostAsJsonAsync("/api/v1/public/help-requests", new { name = "y", phone = "bad", needs = new[] { "food" } });
        Assert.Equal(HttpStatusCode.BadRequest, honest.StatusCode);
    }

    [Theory, BothProviders]
    public async Task A_request_from_a_worker_whose_house_is_locked_and_employer_stopped_today_says_so_in_its_priority(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var locked = await TestRegistry.AddAsync(app);
        var free = await TestRegistry.AddAsync(app);
        var today = app.Services.GetRequiredService<TimeProvider>().ProvinceToday();
        // zones of this registry's own house and enterprise only, so the class's other tests see nothing of them
        await app.WithDbAsync(async db =>
        {
            ZoneOrder Order() => new() { Level = ZoneLevel.Lockdown, DecisionNumber = "91/QĐ-UBND", DecisionDate = today.AddDays(-2), IssuedBy = "UBND huyện", EffectiveFrom = today.AddDays(-2) };
            db.Add(new ControlZone { Name = "Cụm " + locked.Tag, Kind = ControlZoneKind.LodgingCluster, ProvinceCode = TestRegistry.OwnProvince,
                LodgingHouses = [new ControlZoneLodging { LodgingHouseId = locked.LodgingOwn.Id }], Orders = [Order()] });
            db.Add(new ControlZone { Name = "DN " + locked.Tag, Kind = ControlZoneKind.EnterpriseSite, EnterpriseId = locked.EnterpriseOwn.Id, ProvinceCode = TestRegistry.OwnProvince,
                Orders = [Order()] });
            await db.SaveChangesAsync();
        });
        async Task<string> ReasonsAsync(TestRegistry r)
        {
            // the CCCD finds the worker; a phone of its own, as the registries' workers share one (it would merge)
            var sent = await From(app).PostAsJsonAsync("/api/v1/public/help-requests",
                new { name = "Người lao động", phone = "09" + Random.Shared.Next(10_000_000, 99_999_999), cccd = r.WorkerOwn.Cccd, communeCode = r.LodgingOwn.CommuneCode, lodgingHouseId = r.LodgingOwn.Id, needs = new[] { "cash" } });
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
            var ticket = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticket").GetString();
            return await app.WithDbAsync(db => db.Set<HelpRequest>().Where(x => x.Ticket == ticket).Select(x => x.Reasons).SingleAsync());
        }
        var reasons = await ReasonsAsync(locked);
        Assert.Contains("LockedZone", reasons);
        Assert.Contains("EmployerSuspended", reasons);
        var others = await ReasonsAsync(free);
        Assert.DoesNotContain("LockedZone", others);
        Assert.DoesNotContain("EmployerSuspended", others);
    }

    [Theory, BothProviders]
    public async Task Request_merges_is_delivered_once_offline_and_the_worker_leaves_the_unreached_list(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var r = await TestRegistry.AddAsync(app);
        var today = app.Services.GetRequiredService<TimeProvider>().ProvinceToday();
        // the own worker is in quarantine since yesterday: affected, and nobody has brought anything yet
        await app.WithDbAsync(async db =>
        {
            db.Add(new QuarantineOrder { WorkerId = r.WorkerOwn.Id, QuarantineRuleId = 1, PlaceKind = QuarantinePlace.LodgingHouse, StartOn = today.AddDays(-1), PlannedEndOn = today.AddDays(13) });
            db.Add(new ReliefTeam { Name = "Tổ " + r.Tag, CommuneCode = r.LodgingOwn.CommuneCode, DistrictCode = r.LodgingOwn.DistrictCode, ProvinceCode = TestRegistry.OwnProvince });
            await db.SaveChangesAsync();
        });
        var desk = await app.EnsureUserAsync("lf-" + r.Tag, Role.LabourFederation, TestRegistry.OwnProvince);
        var volunteer = await app.EnsureUserAsync("tnv-" + r.Tag, Role.Volunteer, null);
        var api = await app.ApiClientAsync(desk.UserName!);
        Assert.Contains(r.WorkerOwn.Id, await UnreachedIdsAsync(api, today));

        // the worker asks twice (food, then food and medicine): one ticket
        var form = new { name = "Đặng Thị Quỳnh Hương", phone = r.WorkerOwn.Phone, cccd = r.WorkerOwn.Cccd, communeCode = r.LodgingOwn.CommuneCode, address = "P.3", needs = new[] { "food" }, note = "<b>hết gạo</b>" };
        var first = await From(app).PostAsJsonAsync("/api/v1/public/help-requests", form with { note = "hết gạo" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var ticket = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticket").GetString()!;
        var again = await From(app).PostAsJsonAsync("/api/v1/public/help-requests", form with { needs = new[] { "food", "medicine" }, note = "cần thuốc" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(ticket, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticket").GetString());
        var xss = await From(app).PostAsJsonAsync("/api/v1/public/help-requests", form);
        Assert.Equal(HttpStatusCode.BadRequest, xss.StatusCode);
        Assert.Contains("\"note\"", await xss.Content.ReadAsStringAsync());

        // the ticket page: status and dates, nothing personal
        var status = await From(app).GetStringAsync($"/api/v1/public/help-requests/{ticket}");
        Assert.Contains("\"status\":\"New\"", status);
        foreach (var personal in new[] { r.WorkerOwn.Phone!, r.WorkerOwn.Cccd, "Quỳnh", "P.3" }) Assert.DoesNotContain(personal, status);
        var request = await app.WithDbAsync(db => db.Set<HelpRequest>().SingleAsync(x => x.Ticket == ticket));
        Assert.Equal(HelpNeed.Food | HelpNeed.Medicine, request.Needs);
        Assert.Equal(1, request.MergedCount);
        Assert.Equal(r.WorkerOwn.Id, request.WorkerId);
        Assert.Contains("Quarantine", request.Reasons);

        // the desk assigns it to the team and the volunteer
        var pages = await app.LoggedInClientAsync(desk.UserName!);
        var teamId = await app.WithDbAsync(db => db.Set<ReliefTeam>().Where(t => t.Name == "Tổ " + r.Tag).Select(t => t.Id).SingleAsync());
        var assigned = await pages.PostFormAsync($"/Relief/Requests/Detail/{request.Id}", new Dictionary<string, string> { ["TeamId"] = teamId.ToString(), ["Volunteer"] = volunteer.UserName! },
            $"/Relief/Requests/Detail/{request.Id}?handler=Assign");
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);

        // the volunteer's phone sends the queued entry twice (the answer to the first was lost): recorded once
        var phone = await app.LoggedInClientAsync(volunteer.UserName!);
        Assert.Contains(ticket, await phone.GetPageAsync("/Relief/Requests/Deliveries"));
        var key = Guid.NewGuid().ToString();
        var world = await SupplyWorld.CreateAsync(app, packages: 0, rice: 3);
        var entry = new Dictionary<string, string> { ["RequestId"] = request.Id.ToString(), ["Key"] = key, ["PointId"] = world.Point.Id.ToString(), ["Quantities[2]"] = "1", ["Confirmation"] = r.WorkerOwn.Cccd[^4..], ["DeliveredOn"] = today.ToString("yyyy-MM-dd") };
        var wrong = await phone.PostFormAsync("/Relief/Requests/Deliveries", new Dictionary<string, string>(entry) { ["Key"] = Guid.NewGuid().ToString(), ["Confirmation"] = "0000" }, "/Relief/Requests/Deliveries?handler=Record");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var sent = await phone.PostFormAsync("/Relief/Requests/Deliveries", entry, "/Relief/Requests/Deliveries?handler=Record");
        var resent = await phone.PostFormAsync("/Relief/Requests/Deliveries", entry, "/Relief/Requests/Deliveries?handler=Record");
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Contains("\"duplicate\":true", await resent.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Delivery>().CountAsync(d => d.HelpRequestId == request.Id)));
        Assert.Contains("\"status\":\"Delivered\"", await From(app).GetStringAsync($"/api/v1/public/help-requests/{ticket}"));

        Assert.DoesNotContain(r.WorkerOwn.Id, await UnreachedIdsAsync(api, today));
    }

    [Theory, BothProviders]
    public async Task An_unknown_ticket_is_not_found_and_unreached_needs_a_registry_reader(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        Assert.Equal(HttpStatusCode.NotFound, (await From(app).GetAsync("/api/v1/public/help-requests/HT-AAAAAA")).StatusCode);
        var volunteer = await app.EnsureUserAsync("tnv-x-" + provider, Role.Volunteer, null);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync(volunteer.UserName!)).GetAsync("/api/v1/relief/unreached")).StatusCode);
        var desk = await app.EnsureUserAsync("lf-x-" + provider, Role.LabourFederation, TestRegistry.OwnProvince);
        var bad = await (await app.ApiClientAsync(desk.UserName!)).GetAsync("/api/v1/relief/unreached?date=25/05/2021&days=7");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Theory, BothProviders]
    public async Task A_counter_issue_reaches_the_worker_too(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var r = await TestRegistry.AddAsync(app);
        var today = app.Services.GetRequiredService<TimeProvider>().ProvinceToday();
        await app.WithDbAsync(async db =>
        {
            db.Add(new QuarantineOrder { WorkerId = r.WorkerOwn.Id, QuarantineRuleId = 1, PlaceKind = QuarantinePlace.Home, StartOn = today.AddDays(-2), PlannedEndOn = today.AddDays(12) });
            await db.SaveChangesAsync();
        });
        var desk = await app.EnsureUserAsync("lf-c-" + r.Tag, Role.LabourFederation, TestRegistry.OwnProvince);
        var api = await app.ApiClientAsync(desk.UserName!);
        Assert.Contains(r.WorkerOwn.Id, await UnreachedIdsAsync(api, today));

        var world = await SupplyWorld.CreateAsync(app, packages: 5);
        using (var scope = app.Services.CreateScope())
        {
            var issued = await scope.ServiceProvider.GetRequiredService<Lachan.Features.Relief.Supplies.SupplyIssues>().IssueAsync(
                new(Guid.NewGuid().ToString(), world.Point.Id, today, Lachan.Features.Relief.Supplies.IssueChannel.Counter, r.WorkerOwn.Id, null,
                    [new(SupplyWorld.Package, 1)]), default);
            Assert.IsType<Lachan.Features.Relief.Supplies.IssueResult.Issued>(issued);
        }

        Assert.DoesNotContain(r.WorkerOwn.Id, await UnreachedIdsAsync(api, today));
    }

    private static async Task<List<int>> UnreachedIdsAsync(HttpClient api, DateOnly day)
    {
        var json = await api.GetFromJsonAsync<JsonElement>($"/api/v1/relief/unreached?date={day:yyyy-MM-dd}&days=7&pageSize=200");
        return json.GetProperty("workers").GetProperty("items").EnumerateArray().Select(w => w.GetProperty("id").GetInt32()).ToList();
    }
}
