using Lachan.Features.Outbreak.Contracts;
using Lachan.Features.Outbreak.Testing;
using System.Net.Http.Json;
using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Localization;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration;

/// <summary>The Health area (cases, contacts, quarantine): health roles and the steering committee only, each within
/// the jurisdiction of the case's worker. Each side has a case and an open quarantine order on its worker.</summary>
public sealed partial class AccessMatrixTests
{
    private static string CaseCode(TestRegistry r, Side side) => (side == Side.Other ? "MOTH" : "MOWN") + r.Tag;

    internal static async Task AddHealthRecordsAsync(LachanApp app, TestRegistry r)
    {
        await app.WithDbAsync(async db =>
        {
            foreach (var (worker, side) in new[] { (r.WorkerOwn, Side.Own), (r.WorkerOther, Side.Other) })
                db.Set<Case>().Add(new Case
                {
                    WorkerId = worker.Id, Code = CaseCode(r, side), ConfirmedOn = new DateOnly(2021, 5, 18), TestKind = "RT-PCR", TestDate = new DateOnly(2021, 5, 17),
                });
            await db.SaveChangesAsync();
        });
        await NewOrderAsync(app, r.WorkerOwn.Id);
        await NewOrderAsync(app, r.WorkerOther.Id);
    }

    private static Task<int> NewOrderAsync(LachanApp app, int workerId) => app.WithDbAsync(async db =>
    {
        var order = new QuarantineOrder
        {
            WorkerId = workerId, QuarantineRuleId = 1, PlaceKind = QuarantinePlace.Facility, StartOn = new DateOnly(2021, 5, 17), PlannedEndOn = new DateOnly(2021, 5, 31),
        };
        db.Set<QuarantineOrder>().Add(order);
        await db.SaveChangesAsync();
        return order.Id;
    });

    /// <summary>A person on the side's registry with no link to any case yet, for a contact decision to be made on.</summary>
    private static Task<Worker> NewPersonAsync(Caller c, Side side) => c.App.WithDbAsync(async db =>
    {
        var name = "Phan Văn Tiếp Xúc " + NewPhone();
        var w = new Worker
        {
            Cccd = TestRegistry.NewCccd("024", Sex.Male, 1997), FullName = name, NameSearch = VietnameseText.SearchKey(name), Sex = Sex.Male,
            DateOfBirth = new DateOnly(1997, 1, 1), HomeProvinceCode = "024", ProvinceCode = side == Side.Other ? TestRegistry.OtherProvince : TestRegistry.OwnProvince,
        };
        db.Set<Worker>().Add(w);
        await db.SaveChangesAsync();
        return w;
    });

    private static Task<int> CaseIdAsync(Caller c, Side side) =>
        c.App.WithDbAsync(db => db.Set<Case>().Where(x => x.Code == CaseCode(c.Registry, side)).Select(x => x.Id).SingleAsync());

    private static Task<bool> ContactExistsAsync(Caller c, int workerId, ContactState state) =>
        c.App.WithDbAsync(db => db.Set<Contact>().AnyAsync(x => x.WorkerId == workerId && x.State == state));

    private static Task<bool> ReleasedAsync(Caller c, int orderId) =>
        c.App.WithDbAsync(db => db.Set<QuarantineOrder>().Where(o => o.Id == orderId).Select(o => o.ReleasedOn != null).SingleAsync());

    private static Task<CaseOutcome> OutcomeAsync(Caller c, int caseId) =>
        c.App.WithDbAsync(db => db.Set<Case>().Where(x => x.Id == caseId).Select(x => x.Outcome).SingleAsync());

    /// <summary>A day a new rule version may start on: after tomorrow (in the province) and after every version's first day.</summary>
    private static async Task<DateOnly> NextRuleDayAsync(Caller c, Func<Lachan.Infrastructure.Data.LachanDb, IQueryable<DateOnly>> starts)
    {
        var latest = await c.App.WithDbAsync(db => starts(db).MaxAsync());
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(1);
        return latest >= tomorrow ? latest.AddDays(1) : tomorrow;
    }

