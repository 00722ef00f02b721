using Lachan.Features.Outbreak.Contracts;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Lachan.Features.Outbreak.Zones;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Rosters;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lachan.Tests.Integration;

/// <summary>One app per provider with the two-jurisdiction test registry and one account per role whose
/// jurisdiction covers the "own" side only.</summary>
public sealed class MatrixWorld : IAsyncLifetime
{
    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<(LachanApp, TestRegistry)>>> _worlds = new();

    public Task<(LachanApp App, TestRegistry Registry)> For(DatabaseProvider provider) =>
        _worlds.GetOrAdd(provider, p => new Lazy<Task<(LachanApp, TestRegistry)>>(async () =>
        {
            var app = await LachanApp.StartAsync(p, Seed.Empty);
            var registry = await TestRegistry.AddAsync(app);
            foreach (var role in Enum.GetValues<Role>())
                await app.EnsureUserAsync(AccessMatrixTests.UserFor(role), role, registry.OwnScope(role));
            // one finished roster import on each side, for the import pages' lists
            await AccessMatrixTests.AddImportAsync(app, registry.EnterpriseOwn.Id, AccessMatrixTests.ImportName(registry, own: true), ImportStatus.Failed);
            await AccessMatrixTests.AddImportAsync(app, registry.EnterpriseOther.Id, AccessMatrixTests.ImportName(registry, own: false), ImportStatus.Failed);
            await AccessMatrixTests.AddZonesAsync(app, registry);
            await AccessMatrixTests.AddHealthRecordsAsync(app, registry);
            await AccessMatrixTests.AddTestingRecordsAsync(app, registry);
            await AccessMatrixTests.AddTransfersAsync(app, registry);
            await AccessMatrixTests.AddReliefAsync(app, registry);
            await AccessMatrixTests.AddSuppliesAsync(app, registry);
            return (app, registry);
        })).Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var lazy in _worlds.Values)
            try { await (await lazy.Value).Item1.DisposeAsync(); } catch (InvalidOperationException) { }
    }
}

/// <summary>The access matrix over every page and API endpoint: each role (and an anonymous caller) × own / other
/// jurisdiction × read / write, on both providers. A caller outside its jurisdiction gets 404 (or a refusal), never
/// data; a write it may not make changes nothing. A guard test fails when an endpoint has no probe here.</summary>
public sealed partial class AccessMatrixTests(MatrixWorld worlds) : IClassFixture<MatrixWorld>
{
    public static string UserFor(Role role) => "m-" + role.ToString().ToLowerInvariant();

    private enum Side { None, Own, Other }

    /// <summary>What one caller sends and what happened.</summary>
    private sealed record Caller(Role? Role, HttpClient Pages, HttpClient Api, string Token, LachanApp App, TestRegistry Registry);

    private sealed record Outcome(HttpResponseMessage Response, string Body, bool Changed);

    /// <summary>A request to one endpoint. Key names the endpoint the way the guard test lists them.</summary>
    private sealed record Probe(string Key, Area Area, Access Needs, Side Side, bool Api, Func<Caller, Task<Outcome>> Send)
    {
        /// <summary>The request is meant to change data, so "allowed" must mean "changed" and "refused" must mean "unchanged".</summary>
        public bool Mutates { get; init; }
        /// <summary>A list or search may answer 200 for the other side: it must simply not contain it.</summary>
        public bool IsList { get; init; }
        /// <summary>Roles that may see the other side too (industrial zones are reference data for every registry role
        /// except a board bound to one zone).</summary>
        public Func<Role, bool> SeesOther { get; init; } = _ => false;
        /// <summary>Text that identifies the side's record in an answer.</summary>
        public Func<Caller, Side, string>? Marker { get; init; }
        /// <summary>Roles that may use the endpoint at all, beyond the area's access (transfer review: not enterprise HR).</summary>
        public Func<Role, bool>? Only { get; init; }
    }

    private static readonly Probe[] Probes = BuildProbes();

    private static string Dmy(DateOnly d) => d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<Outcome> Read(HttpResponseMessage response, bool changed = false) =>
        new(response, await response.PageAsync(), changed);

