using Lachan.Features.Relief.Contracts;
using Lachan.Features.Relief.Requests;
using Lachan.Infrastructure.Auth;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration;

/// <summary>Help requests: the province's desks see their province's, a district or commune its area's, a volunteer only
/// what is assigned to them (the own side's request is assigned to the matrix's volunteer). Dispatch (assign, cancel,
/// hotline, worklists) is not for volunteers; "no one left hungry" and the hotline also need the registry's workers.</summary>
public sealed partial class AccessMatrixTests
{
    private static bool Dispatcher(Role r) => r != Role.Volunteer;

    private static string TeamName(TestRegistry r, Side side) => $"Tổ {(side == Side.Own ? "Một" : "Hai")} {r.Tag}";

    internal static async Task AddReliefAsync(LachanApp app, TestRegistry r)
    {
        await app.WithDbAsync(async db =>
        {
            foreach (var side in new[] { Side.Own, Side.Other })
            {
                var house = side == Side.Own ? r.LodgingOwn : r.LodgingOther;
                db.Add(new ReliefTeam { Name = TeamName(r, side), CommuneCode = house.CommuneCode, DistrictCode = house.DistrictCode, ProvinceCode = house.ProvinceCode });
            }
            await db.SaveChangesAsync();
        });
        foreach (var side in new[] { Side.Own, Side.Other }) _reliefTickets[(r.Tag, side)] = (await NewHelpRequestAsync(app, r, side)).Ticket;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, Side), string> _reliefTickets = new();
    private static string ReliefTicket(Caller c, Side side) => _reliefTickets[(c.Registry.Tag, side)];

    /// <summary>A request of the side's commune, assigned to the side's team (the own side's also to the matrix's volunteer).</summary>
    private static Task<HelpRequest> NewHelpRequestAsync(LachanApp app, TestRegistry r, Side side, bool assign = true) => app.WithDbAsync(async db =>
    {
        var house = side == Side.Own ? r.LodgingOwn : r.LodgingOther;
        var worker = side == Side.Own ? r.WorkerOwn : r.WorkerOther;
        var team = await db.Set<ReliefTeam>().SingleAsync(t => t.Name == TeamName(r, side));
        var now = DateTime.UtcNow;
        var request = new HelpRequest
        {
            Ticket = RequestRules.NewTicket(), Channel = RequestChannel.Hotline, Name = side == Side.Own ? "Người Cần Một" : "Người Cần Hai", Phone = worker.Phone,
            CommuneCode = house.CommuneCode, DistrictCode = house.DistrictCode, ProvinceCode = house.ProvinceCode, LodgingHouseId = house.Id, CreatedAt = now, CreatedBy = "test",
        };
        request.Prioritise(HelpNeed.Food, null, RequestPriority.Assess(HelpNeed.Food, Facts.None), now.AddDays(1));
        if (assign) request.Assign(team.Id, side == Side.Own ? UserFor(Role.Volunteer) : "someone-else", null, now);
        db.Add(request);
        await db.SaveChangesAsync();
        return request;
    });

    private static Task<RequestStatus> HelpStatusAsync(Caller c, int id) =>
        c.App.WithDbAsync(db => db.Set<HelpRequest>().Where(x => x.Id == id).Select(x => x.Status).SingleAsync());

    private static Task<int> TeamIdAsync(Caller c, Side side) =>
        c.App.WithDbAsync(db => db.Set<ReliefTeam>().Where(t => t.Name == TeamName(c.Registry, side)).Select(t => t.Id).SingleAsync());

    private static Task<int> SubmissionsAsync(Caller c, int workerId) =>
        c.App.WithDbAsync(db => db.Set<HelpRequest>().Where(x => x.WorkerId == workerId).SumAsync(x => 1 + x.MergedCount));