    private static void AddHealthProbes(List<Probe> list)
    {
        Func<Caller, Side, string> caseMark = (c, s) => CaseCode(c.Registry, s);
        Func<Caller, Side, string> workerMark = (c, s) => Worker(c, s).Cccd;

        // the worker's name as a JSON answer writes it (non-ASCII letters escaped)
        Func<Caller, Side, string> nameMark = (c, s) => System.Text.Json.JsonSerializer.Serialize(Worker(c, s).FullName).Trim('"');

        foreach (var side in new[] { Side.Own, Side.Other })
        {
            // ---------------- pages ----------------
            // the case form's CCCD lookup: a registered worker's name for the own side, "not found" for the other
            list.Add(new("page /Outbreak/Cases/New", OutbreakAreas.Health, Access.Write, side, false, async c =>
                await Read(await c.Pages.PostAsync("/Outbreak/Cases/New?handler=Person", Form(c.Token, ("cccd", Worker(c, side).Cccd)))))
                { IsList = true, Marker = nameMark });
            list.Add(new("page /Outbreak/Contacts/Tree", OutbreakAreas.Health, Access.Read, side, false, async c =>
                await Read(await c.Pages.GetAsync($"/Outbreak/Cases/{await CaseIdAsync(c, side)}"))) { Marker = caseMark });
            list.Add(new("page /Outbreak/Contacts/Tree", OutbreakAreas.Health, Access.Write, side, false, async c =>
            {
                var id = await CaseIdAsync(c, side);
                var before = await OutcomeAsync(c, id);
                var target = before == CaseOutcome.Active ? CaseOutcome.Recovered : CaseOutcome.Active;
                var response = await c.Pages.PostAsync($"/Outbreak/Cases/{id}?handler=Outcome", Form(c.Token, ("Outcome", target.ToString()), ("OutcomeOn", "10/06/2021")));
                return await Read(response, await OutcomeAsync(c, id) != before);
            }) { Mutates = true });
            list.Add(new("page /Outbreak/Contacts/Tree", OutbreakAreas.Health, Access.Write, side, false, async c =>
            {
                var person = await NewPersonAsync(c, side);
                var response = await c.Pages.PostAsync($"/Outbreak/Cases/{await CaseIdAsync(c, side)}?handler=Confirm", Form(c.Token,
                    ("Decision.Cccd", person.Cccd), ("Decision.Kind", "Household"), ("Decision.LastContactOn", "17/05/2021")));
                return await Read(response, await ContactExistsAsync(c, person.Id, ContactState.Confirmed));
            }) { Mutates = true });
            list.Add(new("page /Outbreak/Quarantine/Release", OutbreakAreas.Health, Access.Write, side, false, async c =>
                await Read(await c.Pages.GetAsync($"/Outbreak/Cases/Release/{await NewOrderAsync(c.App, Worker(c, side).Id)}"))) { Marker = workerMark });
            list.Add(new("page /Outbreak/Quarantine/Release", OutbreakAreas.Health, Access.Write, side, false, async c =>
            {
                var order = await NewOrderAsync(c.App, Worker(c, side).Id);
                var response = await c.Pages.PostAsync($"/Outbreak/Cases/Release/{order}", Form(c.Token,
                    ("Form.ReleasedOn", "31/05/2021"), ("Form.TestDate", "30/05/2021"), ("Form.Result", "Âm tính")));
                return await Read(response, await ReleasedAsync(c, order));
            }) { Mutates = true });
            list.Add(new("page /Outbreak/Cases/Clusters", OutbreakAreas.Health, Access.Read, side, false, async c =>
                await Read(await c.Pages.GetAsync($"/Outbreak/Cases/Clusters?kind=Enterprise&id={Enterprise(c, side).Id}"))) { Marker = caseMark });
            list.Add(new("page /Outbreak/Cases/Clusters", OutbreakAreas.Health, Access.Read, side, false, async c =>
                await Read(await c.Pages.GetAsync($"/Outbreak/Cases/Clusters?kind=LodgingHouse&id={Lodging(c, side).Id}"))) { Marker = caseMark });

            // ---------------- API ----------------
            list.Add(new("GET /api/v1/cases/{id:int}", OutbreakAreas.Health, Access.Read, side, true, async c =>
                await Read(await c.Api.GetAsync($"/api/v1/cases/{await CaseIdAsync(c, side)}"))) { Marker = caseMark });
            list.Add(new("GET /api/v1/cases/{id:int}/suggestions", OutbreakAreas.Health, Access.Read, side, true, async c =>
                await Read(await c.Api.GetAsync($"/api/v1/cases/{await CaseIdAsync(c, side)}/suggestions"))));
            list.Add(new("POST /api/v1/cases/{id:int}/contacts", OutbreakAreas.Health, Access.Write, side, true, async c =>
            {
                var person = await NewPersonAsync(c, side);
                var response = await c.Api.PostAsJsonAsync($"/api/v1/cases/{await CaseIdAsync(c, side)}/contacts",
                    new { cccd = person.Cccd, kind = "ShuttleBus", lastContactOn = new DateOnly(2021, 5, 17) });
                return await Read(response, await ContactExistsAsync(c, person.Id, ContactState.Confirmed));
            }) { Mutates = true });
            list.Add(new("POST /api/v1/cases/{id:int}/contacts/dismiss", OutbreakAreas.Health, Access.Write, side, true, async c =>
            {
                var person = await NewPersonAsync(c, side);
                var response = await c.Api.PostAsJsonAsync($"/api/v1/cases/{await CaseIdAsync(c, side)}/contacts/dismiss", new { workerId = person.Id });
                return await Read(response, await ContactExistsAsync(c, person.Id, ContactState.Dismissed));
            }) { Mutates = true });
            list.Add(new("POST /api/v1/quarantine/{id:int}/release", OutbreakAreas.Health, Access.Write, side, true, async c =>
            {
                var order = await NewOrderAsync(c.App, Worker(c, side).Id);
                var response = await c.Api.PostAsJsonAsync($"/api/v1/quarantine/{order}/release",
                    new { releasedOn = new DateOnly(2021, 5, 31), testDate = new DateOnly(2021, 5, 30), result = "Âm tính" });
                return await Read(response, await ReleasedAsync(c, order));
            }) { Mutates = true });
        }

        // ---------------- lists: only the own side may come back ----------------
        list.Add(new("page /Outbreak/Cases/Index", OutbreakAreas.Health, Access.Read, Side.Own, false, async c =>
            await Read(await c.Pages.GetAsync("/Outbreak/Cases?From=01/05/2021"))) { IsList = true, Marker = caseMark });
        list.Add(new("page /Outbreak/Cases/Index", OutbreakAreas.Health, Access.Read, Side.Own, false, async c =>
            await Read(await c.Pages.GetAsync("/Outbreak/Cases?From=01/05/2021&handler=Export&format=csv"))) { IsList = true, Marker = caseMark });
        list.Add(new("page /Outbreak/Cases/Clusters", OutbreakAreas.Health, Access.Read, Side.Own, false, async c =>
            await Read(await c.Pages.GetAsync("/Outbreak/Cases/Clusters"))) { IsList = true, Marker = (c, _) => c.Registry.EnterpriseOwn.Name });
        list.Add(new("page /Outbreak/Quarantine/Index", OutbreakAreas.Health, Access.Read, Side.Own, false, async c =>
            await Read(await c.Pages.GetAsync("/Outbreak/Cases/Quarantine?All=true"))) { IsList = true, Marker = workerMark });
        list.Add(new("page /Outbreak/Contacts/Index", OutbreakAreas.Health, Access.Read, Side.Own, false, async c =>
            await Read(await c.Pages.GetAsync("/Outbreak/Cases/Contacts"))) { IsList = true });
        list.Add(new("page /Outbreak/Quarantine/Due", OutbreakAreas.Health, Access.Read, Side.Own, false, async c =>
            await Read(await c.Pages.GetAsync("/Outbreak/Cases/Due?Date=17/05/2021"))) { IsList = true, Marker = workerMark });
        list.Add(new("GET /api/v1/cases", OutbreakAreas.Health, Access.Read, Side.Own, true, async c =>
            await Read(await c.Api.GetAsync("/api/v1/cases?pageSize=500"))) { IsList = true, Marker = caseMark });
        list.Add(new("GET /api/v1/quarantine", OutbreakAreas.Health, Access.Read, Side.Own, true, async c =>
            await Read(await c.Api.GetAsync("/api/v1/quarantine?date=2021-05-20&pageSize=500"))) { IsList = true, Marker = workerMark });
        list.Add(new("GET /api/v1/contacts", OutbreakAreas.Health, Access.Read, Side.Own, true, async c =>
            await Read(await c.Api.GetAsync("/api/v1/contacts?pageSize=500"))) { IsList = true });
        list.Add(new("GET /api/v1/quarantine/due", OutbreakAreas.Health, Access.Read, Side.Own, true, async c =>
            await Read(await c.Api.GetAsync("/api/v1/quarantine/due?date=2021-05-17"))) { IsList = true, Marker = workerMark });

        // ---------------- rules: province-wide, so no side; every allowed write is a new version after the latest ----------------
        list.Add(new("page /Outbreak/Rules/Index", OutbreakAreas.Health, Access.Read, Side.None, false, async c =>
            await Read(await c.Pages.GetAsync("/Outbreak/Rules"))) { Marker = (_, _) => "QĐ 2787/QĐ-BYT" });
        list.Add(new("page /Outbreak/Rules/Index", OutbreakAreas.Health, Access.Write, Side.None, false, async c =>
        {
            var from = await NextRuleDayAsync(c, db => db.Set<QuarantineRule>().Where(r => r.Subject == RuleSubject.F2).Select(r => r.EffectiveFrom));
            Task<int> CountAsync() => c.App.WithDbAsync(db => db.Set<QuarantineRule>().CountAsync());
            var before = await CountAsync();
            var response = await c.Pages.PostAsync("/Outbreak/Rules?handler=Quarantine", Form(c.Token, ("Quarantine.Subject", "F2"), ("Quarantine.Days", "7"),
                ("Quarantine.TestDays", "7"), ("Quarantine.DefaultPlace", "Home"), ("Quarantine.EffectiveFrom", Dmy(from)), ("Quarantine.Source", "Kiểm tra phân quyền")));
            return await Read(response, await CountAsync() != before);
        }) { Mutates = true });
        list.Add(new("page /Outbreak/Rules/Index", OutbreakAreas.Health, Access.Write, Side.None, false, async c =>
        {
            var from = await NextRuleDayAsync(c, db => db.Set<PoolRule>().Select(r => r.EffectiveFrom));
            Task<int> CountAsync() => c.App.WithDbAsync(db => db.Set<PoolRule>().CountAsync());
            var before = await CountAsync();
            var response = await c.Pages.PostAsync("/Outbreak/Rules?handler=Pool", Form(c.Token,
                ("Pool.MaxPoolSize", "10"), ("Pool.EffectiveFrom", Dmy(from)), ("Pool.Source", "Kiểm tra phân quyền")));
            return await Read(response, await CountAsync() != before);
        }) { Mutates = true });

        list.Add(new("page /Outbreak/Rules/Index", OutbreakAreas.Health, Access.Write, Side.None, false, async c =>
        {
            var from = await NextRuleDayAsync(c, db => db.Set<ScreeningRule>().Select(r => r.EffectiveFrom));
            Task<int> CountAsync() => c.App.WithDbAsync(db => db.Set<ScreeningRule>().CountAsync());
            var before = await CountAsync();
            var response = await c.Pages.PostAsync("/Outbreak/Rules?handler=Screening", Form(c.Token,
                ("Screening.IntervalDays", "7"), ("Screening.EffectiveFrom", Dmy(from)), ("Screening.Source", "Kiểm tra phân quyền")));
            return await Read(response, await CountAsync() != before);
        }) { Mutates = true });

        // ---------------- registering a case: a new person, in the user's own registry ----------------
        list.Add(new("page /Outbreak/Cases/New", OutbreakAreas.Health, Access.Write, Side.None, false, async c =>
            await Read(await c.Pages.GetAsync("/Outbreak/Cases/New"))));
        list.Add(new("page /Outbreak/Cases/New", OutbreakAreas.Health, Access.Write, Side.None, false, async c =>
        {
            var cccd = TestRegistry.NewCccd("024", Sex.Female, 1999);
            var code = "PN" + NewPhone();
            var response = await c.Pages.PostAsync("/Outbreak/Cases/New", Form(c.Token,
                ("Form.Cccd", cccd), ("Form.FullName", "Lê Thị Ca Mới"), ("Form.Sex", "Female"), ("Form.DateOfBirth", "02/03/1999"),
                ("Form.Code", code), ("Form.ConfirmedOn", "18/05/2021"), ("Form.TestKind", "RT-PCR"), ("Form.TestDate", "18/05/2021")));
            return await Read(response, await c.App.WithDbAsync(db => db.Set<Case>().AnyAsync(x => x.Code == code)));
        }) { Mutates = true });
        list.Add(new("POST /api/v1/cases", OutbreakAreas.Health, Access.Write, Side.None, true, async c =>
        {
            var cccd = TestRegistry.NewCccd("024", Sex.Male, 1996);
            var code = "AN" + NewPhone();
            var response = await c.Api.PostAsJsonAsync("/api/v1/cases", new
            {
                cccd, fullName = "Lê Văn Ca Mới", sex = "Male", dateOfBirth = new DateOnly(1996, 4, 5), code,
                confirmedOn = new DateOnly(2021, 5, 18), testKind = "RT-PCR", testDate = new DateOnly(2021, 5, 18),
            });
            return await Read(response, await c.App.WithDbAsync(db => db.Set<Case>().AnyAsync(x => x.Code == code)));
        }) { Mutates = true });
    }
}