    private static Probe[] BuildProbes()
    {
        var list = new List<Probe>();
        Func<Caller, Side, string> workerMark = (c, s) => Worker(c, s).Cccd;
        Func<Caller, Side, string> enterpriseMark = (c, s) => Enterprise(c, s).TaxCode;
        Func<Caller, Side, string> zoneMark = (c, s) => Zone(c, s).Code;
        Func<Role, bool> zonesForAll = r => r != Role.IzBoard;
        Func<Caller, Side, string> importMarkOwn = (c, _) => ImportName(c.Registry, own: true);

        foreach (var side in new[] { Side.Own, Side.Other })
        {
            // ---------------- workers: pages ----------------
            list.Add(new("page /Registry/Workers/Index", RegistryAreas.Workers, Access.Read, side, false, async c =>
            {
                // POST-redirect-GET: the search posts, the results are at the link it redirects to
                var posted = await c.Pages.PostAsync("/Registry/Workers", Form(c.Token, ("Q", Worker(c, side).NameSearch)));
                var link = posted.Headers.Location?.OriginalString;
                return await Read(posted.StatusCode == HttpStatusCode.Redirect && link?.StartsWith("/Registry/Workers?", StringComparison.Ordinal) == true
                    ? await c.Pages.GetAsync(link) : posted);
            }) { IsList = true, Marker = workerMark });
            list.Add(new("page /Registry/Workers/Index", RegistryAreas.Workers, Access.Read, side, false, async c =>
                await Read(await c.Pages.PostAsync("/Registry/Workers?handler=Export", Form(c.Token, ("Cccd", Worker(c, side).Cccd), ("format", "csv")))))
                { IsList = true, Marker = workerMark });
            list.Add(new("page /Registry/Workers/Profile", RegistryAreas.Workers, Access.Read, side, false, async c =>
                await Read(await c.Pages.GetAsync($"/Registry/Workers/{Worker(c, side).Id}"))) { Marker = workerMark });
            list.Add(new("page /Registry/Workers/Edit", RegistryAreas.Workers, Access.Write, side, false, async c =>
                await Read(await c.Pages.GetAsync($"/Registry/Workers/Edit/{Worker(c, side).Id}"))) { Marker = workerMark });
            list.Add(new("page /Registry/Workers/Edit", RegistryAreas.Workers, Access.Write, side, false, async c =>
            {
                var w = Worker(c, side);
                var phone = NewPhone();
                var response = await c.Pages.PostAsync($"/Registry/Workers/Edit/{w.Id}", Form(c.Token,
                    ("Form.Cccd", w.Cccd), ("Form.FullName", w.FullName), ("Form.Sex", w.Sex.ToString()),
                    ("Form.DateOfBirth", Dmy(w.DateOfBirth)), ("Form.Phone", phone)));
                return await Read(response, await WorkerPhoneAsync(c, w.Id) == phone);
            }) { Mutates = true });
            list.Add(new("page /Registry/Workers/Edit", RegistryAreas.Workers, Access.Write, side, false, async c =>
            {
                var cccd = TestRegistry.NewCccd("001", Sex.Male, 1999);
                var response = await c.Pages.PostAsync("/Registry/Workers/Edit", Form(c.Token,
                    ("Form.Cccd", cccd), ("Form.FullName", "Phạm Văn Mới"), ("Form.Sex", "Male"), ("Form.DateOfBirth", "01/02/1999"),
                    ("Form.EnterpriseId", Enterprise(c, side).Id.ToString()), ("Form.HiredOn", "01/05/2021"), ("Form.ContractType", "Definite")));
                return await Read(response, await c.App.WithDbAsync(db => db.Set<Worker>().AnyAsync(w => w.Cccd == cccd)));
            }) { Mutates = true });

            // ---------------- workers: API ----------------
            list.Add(new("GET /api/v1/workers", RegistryAreas.Workers, Access.Read, side, true, async c =>
                await Read(await c.Api.GetAsync($"/api/v1/workers?cccd={Worker(c, side).Cccd}"))) { IsList = true, Marker = workerMark });
            list.Add(new("POST /api/v1/workers/search", RegistryAreas.Workers, Access.Read, side, true, async c =>
                await Read(await c.Api.PostAsJsonAsync("/api/v1/workers/search", new { q = Worker(c, side).NameSearch })))
                { IsList = true, Marker = workerMark });
            list.Add(new("GET /api/v1/workers/{id:int}", RegistryAreas.Workers, Access.Read, side, true, async c =>
                await Read(await c.Api.GetAsync($"/api/v1/workers/{Worker(c, side).Id}"))) { Marker = workerMark });
            list.Add(new("PUT /api/v1/workers/{id:int}", RegistryAreas.Workers, Access.Write, side, true, async c =>
            {
                var w = Worker(c, side);
                var phone = NewPhone();
                var response = await c.Api.PutAsJsonAsync($"/api/v1/workers/{w.Id}", new
                {
                    cccd = w.Cccd, fullName = w.FullName, sex = w.Sex.ToString(), dateOfBirth = w.DateOfBirth, phone,
                });
                return await Read(response, await WorkerPhoneAsync(c, w.Id) == phone);
            }) { Mutates = true });
            list.Add(new("POST /api/v1/workers", RegistryAreas.Workers, Access.Write, side, true, async c =>
            {
                var cccd = TestRegistry.NewCccd("001", Sex.Female, 2000);
                var response = await c.Api.PostAsJsonAsync("/api/v1/workers", new
                {
                    cccd, fullName = "Vũ Thị Mới", sex = "Female", dateOfBirth = new DateOnly(2000, 1, 2),
                    enterpriseId = Enterprise(c, side).Id, hiredOn = new DateOnly(2021, 5, 1), contractType = "Definite",
                });
                return await Read(response, await c.App.WithDbAsync(db => db.Set<Worker>().AnyAsync(w => w.Cccd == cccd)));
            }) { Mutates = true });

            // ---------------- enterprises: pages ----------------
            list.Add(new("page /Registry/Enterprises/Detail", RegistryAreas.Enterprises, Access.Read, side, false, async c =>
                await Read(await c.Pages.GetAsync($"/Registry/Enterprises/{Enterprise(c, side).Id}"))) { Marker = enterpriseMark });
            list.Add(new("page /Registry/Enterprises/Detail", RegistryAreas.Enterprises, Access.Write, side, false, async c =>
            {
                var e = Enterprise(c, side);
                var (before, target) = await NextStatusAsync(c, e.Id);
                var response = await c.Pages.PostAsync($"/Registry/Enterprises/{e.Id}?handler=Status", Form(c.Token,
                    ("StatusForm.Status", target.ToString()), ("StatusForm.From", Dmy(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1))),
                    ("StatusForm.Reason", "Kiểm tra phân quyền")));
                return await Read(response, await EnterpriseStatusAsync(c, e.Id) != before);
            }) { Mutates = true });
            list.Add(new("page /Registry/Enterprises/Edit", RegistryAreas.Enterprises, Access.Write, side, false, async c =>
                await Read(await c.Pages.GetAsync($"/Registry/Enterprises/Edit/{Enterprise(c, side).Id}"))) { Marker = enterpriseMark });
            list.Add(new("page /Registry/Enterprises/Edit", RegistryAreas.Enterprises, Access.Write, side, false, async c =>
            {
                var e = Enterprise(c, side);
                var phone = NewPhone();
                var response = await c.Pages.PostAsync($"/Registry/Enterprises/Edit/{e.Id}", Form(c.Token,
                    ("Form.TaxCode", e.TaxCode), ("Form.Name", e.Name), ("Form.IndustrialZoneId", Zone(c, side).Id.ToString()),
                    ("Form.CommuneCode", e.CommuneCode), ("Form.ContactPhone", phone)));
                return await Read(response, await EnterprisePhoneAsync(c, e.Id) == phone);
            }) { Mutates = true });
            list.Add(new("page /Registry/Enterprises/Edit", RegistryAreas.Enterprises, Access.Write, side, false, async c =>
            {
                var tax = TestRegistry.NewTaxCode();
                var response = await c.Pages.PostAsync("/Registry/Enterprises/Edit", Form(c.Token,
                    ("Form.TaxCode", tax), ("Form.Name", "Công ty Mới " + tax), ("Form.IndustrialZoneId", Zone(c, side).Id.ToString()),
                    ("Form.CommuneCode", Enterprise(c, side).CommuneCode)));
                return await Read(response, await c.App.WithDbAsync(db => db.Set<Enterprise>().AnyAsync(x => x.TaxCode == tax)));
            }) { Mutates = true });

            // ---------------- enterprises: API ----------------
            list.Add(new("GET /api/v1/enterprises", RegistryAreas.Enterprises, Access.Read, side, true, async c =>
                await Read(await c.Api.GetAsync($"/api/v1/enterprises?taxCode={Enterprise(c, side).TaxCode}"))) { IsList = true, Marker = enterpriseMark });
            list.Add(new("GET /api/v1/enterprises/{id:int}", RegistryAreas.Enterprises, Access.Read, side, true, async c =>
                await Read(await c.Api.GetAsync($"/api/v1/enterprises/{Enterprise(c, side).Id}"))) { Marker = enterpriseMark });
            list.Add(new("PUT /api/v1/enterprises/{id:int}", RegistryAreas.Enterprises, Access.Write, side, true, async c =>
            {
                var e = Enterprise(c, side);
                var phone = NewPhone();
                var response = await c.Api.PutAsJsonAsync($"/api/v1/enterprises/{e.Id}", new
                {
                    taxCode = e.TaxCode, name = e.Name, industrialZoneId = Zone(c, side).Id, communeCode = e.CommuneCode, contactPhone = phone,
                });
                return await Read(response, await EnterprisePhoneAsync(c, e.Id) == phone);
            }) { Mutates = true });
            list.Add(new("POST /api/v1/enterprises/{id:int}/status", RegistryAreas.Enterprises, Access.Write, side, true, async c =>
            {
                var e = Enterprise(c, side);
                var (before, target) = await NextStatusAsync(c, e.Id);
                var response = await c.Api.PostAsJsonAsync($"/api/v1/enterprises/{e.Id}/status", new
                {
                    status = target.ToString(), from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), reason = "Kiểm tra phân quyền",
                });
                return await Read(response, await EnterpriseStatusAsync(c, e.Id) != before);
            }) { Mutates = true });
            list.Add(new("POST /api/v1/enterprises", RegistryAreas.Enterprises, Access.Write, side, true, async c =>
            {
                var tax = TestRegistry.NewTaxCode();
                var response = await c.Api.PostAsJsonAsync("/api/v1/enterprises", new
                {
                    taxCode = tax, name = "Công ty Mới " + tax, industrialZoneId = Zone(c, side).Id, communeCode = Enterprise(c, side).CommuneCode,
                });
                return await Read(response, await c.App.WithDbAsync(db => db.Set<Enterprise>().AnyAsync(x => x.TaxCode == tax)));
            }) { Mutates = true });