    private static string ReportPeriod()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return $"From={today.AddDays(-1):yyyy-MM-dd}&To={today.AddDays(1):yyyy-MM-dd}";
    }

    private static void AddReliefProbes(List<Probe> list)
    {
        foreach (var format in new[] { "xlsx", "pdf" })
            list.Add(new("page /Relief/Requests/Reports", ReliefAreas.Requests, Access.Read, Side.None, false, async c =>
                await Read(await c.Pages.GetAsync($"/Relief/Requests/Reports?handler=Export&format={format}&{ReportPeriod()}"))) { Only = Dispatcher });
        var area = ReliefAreas.Requests;
        Func<Caller, Side, string> ticketMark = (c, s) => ReliefTicket(c, s);
        Func<Role, bool> deskWithRegistry = r => r != Role.Volunteer;
        list.Add(new("page /Relief/Requests/Hotline", area, Access.Write, Side.Own, false, async c =>
            await Read(await c.Pages.PostAsync("/Relief/Requests/Hotline?handler=Search", Form(c.Token, ("Query", Worker(c, Side.Own).Cccd)))))
            { IsList = true, Only = Dispatcher });
        foreach (var side in new[] { Side.Own, Side.Other })
        {
            list.Add(new("page /Relief/Requests/Index", area, Access.Read, side, false, async c =>
                await Read(await c.Pages.GetAsync("/Relief/Requests"))) { IsList = true, Marker = ticketMark });
            list.Add(new("page /Relief/Requests/Deliveries", area, Access.Read, side, false, async c =>
                await Read(await c.Pages.GetAsync("/Relief/Requests/Deliveries"))) { IsList = true, Marker = ticketMark });
            list.Add(new("page /Relief/Requests/Detail", area, Access.Read, side, false, async c =>
            {
                var id = await c.App.WithDbAsync(db => db.Set<HelpRequest>().Where(x => x.Ticket == ReliefTicket(c, side)).Select(x => x.Id).SingleAsync());
                return await Read(await c.Pages.GetAsync($"/Relief/Requests/Detail/{id}"));
            }) { Marker = ticketMark });
            list.Add(new("page /Relief/Requests/Detail", area, Access.Write, side, false, async c =>
            {
                var request = await NewHelpRequestAsync(c.App, c.Registry, side, assign: false);
                var response = await c.Pages.PostAsync($"/Relief/Requests/Detail/{request.Id}?handler=Assign", Form(c.Token, ("TeamId", (await TeamIdAsync(c, side)).ToString())));
                return await Read(response, await HelpStatusAsync(c, request.Id) == RequestStatus.Assigned);
            }) { Mutates = true, Only = Dispatcher });
            list.Add(new("page /Relief/Requests/Detail", area, Access.Write, side, false, async c =>
            {
                var request = await NewHelpRequestAsync(c.App, c.Registry, side);
                var response = await c.Pages.PostAsync($"/Relief/Requests/Detail/{request.Id}?handler=Cancel", Form(c.Token));
                return await Read(response, await HelpStatusAsync(c, request.Id) == RequestStatus.Cancelled);
            }) { Mutates = true, Only = Dispatcher });
            list.Add(new("page /Relief/Requests/Hotline", area, Access.Write, side, false, async c =>
                await Read(await c.Pages.GetAsync($"/Relief/Requests/Hotline?worker={Worker(c, side).Id}"))) { Only = Dispatcher, Marker = (_, s) => s == Side.Own ? TestRegistry.OwnWorkerName : TestRegistry.OtherWorkerName });   // not the phone: the workers' edit probe changes it
            list.Add(new("page /Relief/Requests/Hotline", area, Access.Write, side, false, async c =>
            {
                var w = Worker(c, side);
                var before = await SubmissionsAsync(c, w.Id);
                var response = await c.Pages.PostAsync("/Relief/Requests/Hotline?handler=Create", Form(c.Token, ("Worker", w.Id.ToString()), ("Needs", "food")));
                return await Read(response, await SubmissionsAsync(c, w.Id) != before);
            }) { Mutates = true, Only = Dispatcher });
            list.Add(new("page /Relief/Requests/Deliveries", area, Access.Write, side, false, async c =>
            {
                var request = await NewHelpRequestAsync(c.App, c.Registry, side);
                var key = Guid.NewGuid().ToString();
                var response = await c.Pages.PostAsync("/Relief/Requests/Deliveries?handler=Record",
                    Form(c.Token, ("RequestId", request.Id.ToString()), ("Key", key), ("PointId", (await SupplyPointIdAsync(c, 1)).ToString()), ("Quantities[2]", "1"), ("Confirmation", request.Ticket)));
                return await Read(response, await c.App.WithDbAsync(db => db.Set<Delivery>().AnyAsync(d => d.IdempotencyKey == key)));
            }) { Mutates = true });
            list.Add(new("page /Relief/Requests/Unreached", area, Access.Read, side, false, async c =>
                await Read(await c.Pages.GetAsync("/Relief/Requests/Unreached?Date=2021-05-20&Days=7"))) { IsList = true, Only = deskWithRegistry });
            list.Add(new("page /Relief/Requests/Unreached", area, Access.Write, side, false, async c =>
            {
                var house = side == Side.Own ? c.Registry.LodgingOwn : c.Registry.LodgingOther;
                return await Read(await c.Pages.PostAsync("/Relief/Requests/Unreached?handler=Worklist", Form(c.Token,
                    ("Date", "2021-05-20"), ("Days", "7"), ("House", house.Id.ToString()), ("TeamId", (await TeamIdAsync(c, side)).ToString()))));
            }) { Only = Dispatcher });
            // the report's commune table names the side's commune (its request was made today, UTC)
            list.Add(new("page /Relief/Requests/Reports", area, Access.Read, side, false, async c =>
                await Read(await c.Pages.GetAsync($"/Relief/Requests/Reports?{ReportPeriod()}")))
                { IsList = true, Only = Dispatcher, Marker = (c, s) => (s == Side.Own ? "Xã Một " : "Xã Hai ") + c.Registry.Tag });
            list.Add(new("GET /api/v1/relief/unreached", area, Access.Read, side, true, async c =>
                await Read(await c.Api.GetAsync("/api/v1/relief/unreached?date=2021-05-20&days=7"))) { IsList = true, Only = deskWithRegistry });
        }
    }
}