            // ---------------- industrial zones (reference data: every registry role reads them) ----------------
            list.Add(new("page /Registry/Zones/Index", RegistryAreas.Places, Access.Read, side, false, async c =>
                await Read(await c.Pages.GetAsync("/Registry/Zones"))) { IsList = true, Marker = zoneMark, SeesOther = zonesForAll });
            list.Add(new("page /Registry/Zones/Index", RegistryAreas.Places, Access.Read, side, false, async c =>
                await Read(await c.Pages.GetAsync("/Registry/Zones?handler=Export&format=csv"))) { IsList = true, Marker = zoneMark, SeesOther = zonesForAll });
            list.Add(new("page /Registry/Zones/Detail", RegistryAreas.Places, Access.Read, side, false, async c =>
                await Read(await c.Pages.GetAsync($"/Registry/Zones/{Zone(c, side).Id}"))) { Marker = zoneMark, SeesOther = zonesForAll });
            list.Add(new("page /Registry/Zones/Edit", RegistryAreas.Places, Access.Write, side, false, async c =>
                await Read(await c.Pages.GetAsync($"/Registry/Zones/Edit/{Zone(c, side).Id}"))) { Marker = zoneMark, SeesOther = zonesForAll });
            list.Add(new("page /Registry/Zones/Edit", RegistryAreas.Places, Access.Write, side, false, async c =>
            {
                var z = Zone(c, side);
                var name = $"{z.Name.Split(" #")[0]} #{NewPhone()}";
                var response = await c.Pages.PostAsync($"/Registry/Zones/Edit/{z.Id}", Form(c.Token,
                    ("Form.Code", z.Code), ("Form.Name", name), ("Form.AreaHectares", "150"), ("Form.DistrictCode", z.DistrictCode)));
                return await Read(response, await ZoneNameAsync(c, z.Id) == name);
            }) { Mutates = true, SeesOther = zonesForAll });
            list.Add(new("GET /api/v1/industrial-zones", RegistryAreas.Places, Access.Read, side, true, async c =>
                await Read(await c.Api.GetAsync($"/api/v1/industrial-zones?q={Zone(c, side).Code}"))) { IsList = true, Marker = zoneMark, SeesOther = zonesForAll });
            list.Add(new("GET /api/v1/industrial-zones/{id:int}", RegistryAreas.Places, Access.Read, side, true, async c =>
                await Read(await c.Api.GetAsync($"/api/v1/industrial-zones/{Zone(c, side).Id}"))) { Marker = zoneMark, SeesOther = zonesForAll });
            list.Add(new("PUT /api/v1/industrial-zones/{id:int}", RegistryAreas.Places, Access.Write, side, true, async c =>
            {
                var z = Zone(c, side);
                var name = $"{z.Name.Split(" #")[0]} #{NewPhone()}";
                var response = await c.Api.PutAsJsonAsync($"/api/v1/industrial-zones/{z.Id}", new
                {
                    code = z.Code, name, areaHectares = 150m, districtCode = z.DistrictCode,
                });
                return await Read(response, await ZoneNameAsync(c, z.Id) == name);
            }) { Mutates = true, SeesOther = zonesForAll });

            // ---------------- lodging houses (the zone board sees every house: where the zones' workers live) ----------------
            Func<Role, bool> boardSeesAll = r => r == Role.IzBoard;
            Func<Caller, Side, string> lodgingMark = (c, s) => Lodging(c, s).Name;
            list.Add(new("page /Registry/Lodging/Index", RegistryAreas.Lodging, Access.Read, side, false, async c =>
                await Read(await c.Pages.GetAsync($"/Registry/Lodging?CommuneCode={Lodging(c, side).CommuneCode}"))) { IsList = true, Marker = lodgingMark, SeesOther = boardSeesAll });
            list.Add(new("page /Registry/Lodging/Index", RegistryAreas.Lodging, Access.Read, side, false, async c =>
                await Read(await c.Pages.GetAsync($"/Registry/Lodging?handler=Export&format=csv&CommuneCode={Lodging(c, side).CommuneCode}")))
                { IsList = true, Marker = lodgingMark, SeesOther = boardSeesAll });
            list.Add(new("page /Registry/Lodging/Detail", RegistryAreas.Lodging, Access.Read, side, false, async c =>
                await Read(await c.Pages.GetAsync($"/Registry/Lodging/{Lodging(c, side).Id}"))) { Marker = lodgingMark, SeesOther = boardSeesAll });
            list.Add(new("page /Registry/Lodging/Edit", RegistryAreas.Lodging, Access.Write, side, false, async c =>
                await Read(await c.Pages.GetAsync($"/Registry/Lodging/Edit/{Lodging(c, side).Id}"))) { Marker = lodgingMark, SeesOther = boardSeesAll });
            list.Add(new("page /Registry/Lodging/Edit", RegistryAreas.Lodging, Access.Write, side, false, async c =>
            {
                var l = Lodging(c, side);
                var capacity = await NewCapacityAsync(c, l.Id);
                var response = await c.Pages.PostAsync($"/Registry/Lodging/Edit/{l.Id}", Form(c.Token,
                    ("Form.Name", l.Name), ("Form.Address", l.Address), ("Form.CommuneCode", l.CommuneCode), ("Form.Rooms", "12"),
                    ("Form.Capacity", capacity.ToString()), ("Form.LandlordName", "Lê Văn Chủ")));
                return await Read(response, await CapacityAsync(c, l.Id) == capacity);
            }) { Mutates = true, SeesOther = boardSeesAll });
            list.Add(new("page /Registry/Lodging/Edit", RegistryAreas.Lodging, Access.Write, side, false, async c =>
            {
                var name = "Nhà trọ Mới " + NewPhone();
                var response = await c.Pages.PostAsync("/Registry/Lodging/Edit", Form(c.Token,
                    ("Form.Name", name), ("Form.Address", "Thôn Mới"), ("Form.CommuneCode", Lodging(c, side).CommuneCode), ("Form.Rooms", "5"),
                    ("Form.Capacity", "10"), ("Form.LandlordName", "Đỗ Thị Chủ")));
                return await Read(response, await c.App.WithDbAsync(db => db.Set<LodgingHouse>().AnyAsync(x => x.Name == name)));
            }) { Mutates = true });
            list.Add(new("GET /api/v1/lodging-houses", RegistryAreas.Lodging, Access.Read, side, true, async c =>
                await Read(await c.Api.GetAsync($"/api/v1/lodging-houses?communeCode={Lodging(c, side).CommuneCode}"))) { IsList = true, Marker = lodgingMark, SeesOther = boardSeesAll });
            list.Add(new("GET /api/v1/lodging-houses/{id:int}", RegistryAreas.Lodging, Access.Read, side, true, async c =>
                await Read(await c.Api.GetAsync($"/api/v1/lodging-houses/{Lodging(c, side).Id}"))) { Marker = lodgingMark, SeesOther = boardSeesAll });
            list.Add(new("PUT /api/v1/lodging-houses/{id:int}", RegistryAreas.Lodging, Access.Write, side, true, async c =>
            {
                var l = Lodging(c, side);
                var capacity = await NewCapacityAsync(c, l.Id);
                var response = await c.Api.PutAsJsonAsync($"/api/v1/lodging-houses/{l.Id}", new
                {
                    name = l.Name, address = l.Address, communeCode = l.CommuneCode, rooms = 12, capacity, landlordName = "Lê Văn Chủ",
                });
                return await Read(response, await CapacityAsync(c, l.Id) == capacity);
            }) { Mutates = true, SeesOther = boardSeesAll });
            list.Add(new("POST /api/v1/lodging-houses", RegistryAreas.Lodging, Access.Write, side, true, async c =>
            {
                var name = "Nhà trọ Mới " + NewPhone();
                var response = await c.Api.PostAsJsonAsync("/api/v1/lodging-houses", new
                {
                    name, address = "Thôn Mới", communeCode = Lodging(c, side).CommuneCode, rooms = 5, capacity = 10, landlordName = "Đỗ Thị Chủ",
                });
                return await Read(response, await c.App.WithDbAsync(db => db.Set<LodgingHouse>().AnyAsync(x => x.Name == name)));
            }) { Mutates = true });

            // ---------------- roster imports (who may change workers may import an enterprise's roster) ----------------
            Func<Caller, Side, string> importMark = (c, s) => ImportName(c.Registry, s != Side.Other);
            list.Add(new("page /Rosters/Detail", RegistryAreas.Workers, Access.Write, side, false, async c =>
            {
                var id = await AddImportAsync(c.App, Enterprise(c, side).Id, ImportName(c.Registry, side != Side.Other), ImportStatus.Failed);
                return await Read(await c.Pages.GetAsync($"/Rosters/{id}"));
            }) { Marker = importMark });
            list.Add(new("page /Rosters/Detail", RegistryAreas.Workers, Access.Write, side, false, async c =>
            {
                var id = await AddImportAsync(c.App, Enterprise(c, side).Id, ImportName(c.Registry, side != Side.Other), ImportStatus.Previewed);
                var response = await c.Pages.PostAsync($"/Rosters/{id}?handler=Commit", Form(c.Token));
                return await Read(response, await ImportStatusAsync(c, id) != ImportStatus.Previewed);
            }) { Mutates = true });
            list.Add(new("page /Rosters/Index", RegistryAreas.Workers, Access.Write, side, false, async c =>
            {
                var enterprise = Enterprise(c, side).Id;
                var before = await ImportCountAsync(c, enterprise);
                var response = await c.Pages.PostAsync("/Rosters", Upload(c.Token, ("EnterpriseId", enterprise.ToString()), ("AsOf", "18/05/2021")));
                return await Read(response, await ImportCountAsync(c, enterprise) > before);
            }) { Mutates = true });
            list.Add(new("GET /api/v1/rosters/{id:guid}", RegistryAreas.Workers, Access.Write, side, true, async c =>
            {
                var id = await AddImportAsync(c.App, Enterprise(c, side).Id, ImportName(c.Registry, side != Side.Other), ImportStatus.Failed);
                return await Read(await c.Api.GetAsync($"/api/v1/rosters/{id}"));
            }) { Marker = (c, s) => s == Side.Other ? ImportName(c.Registry, false) : "\"status\":\"Failed\"" });
            list.Add(new("POST /api/v1/rosters/{id:guid}/commit", RegistryAreas.Workers, Access.Write, side, true, async c =>
            {
                var id = await AddImportAsync(c.App, Enterprise(c, side).Id, ImportName(c.Registry, side != Side.Other), ImportStatus.Previewed);
                var response = await c.Api.PostAsync($"/api/v1/rosters/{id}/commit", null);
                return await Read(response, await ImportStatusAsync(c, id) != ImportStatus.Previewed);
            }) { Mutates = true });
            list.Add(new("POST /api/v1/enterprises/{id:int}/rosters", RegistryAreas.Workers, Access.Write, side, true, async c =>
            {
                var enterprise = Enterprise(c, side).Id;
                var before = await ImportCountAsync(c, enterprise);
                var response = await c.Api.PostAsync($"/api/v1/enterprises/{enterprise}/rosters", Upload(null, ("asOf", "18/05/2021")));
                return await Read(response, await ImportCountAsync(c, enterprise) > before);
            }) { Mutates = true });
        }

        // ---------------- lists searched with a word both sides share: only the own side may come back ----------------
        list.Add(new("page /Registry/Enterprises/Index", RegistryAreas.Enterprises, Access.Read, Side.Own, false, async c =>
            await Read(await c.Pages.GetAsync($"/Registry/Enterprises?Q={c.Registry.Tag}"))) { IsList = true, Marker = enterpriseMark });
        list.Add(new("page /Registry/Enterprises/Index", RegistryAreas.Enterprises, Access.Read, Side.Own, false, async c =>
            await Read(await c.Pages.GetAsync($"/Registry/Enterprises?handler=Export&format=csv&Q={c.Registry.Tag}")))
            { IsList = true, Marker = enterpriseMark });
        list.Add(new("GET /api/v1/enterprises", RegistryAreas.Enterprises, Access.Read, Side.Own, true, async c =>
            await Read(await c.Api.GetAsync($"/api/v1/enterprises?q={c.Registry.Tag}"))) { IsList = true, Marker = enterpriseMark });

        // ---------------- administrative units: reference data, edited by the steering committee ----------------
        list.Add(new("page /Registry/AdminUnits/Index", RegistryAreas.Places, Access.Read, Side.None, false, async c =>
            await Read(await c.Pages.GetAsync($"/Registry/AdminUnits?Q={c.Registry.SpareUnitCode}"))) { IsList = true, Marker = (c, _) => "Xã Dự Phòng " + c.Registry.Tag });
        list.Add(new("page /Registry/AdminUnits/Index", RegistryAreas.Places, Access.Read, Side.None, false, async c =>
            await Read(await c.Pages.GetAsync($"/Registry/AdminUnits?handler=Export&format=csv&Q={c.Registry.SpareUnitCode}")))
            { IsList = true, Marker = (c, _) => "Xã Dự Phòng " + c.Registry.Tag });
        list.Add(new("page /Registry/AdminUnits/Edit", RegistryAreas.Places, Access.Write, Side.None, false, async c =>
            await Read(await c.Pages.GetAsync($"/Registry/AdminUnits/Edit/{c.Registry.SpareUnitCode}"))) { Marker = (c, _) => "Xã Dự Phòng " + c.Registry.Tag });
        list.Add(new("page /Registry/AdminUnits/Edit", RegistryAreas.Places, Access.Write, Side.None, false, async c =>
        {
            var name = $"Xã Dự Phòng {c.Registry.Tag} #{NewPhone()}";
            var response = await c.Pages.PostAsync($"/Registry/AdminUnits/Edit/{c.Registry.SpareUnitCode}", Form(c.Token,
                ("Form.Code", c.Registry.SpareUnitCode), ("Form.Name", name), ("Form.Kind", "xã"), ("Form.Level", "Commune"),
                ("Form.ParentCode", c.Registry.EnterpriseOwn.DistrictCode), ("Form.ValidFrom", "01/01/2000")));
            return await Read(response, await UnitNameAsync(c, c.Registry.SpareUnitCode) == name);
        }) { Mutates = true });
        list.Add(new("page /Registry/AdminUnits/Edit", RegistryAreas.Places, Access.Write, Side.None, false, async c =>
        {
            var code = TestRegistry.NewUnitCode();
            var response = await c.Pages.PostAsync("/Registry/AdminUnits/Edit", Form(c.Token,
                ("Form.Code", code), ("Form.Name", "Xã Mới " + code), ("Form.Kind", "xã"), ("Form.Level", "Commune"),
                ("Form.ParentCode", c.Registry.EnterpriseOwn.DistrictCode), ("Form.ValidFrom", "01/01/2021")));
            return await Read(response, await c.App.WithDbAsync(db => db.Set<AdminUnit>().AnyAsync(u => u.Code == code)));
        }) { Mutates = true });
        list.Add(new("GET /api/v1/admin-units", RegistryAreas.Places, Access.Read, Side.None, true, async c =>
            await Read(await c.Api.GetAsync($"/api/v1/admin-units?q={c.Registry.SpareUnitCode}"))) { IsList = true, Marker = (c, _) => c.Registry.SpareUnitCode });
        list.Add(new("GET /api/v1/admin-units/{code}", RegistryAreas.Places, Access.Read, Side.None, true, async c =>
            await Read(await c.Api.GetAsync($"/api/v1/admin-units/{c.Registry.SpareUnitCode}"))) { Marker = (c, _) => c.Registry.SpareUnitCode });
        list.Add(new("PUT /api/v1/admin-units/{code}", RegistryAreas.Places, Access.Write, Side.None, true, async c =>
        {
            var name = $"Xã Dự Phòng {c.Registry.Tag} #{NewPhone()}";
            var response = await c.Api.PutAsJsonAsync($"/api/v1/admin-units/{c.Registry.SpareUnitCode}", new
            {
                code = c.Registry.SpareUnitCode, name, kind = "xã", level = "Commune", parentCode = c.Registry.EnterpriseOwn.DistrictCode,
                validFrom = new DateOnly(2000, 1, 1),
            });
            return await Read(response, await UnitNameAsync(c, c.Registry.SpareUnitCode) == name);
        }) { Mutates = true });
        list.Add(new("POST /api/v1/admin-units", RegistryAreas.Places, Access.Write, Side.None, true, async c =>
        {
            var code = TestRegistry.NewUnitCode();
            var response = await c.Api.PostAsJsonAsync("/api/v1/admin-units", new
            {
                code, name = "Xã Mới " + code, kind = "xã", level = "Commune", parentCode = c.Registry.EnterpriseOwn.DistrictCode,
                validFrom = new DateOnly(2021, 1, 1),
            });
            return await Read(response, await c.App.WithDbAsync(db => db.Set<AdminUnit>().AnyAsync(u => u.Code == code)));
        }) { Mutates = true });
        list.Add(new("page /Rosters/Index", RegistryAreas.Workers, Access.Write, Side.Own, false, async c =>
            await Read(await c.Pages.GetAsync("/Rosters"))) { IsList = true, Marker = importMarkOwn });

        // ---------------- outbreak zones: status is public to every registry role; who is affected is per jurisdiction ----------------
        foreach (var side in new[] { Side.Own, Side.Other })
        {
            Func<Caller, Side, string> affectedMark = (_, s) => s == Side.Other ? TestRegistry.OtherWorkerName : TestRegistry.OwnWorkerName;
            list.Add(new("GET /api/v1/affected", OutbreakAreas.Zones, Access.Read, side, true, async c =>
                await Read(await c.Api.GetAsync($"/api/v1/affected?date={AffectedDay:yyyy-MM-dd}"))) { IsList = true, Marker = affectedMark });
            list.Add(new("page /Outbreak/Zones/Affected", OutbreakAreas.Zones, Access.Read, side, false, async c =>
                await Read(await c.Pages.GetAsync($"/Outbreak/Affected?Date={AffectedDay:yyyy-MM-dd}"))) { IsList = true, Marker = affectedMark });
            list.Add(new("page /Outbreak/Zones/Affected", OutbreakAreas.Zones, Access.Read, side, false, async c =>
                await Read(await c.Pages.GetAsync($"/Outbreak/Affected?Date={AffectedDay:yyyy-MM-dd}&handler=Export&format=csv"))) { IsList = true, Marker = affectedMark });
        }
        list.Add(new("page /Outbreak/Dashboard/Index", OutbreakAreas.Zones, Access.Read, Side.None, false, async c =>
            await Read(await c.Pages.GetAsync($"/Outbreak?Date={AffectedDay:yyyy-MM-dd}"))));
        list.Add(new("page /Outbreak/Zones/Index", OutbreakAreas.Zones, Access.Read, Side.None, false, async c =>
            await Read(await c.Pages.GetAsync($"/Outbreak/Zones?Date={AffectedDay:yyyy-MM-dd}"))) { Marker = (c, _) => ProbeZoneName(c.Registry) });
        list.Add(new("GET /api/v1/control-zones", OutbreakAreas.Zones, Access.Read, Side.None, true, async c =>
            await Read(await c.Api.GetAsync("/api/v1/control-zones"))) { Marker = (c, _) => ProbeZoneName(c.Registry) });
        list.Add(new("page /Outbreak/Zones/Detail", OutbreakAreas.Zones, Access.Read, Side.None, false, async c =>
            await Read(await c.Pages.GetAsync($"/Outbreak/Zones/{await ProbeZoneIdAsync(c)}"))) { Marker = (c, _) => ProbeZoneName(c.Registry) });
        list.Add(new("page /Outbreak/Zones/Detail", OutbreakAreas.Zones, Access.Read, Side.None, false, async c =>
        {
            var (zone, order) = await ScannedOrderAsync(c);
            return await Read(await c.Pages.GetAsync($"/Outbreak/Zones/{zone}?handler=Scan&orderId={order}"));
        }));
        list.Add(new("GET /api/v1/control-zones/{id:int}", OutbreakAreas.Zones, Access.Read, Side.None, true, async c =>
            await Read(await c.Api.GetAsync($"/api/v1/control-zones/{await ProbeZoneIdAsync(c)}"))) { Marker = (c, _) => ProbeZoneName(c.Registry) });
        list.Add(new("page /Outbreak/Zones/New", OutbreakAreas.Zones, Access.Write, Side.None, false, async c =>
            await Read(await c.Pages.GetAsync("/Outbreak/Zones/New?kind=Commune"))));
        list.Add(new("page /Outbreak/Zones/New", OutbreakAreas.Zones, Access.Write, Side.None, false, async c =>
        {
            var name = "Vùng mới " + NewPhone();
            var response = await c.Pages.PostAsync("/Outbreak/Zones/New", Form(c.Token, ("Form.Kind", "Commune"), ("Form.Name", name), ("Form.CommuneCode", c.Registry.SpareUnitCode)));
            return await Read(response, await c.App.WithDbAsync(db => db.Set<ControlZone>().AnyAsync(z => z.Name == name)));
        }) { Mutates = true });
        list.Add(new("POST /api/v1/control-zones", OutbreakAreas.Zones, Access.Write, Side.None, true, async c =>
        {
            var name = "Vùng mới " + NewPhone();
            var response = await c.Api.PostAsJsonAsync("/api/v1/control-zones", new { kind = "commune", name, communeCode = c.Registry.SpareUnitCode });
            return await Read(response, await c.App.WithDbAsync(db => db.Set<ControlZone>().AnyAsync(z => z.Name == name)));
        }) { Mutates = true });
        // orders on the probe zone are "normal": they change no one's situation, so the probes do not disturb each other
        list.Add(new("page /Outbreak/Zones/Detail", OutbreakAreas.Zones, Access.Write, Side.None, false, async c =>
        {
            var number = "QĐ " + NewPhone();
            var form = new MultipartFormDataContent();
            foreach (var (k, v) in new[] { ("Order.Level", "Normal"), ("Order.DecisionNumber", number), ("Order.DecisionDate", "2021-06-01"),
                         ("Order.IssuedBy", "BCĐ"), ("Order.EffectiveFrom", "2021-06-02"), ("__RequestVerificationToken", c.Token) })
                form.Add(new StringContent(v), k);
            var response = await c.Pages.PostAsync($"/Outbreak/Zones/{await ProbeZoneIdAsync(c)}?handler=Order", form);
            return await Read(response, await c.App.WithDbAsync(db => db.Set<ZoneOrder>().AnyAsync(o => o.DecisionNumber == number)));
        }) { Mutates = true });
        list.Add(new("POST /api/v1/control-zones/{id:int}/orders", OutbreakAreas.Zones, Access.Write, Side.None, true, async c =>
        {
            var number = "QĐ " + NewPhone();
            var response = await c.Api.PostAsJsonAsync($"/api/v1/control-zones/{await ProbeZoneIdAsync(c)}/orders", new
            {
                level = "normal", decisionNumber = number, decisionDate = "2021-06-01", issuedBy = "BCĐ", effectiveFrom = "2021-06-02",
            });
            return await Read(response, await c.App.WithDbAsync(db => db.Set<ZoneOrder>().AnyAsync(o => o.DecisionNumber == number)));
        }) { Mutates = true });
        list.Add(new("page /Outbreak/Zones/Detail", OutbreakAreas.Zones, Access.Write, Side.None, false, async c =>
        {
            var (zone, order) = await FreshProbeOrderAsync(c);
            var response = await c.Pages.PostAsync($"/Outbreak/Zones/{zone}?handler=Lift&orderId={order}", Form(c.Token, ("liftedOn", "2021-06-10")));
            return await Read(response, await LiftedAsync(c, order));
        }) { Mutates = true });
        list.Add(new("POST /api/v1/zone-orders/{id:int}/lift", OutbreakAreas.Zones, Access.Write, Side.None, true, async c =>
        {
            var (_, order) = await FreshProbeOrderAsync(c);
            var response = await c.Api.PostAsJsonAsync($"/api/v1/zone-orders/{order}/lift", new { liftedOn = "2021-06-10" });
            return await Read(response, await LiftedAsync(c, order));
        }) { Mutates = true });

        // ---------------- no jurisdiction split ----------------
        list.Add(new("page /Registry/Zones/Edit", RegistryAreas.Places, Access.Write, Side.None, false, async c =>
        {
            var code = "Z" + NewPhone()[3..];
            var response = await c.Pages.PostAsync("/Registry/Zones/Edit", Form(c.Token,
                ("Form.Code", code), ("Form.Name", "KCN Thử " + code), ("Form.AreaHectares", "80"), ("Form.DistrictCode", c.Registry.ZoneOwn.DistrictCode)));
            return await Read(response, await c.App.WithDbAsync(db => db.Set<IndustrialZone>().AnyAsync(z => z.Code == code)));
        }) { Mutates = true });
        list.Add(new("POST /api/v1/industrial-zones", RegistryAreas.Places, Access.Write, Side.None, true, async c =>
        {
            var code = "Z" + NewPhone()[3..];
            var response = await c.Api.PostAsJsonAsync("/api/v1/industrial-zones", new
            {
                code, name = "KCN Thử " + code, areaHectares = 80m, districtCode = c.Registry.ZoneOwn.DistrictCode,
            });
            return await Read(response, await c.App.WithDbAsync(db => db.Set<IndustrialZone>().AnyAsync(z => z.Code == code)));
        }) { Mutates = true });
        list.Add(new("page /Admin/Audit/Index", AdminAreas.Audit, Access.Read, Side.None, false, async c =>
            await Read(await c.Pages.GetAsync("/Admin/Audit"))));
        list.Add(new("page /Admin/Audit/Index", AdminAreas.Audit, Access.Read, Side.None, false, async c =>
            await Read(await c.Pages.PostAsync("/Admin/Audit?handler=Verify", Form(c.Token)))));
        // the demo clock (in this empty, non-demo world the POST only says that demo mode is off) and each role's home numbers
        list.Add(new("page /Admin/DemoClock/Index", AdminAreas.Audit, Access.Read, Side.None, false, async c =>
            await Read(await c.Pages.GetAsync("/Admin/DemoClock"))));
        list.Add(new("page /Admin/DemoClock/Index", AdminAreas.Audit, Access.Write, Side.None, false, async c =>
            await Read(await c.Pages.PostAsync("/Admin/DemoClock", Form(c.Token, ("Today", "01/06/2022"))))));
        list.Add(new("GET /api/v1/home", Lachan.Features.Home.HomeAreas.Home, Access.Read, Side.None, true, async c =>
            await Read(await c.Api.GetAsync("/api/v1/home"))));
        AddHealthProbes(list);
        AddTestingProbes(list);
        AddTransferProbes(list);
        AddReliefProbes(list);
        AddSupplyProbes(list);
        AddSupportProbes(list);
        AddSupportListProbes(list);
        AddSupportViewProbes(list);
        AddSupportPageProbes(list);
        return [.. list];
    }

    /// <summary>The day both sides' zones are locked down (see <see cref="AddZonesAsync"/>).</summary>
    private static readonly DateOnly AffectedDay = new(2021, 5, 20);

    private static string ProbeZoneName(TestRegistry r) => "Vùng thử " + r.Tag;

    /// <summary>A lockdown on each side's zone from 18/05/2021, so each side's worker is affected on AffectedDay; and a
    /// probe zone (a commune without lodging) whose orders the write probes add and lift, one with a scan.</summary>
    internal static async Task AddZonesAsync(LachanApp app, TestRegistry r)
    {
        ZoneOrder Lockdown(string number) => new()
        {
            Level = ZoneLevel.Lockdown, DecisionNumber = number, DecisionDate = new(2021, 5, 17), IssuedBy = "BCĐ", EffectiveFrom = new(2021, 5, 18),
        };
        await app.WithDbAsync(async db =>
        {
            foreach (var (zone, province) in new[] { (r.ZoneOwn, TestRegistry.OwnProvince), (r.ZoneOther, TestRegistry.OtherProvince) })
                db.Set<ControlZone>().Add(new ControlZone { Name = zone.Name, Kind = ControlZoneKind.IndustrialZone, IndustrialZoneId = zone.Id, ProvinceCode = province, Orders = [Lockdown("LD " + zone.Code)] });
            var scanned = Lockdown("Scan " + r.Tag);
            scanned.Level = ZoneLevel.Normal;
            scanned.Scan = new ZoneOrderScan { FileName = "qd.pdf", ContentType = "application/pdf", Content = "%PDF-1.4"u8.ToArray() };
            db.Set<ControlZone>().Add(new ControlZone { Name = ProbeZoneName(r), Kind = ControlZoneKind.Commune, CommuneCode = r.SpareUnitCode, ProvinceCode = TestRegistry.OwnProvince, Orders = [scanned] });
            await db.SaveChangesAsync();
        });
    }

    private static Task<int> ProbeZoneIdAsync(Caller c) =>
        c.App.WithDbAsync(db => db.Set<ControlZone>().Where(z => z.Name == ProbeZoneName(c.Registry)).Select(z => z.Id).SingleAsync());

    private static async Task<(int Zone, int Order)> ScannedOrderAsync(Caller c)
    {
        var order = await c.App.WithDbAsync(db => db.Set<ZoneOrder>().Where(o => o.DecisionNumber == "Scan " + c.Registry.Tag).Select(o => new { o.ControlZoneId, o.Id }).SingleAsync());
        return (order.ControlZoneId, order.Id);
    }

    /// <summary>A new, unlifted "normal" order on the probe zone, for a lift probe.</summary>
    private static async Task<(int Zone, int Order)> FreshProbeOrderAsync(Caller c)
    {
        var zone = await ProbeZoneIdAsync(c);
        var order = new ZoneOrder { ControlZoneId = zone, Level = ZoneLevel.Normal, DecisionNumber = "QĐ " + NewPhone(), DecisionDate = new(2021, 6, 1), IssuedBy = "BCĐ", EffectiveFrom = new(2021, 6, 2) };
        await c.App.WithDbAsync(async db => { db.Set<ZoneOrder>().Add(order); await db.SaveChangesAsync(); });
        return (zone, order.Id);
    }

    private static Task<bool> LiftedAsync(Caller c, int order) => c.App.WithDbAsync(db => db.Set<ZoneOrder>().AnyAsync(o => o.Id == order && o.LiftedOn != null));

    public static string ImportName(TestRegistry r, bool own) => $"roster-{(own ? "own" : "other")}-{r.Tag}.csv";

    /// <summary>A roster import row as an upload leaves it (the file itself is not needed to test who may reach it).</summary>
    public static async Task<Guid> AddImportAsync(LachanApp app, int enterpriseId, string fileName, ImportStatus status)
    {
        var id = Guid.NewGuid();
        await app.WithDbAsync(async db =>
        {
            db.Set<RosterImport>().Add(new RosterImport
            {
                Id = id, EnterpriseId = enterpriseId, AsOf = new DateOnly(2021, 5, 18), FileName = fileName, FileHash = "test",
                StoredPath = Path.Combine(app.ImportsFolder, id.ToString("N") + ".upload"), SizeBytes = 1, Status = status,
                CreatedBy = "test", CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });
        return id;
    }

    private static Task<ImportStatus> ImportStatusAsync(Caller c, Guid id) => c.App.WithDbAsync(db => db.Set<RosterImport>().Where(i => i.Id == id).Select(i => i.Status).SingleAsync());
    private static Task<int> ImportCountAsync(Caller c, int enterpriseId) => c.App.WithDbAsync(db => db.Set<RosterImport>().CountAsync(i => i.EnterpriseId == enterpriseId));

    private const string RosterCsv = "Số CCCD,Họ và tên,Giới tính,Ngày sinh\n001099000001,Nguyễn Văn A,Nam,01/01/1999\n";

    private static MultipartFormDataContent Upload(string? token, params (string Key, string Value)[] fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (k, v) in fields) content.Add(new StringContent(v), k);
        if (token is not null) content.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(RosterCsv));
        file.Headers.ContentType = new("text/csv");
        return content.WithFile(file, token is null ? "file" : "Upload"); // the API's field, or the page's
    }

    private static Worker Worker(Caller c, Side side) => side == Side.Other ? c.Registry.WorkerOther : c.Registry.WorkerOwn;
    private static Enterprise Enterprise(Caller c, Side side) => side == Side.Other ? c.Registry.EnterpriseOther : c.Registry.EnterpriseOwn;
    private static LodgingHouse Lodging(Caller c, Side side) => side == Side.Other ? c.Registry.LodgingOther : c.Registry.LodgingOwn;
    /// <summary>A capacity the house does not have now, so "changed" cannot be a leftover of an earlier allowed write.</summary>
    private static async Task<int> NewCapacityAsync(Caller c, int id) => await CapacityAsync(c, id) % 900 + 21;
    private static Task<int> CapacityAsync(Caller c, int id) => c.App.WithDbAsync(db => db.Set<LodgingHouse>().Where(l => l.Id == id).Select(l => l.Capacity).SingleAsync());
    private static Task<string> UnitNameAsync(Caller c, string code) => c.App.WithDbAsync(db => db.Set<AdminUnit>().Where(u => u.Code == code).Select(u => u.Name).SingleAsync());
    private static IndustrialZone Zone(Caller c, Side side) => side == Side.Other ? c.Registry.ZoneOther : c.Registry.ZoneOwn;

    private static int _phone = Random.Shared.Next(1_000_000, 9_000_000);
    private static string NewPhone() => "090" + Interlocked.Increment(ref _phone).ToString("0000000");

    private static Task<string?> WorkerPhoneAsync(Caller c, int id) => c.App.WithDbAsync(db => db.Set<Worker>().Where(w => w.Id == id).Select(w => w.Phone).SingleAsync());
    private static Task<string?> EnterprisePhoneAsync(Caller c, int id) => c.App.WithDbAsync(db => db.Set<Enterprise>().Where(e => e.Id == id).Select(e => e.ContactPhone).SingleAsync());
    private static Task<EnterpriseStatus> EnterpriseStatusAsync(Caller c, int id) => c.App.WithDbAsync(db => db.Set<Enterprise>().Where(e => e.Id == id).Select(e => e.Status).SingleAsync());
    private static Task<string> ZoneNameAsync(Caller c, int id) => c.App.WithDbAsync(db => db.Set<IndustrialZone>().Where(z => z.Id == id).Select(z => z.Name).SingleAsync());

    private static async Task<(EnterpriseStatus Before, EnterpriseStatus Target)> NextStatusAsync(Caller c, int id)
    {
        var before = await EnterpriseStatusAsync(c, id);
        return (before, before == EnterpriseStatus.Operating ? EnterpriseStatus.Suspended : EnterpriseStatus.Operating);
    }

    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))
            .Append(new("__RequestVerificationToken", token)));

    public static TheoryData<DatabaseProvider, string> Callers()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var p in Enum.GetValues<DatabaseProvider>())
        {
            foreach (var r in Enum.GetValues<Role>()) data.Add(p, r.ToString());
            data.Add(p, "anonymous");
        }
        return data;
    }

    [Theory, MemberData(nameof(Callers))]
    public async Task Every_endpoint_answers_each_role_by_the_matrix(DatabaseProvider provider, string roleName)
    {
        var (app, registry) = await worlds.For(provider);
        Role? role = roleName == "anonymous" ? null : Enum.Parse<Role>(roleName);
        var caller = await CallerAsync(app, registry, role);
        var problems = new List<string>();

        foreach (var probe in Probes)
        {
            var outcome = await probe.Send(caller);
            var status = (int)outcome.Response.StatusCode;
            var location = outcome.Response.Headers.Location?.OriginalString ?? "";
            var access = role is { } r && Jurisdiction.For(r, probe.Area) >= probe.Needs && (probe.Only?.Invoke(r) ?? true);
            var visible = probe.Side != Side.Other || (role is { } rr && probe.SeesOther(rr));
            var ok = status is >= 200 and < 300 || (status == 302 && !location.Contains("/Account/"));
            var refusedForm = status == 200 && !probe.Api && outcome.Body.Contains("class=\"validation-summary\"");
            string? wrong = null;

            if (role is null)
                wrong = probe.Api
                    ? status == 401 ? null : $"anonymous got {status}, expected 401"
                    : status == 302 && location.Contains("/Account/Login") ? null : $"anonymous got {status} {location}, expected the login page";
            else if (!access)
                wrong = probe.Api
                    ? status is 403 or 404 ? null : $"got {status}, expected 403/404 (no {probe.Needs} on {probe.Area})"
                    : (status == 302 && location.Contains("/Account/Denied")) || status is 403 or 404 ? null : $"got {status} {location}, expected the refusal page";
            else if (!visible)
                wrong = (probe.IsList && probe.Needs == Access.Read && status is >= 200 and < 300) || status is 404 or 400 || refusedForm
                    ? null : $"got {status} {location}, expected 404 (or a refused form) for the other jurisdiction";
            else if (!ok || refusedForm)
                wrong = $"got {status} {location}, expected success";

            // whatever the status: data of the other jurisdiction never shows, refused writes change nothing
            var reg = caller.Registry;
            foreach (var secret in new[] { reg.WorkerOther.Cccd, TestRegistry.OtherWorkerName, reg.EnterpriseOther.TaxCode, reg.EnterpriseOther.Name, ImportName(reg, own: false) })
                if (outcome.Body.Contains(secret)) wrong ??= $"the answer shows the other jurisdiction's '{secret}'";
            if (!visible && probe.Marker?.Invoke(caller, Side.Other) is { } hidden && outcome.Body.Contains(hidden))
                wrong ??= $"the answer shows '{hidden}' of the other jurisdiction";
            var writeAllowed = access && visible;
            if (probe.Mutates && outcome.Changed && !writeAllowed) wrong ??= "a refused write changed the data";
            if (probe.Mutates && writeAllowed && !outcome.Changed) wrong ??= $"an allowed write did not change the data ({status})";
            if (access && visible && !probe.Mutates && probe.Marker?.Invoke(caller, probe.Side) is { } shown && !outcome.Body.Contains(shown))
                wrong ??= $"'{shown}' is missing from the answer";

            if (wrong is not null)
            {
                var fieldErrors = System.Text.RegularExpressions.Regex.Matches(outcome.Body, "data-testid=\"error-([A-Za-z]+)\">([^<]*)<")
                    .Select(m => $"{m.Groups[1].Value}: {m.Groups[2].Value}");
                var problem = probe.Api && status >= 400 && outcome.Body.Length < 600 ? outcome.Body : "";
                problems.Add($"{probe.Key} [{probe.Side}, {probe.Needs}]: {wrong} {string.Join("; ", fieldErrors)} {problem}");
            }
        }
        Assert.True(problems.Count == 0, $"{roleName} ({registry.OwnScope(role ?? Role.Volunteer)}) on {provider}:\n" + string.Join("\n", problems));
    }

    private static async Task<Caller> CallerAsync(LachanApp app, TestRegistry registry, Role? role)
    {
        if (role is null)
        {
            var anon = app.NewClient();
            var token = Http.AntiforgeryToken(await anon.GetStringAsync("/Account/Login"));
            return new(null, anon, app.NewClient(), token, app, registry);
        }
        var user = UserFor(role.Value);
        var pages = await app.LoggedInClientAsync(user);
        var pageToken = Http.AntiforgeryToken(await pages.GetStringAsync("/"));
        return new(role, pages, await app.ApiClientAsync(user), pageToken, app, registry);
    }

    /// <summary>Public endpoints: reachable without an account by design.</summary>
    private static readonly HashSet<string> Public =
    [
        "page /Index", "page /Error", "page /Account/Login", "page /Account/Logout", "page /Account/Denied", "page /Account/Language",
        "GET /health", "GET /openapi/{documentName}.json",
        "page /Relief/Requests/Help", "POST /api/v1/public/help-requests", "GET /api/v1/public/help-requests/{ticket}",
        "page /Relief/Supplies/Transparency", "GET /api/v1/public/transparency",
    ];

    [Fact]
    public async Task Every_page_and_API_endpoint_is_covered_by_the_matrix()
    {
        var (app, _) = await worlds.For(DatabaseProvider.Sqlite);
        var endpoints = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var source in app.Services.GetServices<EndpointDataSource>())
            foreach (var e in source.Endpoints)
            {
                if (e.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
                    endpoints.Add("page " + page.ViewEnginePath);
                else if (e is RouteEndpoint route && e.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods)
                    foreach (var m in methods.HttpMethods)
                        endpoints.Add($"{m} /{route.RoutePattern.RawText!.Trim('/')}");
            }
        Assert.Contains("GET /api/v1/workers", endpoints); // the listing itself works
        var covered = Probes.Select(p => p.Key).ToHashSet();
        var missing = endpoints.Where(e => !Public.Contains(e) && !covered.Contains(e)).ToList();
        Assert.True(missing.Count == 0,
            "Endpoints without a probe in AccessMatrixTests (add one per endpoint: own and other jurisdiction, read or write):\n"
            + string.Join("\n", missing));
    }

    /// <summary>Every page handler the matrix's probes were written for. A handler added to an existing page (a new
    /// OnPostSomething) is not covered by the page's probe: this fails until it gets a probe above and a line here.</summary>
    private static readonly HashSet<string> ProbedHandlers =
    [
        "/Account/Denied OnGet",
        "/Account/Language OnGet",
        "/Account/Language OnPost",
        "/Account/Login OnGet",
        "/Account/Login OnPost",
        "/Account/Logout OnGet",
        "/Account/Logout OnPost",
        "/Admin/Audit/Index OnGet",
        "/Admin/Audit/Index OnPostVerify",
        "/Admin/DemoClock/Index OnGet",
        "/Admin/DemoClock/Index OnPost",
        "/Error OnGet",
        "/Error OnPost",
        "/Index OnGet",
        "/Outbreak/Cases/Clusters OnGet",
        "/Outbreak/Cases/Index OnGet",
        "/Outbreak/Cases/Index OnGetExport",
        "/Outbreak/Cases/New OnGet",
        "/Outbreak/Cases/New OnPost",
        "/Outbreak/Cases/New OnPostPerson",
        "/Outbreak/Contacts/Index OnGet",
        "/Outbreak/Contacts/Tree OnGet",
        "/Outbreak/Contacts/Tree OnPostConfirm",
        "/Outbreak/Contacts/Tree OnPostDismiss",
        "/Outbreak/Contacts/Tree OnPostOutcome",
        "/Outbreak/Dashboard/Index OnGet",
        "/Outbreak/Quarantine/Due OnGet",
        "/Outbreak/Quarantine/Index OnGet",
        "/Outbreak/Quarantine/Release OnGet",
        "/Outbreak/Quarantine/Release OnPost",
        "/Outbreak/Rules/Index OnGet",
        "/Outbreak/Rules/Index OnPostPool",
        "/Outbreak/Rules/Index OnPostQuarantine",
        "/Outbreak/Rules/Index OnPostScreening",
        "/Outbreak/Testing/Import OnGet",
        "/Outbreak/Testing/Import OnPost",
        "/Outbreak/Testing/Index OnGet",
        "/Outbreak/Testing/New OnGet",
        "/Outbreak/Testing/New OnPost",
        "/Outbreak/Testing/Result OnGet",
        "/Outbreak/Testing/Result OnPost",
        "/Outbreak/Testing/Retest OnGet",
        "/Outbreak/Testing/Schedules OnGet",
        "/Outbreak/Testing/Schedules OnPost",
        "/Outbreak/Testing/Screening OnGet",
        "/Outbreak/Zones/Affected OnGet",
        "/Outbreak/Zones/Affected OnGetExport",
        "/Outbreak/Zones/Detail OnGet",
        "/Outbreak/Zones/Detail OnGetScan",
        "/Outbreak/Zones/Detail OnPostLift",
        "/Outbreak/Zones/Detail OnPostOrder",
        "/Outbreak/Zones/Index OnGet",
        "/Outbreak/Zones/New OnGet",
        "/Outbreak/Zones/New OnPost",
        "/Relief/Requests/Deliveries OnGet",
        "/Relief/Requests/Deliveries OnPostRecord",
        "/Relief/Requests/Detail OnGet",
        "/Relief/Requests/Detail OnPostAssign",
        "/Relief/Requests/Detail OnPostCancel",
        "/Relief/Requests/Help OnGet",
        "/Relief/Requests/Help OnPost",
        "/Relief/Requests/Help OnGetHouses",
        "/Relief/Requests/Hotline OnGet",
        "/Relief/Requests/Hotline OnPostCreate",
        "/Relief/Requests/Hotline OnPostSearch",
        "/Relief/Requests/Index OnGet",
        "/Relief/Requests/Reports OnGet",
        "/Relief/Requests/Reports OnGetExport",
        "/Relief/Requests/Unreached OnGet",
        "/Relief/Requests/Unreached OnPostWorklist",
        "/Relief/Supplies/Counter OnGet",
        "/Relief/Supplies/Counter OnPost",
        "/Relief/Supplies/Donations OnGet",
        "/Relief/Supplies/Donations OnGetReceipt",
        "/Relief/Supplies/Donations OnPost",
        "/Relief/Supplies/Index OnGet",
        "/Relief/Supplies/Index OnPostPoint",
        "/Relief/Supplies/Index OnPostTransfer",
        "/Relief/Supplies/Reports OnGet",
        "/Relief/Supplies/Reports OnGetExport",
        "/Relief/Supplies/Transparency OnGet",
        "/Registry/AdminUnits/Edit OnGet",
        "/Registry/AdminUnits/Edit OnPost",
        "/Registry/AdminUnits/Index OnGet",
        "/Registry/AdminUnits/Index OnGetExport",
        "/Registry/Enterprises/Detail OnGet",
        "/Registry/Enterprises/Detail OnPostStatus",
        "/Registry/Enterprises/Edit OnGet",
        "/Registry/Enterprises/Edit OnPost",
        "/Registry/Enterprises/Index OnGet",
        "/Registry/Enterprises/Index OnGetExport",
        "/Registry/Lodging/Detail OnGet",
        "/Registry/Lodging/Edit OnGet",
        "/Registry/Lodging/Edit OnPost",
        "/Registry/Lodging/Index OnGet",
        "/Registry/Lodging/Index OnGetExport",
        "/Registry/Lodging/Index OnPost",
        "/Registry/Transfers/Detail OnGet",
        "/Registry/Transfers/Detail OnPostApprove",
        "/Registry/Transfers/Detail OnPostReject",
        "/Registry/Transfers/Index OnGet",
        "/Registry/Workers/Edit OnGet",
        "/Registry/Workers/Edit OnPost",
        "/Registry/Workers/Index OnGet",
        "/Registry/Workers/Index OnPost",
        "/Registry/Workers/Index OnPostExport",
        "/Registry/Workers/Profile OnGet",
        "/Registry/Zones/Detail OnGet",
        "/Registry/Zones/Edit OnGet",
        "/Registry/Zones/Edit OnPost",
        "/Registry/Zones/Index OnGet",
        "/Registry/Zones/Index OnGetExport",
        "/Support/Insurance/Index OnGet",
        "/Support/Insurance/Index OnPost",
        "/Support/Lists/Detail OnGet",
        "/Support/Lists/Detail OnGetDecision",
        "/Support/Lists/Detail OnPostAppraise",
        "/Support/Lists/Detail OnPostApprove",
        "/Support/Lists/Detail OnPostDispute",
        "/Support/Lists/Detail OnPostInsurance",
        "/Support/Lists/Detail OnPostPost",
        "/Support/Lists/Detail OnPostRefuse",
        "/Support/Lists/Detail OnPostResolve",
        "/Support/Lists/Detail OnPostSubmit",
        "/Support/Lists/Index OnGet",
        "/Support/Lists/New OnGet",
        "/Support/Lists/New OnPostCandidates",
        "/Support/Lists/New OnPostImport",
        "/Support/Lists/New OnPostRoster",
        "/Support/Overview/Index OnGet",
        "/Support/Payments/Batch OnGet",
        "/Support/Payments/Batch OnPostExport",
        "/Support/Payments/Batch OnPostReturns",
        "/Support/Payments/Index OnGet",
        "/Support/Payments/Index OnPost",
        "/Support/Policies/Detail OnGet",
        "/Support/Policies/Detail OnPost",
        "/Support/Policies/Index OnGet",
        "/Support/Reports/Index OnGet",
        "/Support/Simulation/Index OnGet",
        "/Rosters/Detail OnGet",
        "/Rosters/Detail OnGetProgress",
        "/Rosters/Detail OnGetReport",
        "/Rosters/Detail OnPostCancel",
        "/Rosters/Detail OnPostCommit",
        "/Rosters/Detail OnPostRemap",
        "/Rosters/Index OnGet",
        "/Rosters/Index OnPost",
    ];

    [Fact]
    public void Every_page_handler_is_known_to_the_matrix()
    {
        var unknown = PageHandlers.All().Where(h => !ProbedHandlers.Contains(h)).ToList();
        Assert.True(unknown.Count == 0,
            "Page handlers the access matrix does not probe (add a probe per handler and list it in ProbedHandlers):\n" + string.Join("\n", unknown));
        var gone = ProbedHandlers.Where(h => !PageHandlers.All().Contains(h)).ToList();
        Assert.True(gone.Count == 0, "Listed handlers that no longer exist:\n" + string.Join("\n", gone));
    }
}
