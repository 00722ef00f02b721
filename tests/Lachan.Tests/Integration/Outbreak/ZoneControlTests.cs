using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lachan.Features.Outbreak.Zones;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lachan.Tests.Integration.Outbreak;

/// <summary>Zones, orders and "who is affected" through HTTP, on a registry the tests know by heart: a zone with two
/// enterprises (one exempted), their workers and lodging houses.</summary>
public sealed class ZoneControlTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    private static readonly DateOnly Lockdown = new(2021, 5, 18);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd");

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>The test registry plus a second enterprise in the own zone with a worker of its own, hired after the
    /// lockdown day (so not affected on it), and an admin for the province.</summary>
    private sealed record World(LachanApp App, TestRegistry Registry, Enterprise Exempt, Worker LateHire, HttpClient Api, string Admin);

    private async Task<World> WorldAsync(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var registry = await TestRegistry.AddAsync(app);
        var admin = (await app.NewUserAsync("bcd", Role.Steering, TestRegistry.OwnProvince)).UserName!;
        var exempt = new Enterprise
        {
            TaxCode = TestRegistry.NewTaxCode(), Name = "Công ty TNHH Điện tử An Toàn " + registry.Tag, NameSearch = "cong ty tnhh dien tu an toan",
            IndustrialZoneId = registry.ZoneOwn.Id, CommuneCode = registry.EnterpriseOwn.CommuneCode, DistrictCode = registry.EnterpriseOwn.DistrictCode, ProvinceCode = TestRegistry.OwnProvince,
        };
        var late = new Worker
        {
            Cccd = TestRegistry.NewCccd("024", Sex.Male, 1999), FullName = "Phạm Văn Muộn", NameSearch = "pham van muon", Sex = Sex.Male,
            DateOfBirth = new DateOnly(1999, 1, 1), HomeProvinceCode = "024", ProvinceCode = TestRegistry.OwnProvince,
        };
        await app.WithDbAsync(async db =>
        {
            db.Set<Enterprise>().Add(exempt);
            await db.SaveChangesAsync();
            late.Hire(registry.EnterpriseOwn.Id, Lockdown.AddDays(3), ContractType.Definite);
            db.Set<Worker>().Add(late);
            await db.SaveChangesAsync();
        });
        return new World(app, registry, exempt, late, await app.ApiClientAsync(admin), admin);
    }

    private static async Task<int> CreateZoneAsync(HttpClient api, object form)
    {
        var created = await api.PostAsJsonAsync("/api/v1/control-zones", form);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await JsonAsync(created)).GetProperty("id").GetInt32();
    }

    private static async Task<int> IssueAsync(HttpClient api, int zoneId, object order)
    {
        var issued = await api.PostAsJsonAsync($"/api/v1/control-zones/{zoneId}/orders", order);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        return (await JsonAsync(issued)).GetProperty("id").GetInt32();
    }

    private static async Task<JsonElement> AffectedAsync(HttpClient api, DateOnly day, int? zone = null, int? order = null) =>
        await JsonAsync(await api.GetAsync($"/api/v1/affected?date={Iso(day)}" + (zone is null ? "" : $"&zone={zone}") + (order is null ? "" : $"&order={order}")));

    private static List<string> Names(JsonElement affected) =>
        affected.GetProperty("workers").GetProperty("items").EnumerateArray().Select(w => w.GetProperty("fullName").GetString()!).ToList();

    [Theory, BothProviders]
    public async Task An_IZ_lockdown_stops_its_enterprises_but_the_exempt_and_lifting_it_restores_them(DatabaseProvider provider)
    {
        var w = await WorldAsync(provider);
        var zone = await CreateZoneAsync(w.Api, new { kind = "industrialZone", industrialZoneCode = w.Registry.ZoneOwn.Code });
        var order = await IssueAsync(w.Api, zone, new
        {
            level = "lockdown", decisionNumber = "1501/QĐ-UBND", decisionDate = Iso(Lockdown.AddDays(-1)), issuedBy = "UBND tỉnh Bắc Giang",
            effectiveFrom = Iso(Lockdown), exemptTaxCodes = w.Exempt.TaxCode,
        });

        var before = await AffectedAsync(w.Api, Lockdown.AddDays(-1), zone);
        Assert.Equal(0, before.GetProperty("counts").GetProperty("workers").GetInt32());

        var on = await AffectedAsync(w.Api, Lockdown, zone);
        var counts = on.GetProperty("counts");
        Assert.Equal(1, counts.GetProperty("enterprisesStopped").GetInt32());   // the exempt one keeps working
        Assert.Equal([TestRegistry.OwnWorkerName], Names(on));                   // the late hire was not employed yet
        Assert.Equal(w.Registry.EnterpriseOwn.Name, Assert.Single(on.GetProperty("enterprises").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(1, Assert.Single(counts.GetProperty("byIndustrialZone").EnumerateArray()).GetProperty("workers").GetInt32());
        Assert.Equal("Bắc Giang", Assert.Single(counts.GetProperty("byHomeProvince").EnumerateArray()).GetProperty("name").GetString());

        var later = await AffectedAsync(w.Api, Lockdown.AddDays(5), zone);
        Assert.Equal(["Phạm Văn Muộn", TestRegistry.OwnWorkerName], Names(later).Order(StringComparer.Ordinal));

        // the enterprise's status history says why it stopped
        var pages = await w.App.LoggedInClientAsync(w.Admin);
        var detail = await pages.GetPageAsync($"/Registry/Enterprises/{w.Registry.EnterpriseOwn.Id}");
        Assert.Contains("data-testid=\"stopped-by-orders\"", detail);
        Assert.Contains("1501/QĐ-UBND", detail);
        Assert.DoesNotContain("stopped-by-orders", await pages.GetPageAsync($"/Registry/Enterprises/{w.Exempt.Id}"));

        var lift = await w.Api.PostAsJsonAsync($"/api/v1/zone-orders/{order}/lift", new { liftedOn = Iso(Lockdown.AddDays(10)) });
        Assert.Equal(HttpStatusCode.NoContent, lift.StatusCode);
        Assert.Equal(2, (await AffectedAsync(w.Api, Lockdown.AddDays(9), zone)).GetProperty("counts").GetProperty("workers").GetInt32());
        Assert.Equal(0, (await AffectedAsync(w.Api, Lockdown.AddDays(10), zone)).GetProperty("counts").GetProperty("workers").GetInt32());

        var audited = await w.App.WithDbAsync(db => db.AuditEvents.Where(a => a.UserName == w.Admin).Select(a => a.Action + " " + a.EntityType).ToListAsync());
        Assert.Equal(["create ControlZone", "create ZoneOrder", "lift ZoneOrder"], audited.Where(a => a.Contains("Zone", StringComparison.Ordinal)));
    }

    [Theory, BothProviders]
    public async Task A_worker_with_two_employers_and_two_houses_on_the_day_is_counted_once_with_the_stopped_and_the_locked_one(DatabaseProvider provider)
    {
        var w = await WorldAsync(provider);
        var twice = new Worker
        {
            Cccd = TestRegistry.NewCccd("024", Sex.Female, 1998), FullName = "Hà Thị Hai Việc", NameSearch = "ha thi hai viec", Sex = Sex.Female,
            DateOfBirth = new DateOnly(1998, 3, 3), HomeProvinceCode = "024", ProvinceCode = TestRegistry.OwnProvince,
        };
        await w.App.WithDbAsync(async db =>
        {
            // imported periods that overlap: a job and a house the orders leave alone, and a stopped job and a locked house
            twice.Employments.Add(new Employment { EnterpriseId = w.Registry.EnterpriseOther.Id, From = new DateOnly(2020, 1, 1) });
            twice.Employments.Add(new Employment { EnterpriseId = w.Registry.EnterpriseOwn.Id, From = new DateOnly(2020, 6, 1) });
            twice.Residences.Add(new Residence { LodgingHouseId = w.Registry.LodgingOther.Id, From = new DateOnly(2020, 1, 1) });
            twice.Residences.Add(new Residence { LodgingHouseId = w.Registry.LodgingOwn.Id, From = new DateOnly(2020, 6, 1), Room = "P.2" });
            twice.Residences.Add(new Residence { LodgingHouseId = w.Registry.LodgingOwn.Id, From = new DateOnly(2020, 7, 1), Room = "P.3" });
            db.Set<Worker>().Add(twice);
            await db.SaveChangesAsync();
        });
        var zone = await CreateZoneAsync(w.Api, new { kind = "industrialZone", industrialZoneCode = w.Registry.ZoneOwn.Code });
        await IssueAsync(w.Api, zone, new
        {
            level = "lockdown", decisionNumber = "1502/QĐ-UBND", decisionDate = Iso(Lockdown), issuedBy = "UBND tỉnh Bắc Giang", effectiveFrom = Iso(Lockdown),
        });
        var cluster = await CreateZoneAsync(w.Api, new { kind = "lodgingCluster", name = "Cụm nhà trọ " + w.Registry.Tag, lodgingHouseIds = new[] { w.Registry.LodgingOwn.Id } });
        await IssueAsync(w.Api, cluster, new
        {
            level = "lockdown", decisionNumber = "90/QĐ-UBND", decisionDate = Iso(Lockdown), issuedBy = "UBND huyện Việt Yên", effectiveFrom = Iso(Lockdown),
        });

        var on = await AffectedAsync(w.Api, Lockdown);
        var items = on.GetProperty("workers").GetProperty("items").EnumerateArray().ToList();
        var her = Assert.Single(items, i => i.GetProperty("fullName").GetString() == "Hà Thị Hai Việc");
        Assert.True(her.GetProperty("employerStopped").GetBoolean());
        Assert.True(her.GetProperty("lodgingLocked").GetBoolean());
        Assert.Equal(w.Registry.LodgingOwn.Name, her.GetProperty("lodgingHouse").GetString());
        var counts = on.GetProperty("counts");
        var workers = counts.GetProperty("workers").GetInt32();
        Assert.Equal(items.Count, workers);
        Assert.Equal(items.Count(i => i.GetProperty("employerStopped").GetBoolean()), counts.GetProperty("employerStopped").GetInt32());
        Assert.Equal(items.Count(i => i.GetProperty("lodgingLocked").GetBoolean()), counts.GetProperty("lodgingLocked").GetInt32());
        Assert.Equal(workers, counts.GetProperty("byEnterprise").EnumerateArray().Sum(c => c.GetProperty("workers").GetInt32()));
        Assert.Equal(workers, counts.GetProperty("byCommune").EnumerateArray().Sum(c => c.GetProperty("workers").GetInt32()));
    }

    [Theory, BothProviders]
    public async Task A_locked_commune_affects_the_residents_of_its_lodging_houses_and_a_cluster_only_its_own(DatabaseProvider provider)
    {
        var w = await WorldAsync(provider);
        var commune = await CreateZoneAsync(w.Api, new { kind = "commune", communeCode = w.Registry.LodgingOwn.CommuneCode });
        await IssueAsync(w.Api, commune, new
        {
            level = "medicalIsolation", decisionNumber = "88/QĐ-UBND", decisionDate = Iso(Lockdown), issuedBy = "UBND huyện Việt Yên",
            effectiveFrom = Iso(Lockdown), effectiveTo = Iso(Lockdown.AddDays(13)),
        });
        var on = await AffectedAsync(w.Api, Lockdown.AddDays(13), commune);
        // the resident of the locked house, and (the enterprises' premises being in the commune) their co-worker
        Assert.Equal([TestRegistry.OwnWorkerName, "Phạm Văn Muộn"], Names(on));   // by name without diacritics: "dang" < "pham"
        var row = on.GetProperty("workers").GetProperty("items")[0];
        Assert.True(row.GetProperty("lodgingLocked").GetBoolean());
        Assert.False(on.GetProperty("workers").GetProperty("items")[1].GetProperty("lodgingLocked").GetBoolean());
        Assert.Equal(1, on.GetProperty("counts").GetProperty("lodgingLocked").GetInt32());
        Assert.Equal(w.Registry.LodgingOwn.Name, row.GetProperty("lodgingHouse").GetString());
        Assert.Equal(1, on.GetProperty("counts").GetProperty("lodgingHousesLocked").GetInt32());
        // the commune zone also stops the enterprises whose premises are in the commune
        Assert.Equal(2, on.GetProperty("counts").GetProperty("enterprisesStopped").GetInt32());
        // the breakdowns: both work for the own enterprise; one lodges in the locked commune, the late hire nowhere known
        Dictionary<string, int> By(string breakdown) => on.GetProperty("counts").GetProperty(breakdown).EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("workers").GetInt32());
        Assert.Equal(new Dictionary<string, int> { [w.Registry.EnterpriseOwn.Name] = 2 }, By("byEnterprise"));
        Assert.Equal(new Dictionary<string, int> { [w.Registry.ZoneOwn.Name] = 2 }, By("byIndustrialZone"));
        Assert.Equal(1, By("byCommune")["—"]);
        Assert.Equal(2, By("byCommune").Count);
        Assert.Equal(2, By("byHomeProvince").Values.Sum());
        Assert.Equal(0, (await AffectedAsync(w.Api, Lockdown.AddDays(14), commune)).GetProperty("counts").GetProperty("workers").GetInt32());

        var cluster = await CreateZoneAsync(w.Api, new { kind = "lodgingCluster", name = "Cụm nhà trọ thôn Núi", lodgingHouseIds = new[] { w.Registry.LodgingOther.Id } });
        await IssueAsync(w.Api, cluster, new
        {
            level = "lockdown", decisionNumber = "89/QĐ-UBND", decisionDate = Iso(Lockdown), issuedBy = "UBND huyện", effectiveFrom = Iso(Lockdown),
        });
        // the other house's resident is outside this admin's province: counted by nobody here, shown to nobody
        var clustered = await AffectedAsync(w.Api, Lockdown, cluster);
        Assert.Empty(Names(clustered));
        Assert.Equal(0, clustered.GetProperty("counts").GetProperty("enterprisesStopped").GetInt32());
    }

    [Theory, BothProviders]
    public async Task The_published_facts_for_a_day_for_one_house_and_over_a_period_say_the_same(DatabaseProvider provider)
    {
        var w = await WorldAsync(provider);
        var commune = await CreateZoneAsync(w.Api, new { kind = "commune", communeCode = w.Registry.LodgingOwn.CommuneCode });
        await IssueAsync(w.Api, commune, new
        {
            level = "lockdown", decisionNumber = "90/QĐ-UBND", decisionDate = Iso(Lockdown), issuedBy = "UBND huyện Việt Yên",
            effectiveFrom = Iso(Lockdown), effectiveTo = Iso(Lockdown.AddDays(13)),
        });
        int house = w.Registry.LodgingOwn.Id, enterprise = w.Registry.EnterpriseOwn.Id;
        await using var scope = w.App.Services.CreateAsyncScope();
        var facts = scope.ServiceProvider.GetRequiredService<Lachan.Features.Outbreak.Contracts.IOutbreakFacts>();
        var period = await facts.RestrictionsBetweenAsync(Lockdown.AddDays(-3), Lockdown.AddDays(20));
        static bool In(IReadOnlyDictionary<int, IReadOnlyList<Lachan.Features.Outbreak.Contracts.DaySpan>> spans, int id, DateOnly day) =>
            spans.TryGetValue(id, out var list) && list.Any(s => s.From <= day && (s.To is null || s.To >= day));
        var lockedOn = new List<DateOnly>();
        for (var day = Lockdown.AddDays(-3); day <= Lockdown.AddDays(20); day = day.AddDays(1))
        {
            var all = await facts.RestrictionsOnAsync(day);
            var one = await facts.RestrictionsOfAsync(day, enterprise, house);
            Assert.Equal(all.LockedLodgingHouses.GetValueOrDefault(house), one.LockedLodgingHouses.GetValueOrDefault(house));
            Assert.Equal(all.StoppedEnterprises.GetValueOrDefault(enterprise), one.StoppedEnterprises.GetValueOrDefault(enterprise));
            Assert.Equal(all.LockedLodgingHouses.ContainsKey(house), In(period.LockedLodgingHouses, house, day));
            Assert.Equal(all.StoppedEnterprises.ContainsKey(enterprise), In(period.StoppedEnterprises, enterprise, day));
            Assert.True(one.LockedLodgingHouses.Keys.All(k => k == house) && one.StoppedEnterprises.Keys.All(k => k == enterprise));
            if (one.LockedLodgingHouses.ContainsKey(house)) lockedOn.Add(day);
        }
        Assert.Equal(Lockdown, lockedOn.First());
        Assert.Equal(Lockdown.AddDays(13), lockedOn.Last());
        Assert.Empty((await facts.RestrictionsOfAsync(Lockdown, null, null)).LockedLodgingHouses);
    }

    [Theory, BothProviders]
    public async Task Zone_status_follows_orders_a_planned_order_and_one_that_supersedes(DatabaseProvider provider)
    {
        var w = await WorldAsync(provider);
        var zone = await CreateZoneAsync(w.Api, new { kind = "enterpriseSite", enterpriseTaxCode = w.Registry.EnterpriseOwn.TaxCode });
        await IssueAsync(w.Api, zone, new { level = "lockdown", decisionNumber = "A1", decisionDate = Iso(Lockdown), issuedBy = "BCĐ", effectiveFrom = Iso(Lockdown) });
        await IssueAsync(w.Api, zone, new { level = "socialDistancing", decisionNumber = "A2", decisionDate = Iso(Lockdown.AddDays(8)), issuedBy = "BCĐ", effectiveFrom = Iso(Lockdown.AddDays(10)) });
        await IssueAsync(w.Api, zone, new { level = "normal", decisionNumber = "A3", decisionDate = "2030-01-01", issuedBy = "BCĐ", effectiveFrom = "2030-02-01" });

        async Task<string> LevelAsync(string day) => (await JsonAsync(await w.Api.GetAsync($"/api/v1/control-zones/{zone}?date={day}"))).GetProperty("zone").GetProperty("level").GetString()!;
        Assert.Equal("Normal", await LevelAsync(Iso(Lockdown.AddDays(-1))));
        Assert.Equal("Lockdown", await LevelAsync(Iso(Lockdown)));
        Assert.Equal("SocialDistancing", await LevelAsync(Iso(Lockdown.AddDays(10))));
        Assert.Equal("SocialDistancing", await LevelAsync("2030-01-31"));
        Assert.Equal("Normal", await LevelAsync("2030-02-01"));

        var detail = await JsonAsync(await w.Api.GetAsync($"/api/v1/control-zones/{zone}"));
        Assert.Equal(["Lockdown", "SocialDistancing", "Normal"], detail.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("level").GetString()).ToList());
        // only the lockdown stopped the enterprise; its history shows one period
        Assert.Equal(1, (await AffectedAsync(w.Api, Lockdown, zone)).GetProperty("counts").GetProperty("enterprisesStopped").GetInt32());
        Assert.Equal(0, (await AffectedAsync(w.Api, Lockdown.AddDays(10), zone)).GetProperty("counts").GetProperty("enterprisesStopped").GetInt32());
    }

    [Theory, BothProviders]
    public async Task Bad_orders_and_zones_are_refused_field_by_field_and_write_nothing(DatabaseProvider provider)
    {
        var w = await WorldAsync(provider);
        var zone = await CreateZoneAsync(w.Api, new { kind = "industrialZone", industrialZoneCode = w.Registry.ZoneOwn.Code });
        var ordersBefore = await w.App.WithDbAsync(db => db.Set<ZoneOrder>().CountAsync());

        var empty = await w.Api.PostAsJsonAsync($"/api/v1/control-zones/{zone}/orders", new { effectiveTo = "2021-05-01", effectiveFrom = "2021-05-18" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var errors = (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "level", "decisionNumber", "decisionDate", "issuedBy", "effectiveTo" })
            Assert.True(errors.TryGetProperty(field, out _), field);
        Assert.Contains("ngày", errors.GetProperty("effectiveTo")[0].GetString(), StringComparison.OrdinalIgnoreCase);

        // an exemption must name an enterprise inside the zone
        var outsider = await w.Api.PostAsJsonAsync($"/api/v1/control-zones/{zone}/orders", new
        {
            level = "lockdown", decisionNumber = "X", decisionDate = "2021-05-17", issuedBy = "BCĐ", effectiveFrom = "2021-05-18",
            exemptTaxCodes = w.Registry.EnterpriseOwn.TaxCode + "\n" + w.Registry.EnterpriseOther.TaxCode,
        });
        Assert.Equal(HttpStatusCode.BadRequest, outsider.StatusCode);
        Assert.Contains("exemptTaxCodes", await outsider.Content.ReadAsStringAsync());
        Assert.Equal(ordersBefore, await w.App.WithDbAsync(db => db.Set<ZoneOrder>().CountAsync()));

        var unknownZone = await w.Api.PostAsJsonAsync("/api/v1/control-zones", new { kind = "industrialZone", industrialZoneCode = "NOPE" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownZone.StatusCode);
        Assert.Contains("industrialZoneCode", await unknownZone.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await w.Api.PostAsJsonAsync("/api/v1/control-zones/999999/orders", new { level = "lockdown" })).StatusCode);

        var order = await IssueAsync(w.Api, zone, new { level = "lockdown", decisionNumber = "Y", decisionDate = "2021-05-17", issuedBy = "BCĐ", effectiveFrom = "2021-05-18", effectiveTo = "2021-05-30" });
        var late = await w.Api.PostAsJsonAsync($"/api/v1/zone-orders/{order}/lift", new { liftedOn = "2021-06-15" });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await w.Api.PostAsJsonAsync($"/api/v1/zone-orders/{order}/lift", new { liftedOn = "2021-05-20" })).StatusCode);
        var twice = await w.Api.PostAsJsonAsync($"/api/v1/zone-orders/{order}/lift", new { liftedOn = "2021-05-21" });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Equal(new DateOnly(2021, 5, 20), await w.App.WithDbAsync(db => db.Set<ZoneOrder>().Where(o => o.Id == order).Select(o => o.LiftedOn).SingleAsync()));
    }

    [Theory, BothProviders]
    public async Task On_the_pages_an_order_is_issued_with_its_scan_and_the_affected_list_is_exported(DatabaseProvider provider)
    {
        var w = await WorldAsync(provider);
        var zone = await CreateZoneAsync(w.Api, new { kind = "industrialZone", industrialZoneCode = w.Registry.ZoneOwn.Code });
        var pages = await w.App.LoggedInClientAsync(w.Admin);
        var token = Http.AntiforgeryToken(await pages.GetPageAsync($"/Outbreak/Zones/{zone}"));

        MultipartFormDataContent OrderForm(byte[] scan, string number)
        {
            var form = new MultipartFormDataContent();
            foreach (var (k, v) in new[] { ("Order.Level", "Lockdown"), ("Order.DecisionNumber", number), ("Order.DecisionDate", "2021-05-17"),
                         ("Order.IssuedBy", "Ban Chỉ đạo tỉnh"), ("Order.EffectiveFrom", "2021-05-18"), ("__RequestVerificationToken", token) })
                form.Add(new StringContent(v), k);
            return form.WithFile(new ByteArrayContent(scan), "Order.Scan", "quyet-dinh.pdf");
        }

        // a file that is not a PDF or an image is refused on its field, and nothing is written
        var refused = await pages.PostAsync($"/Outbreak/Zones/{zone}?handler=Order", OrderForm("MZ not a pdf"u8.ToArray(), "2001/QĐ-BCĐ"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("data-testid=\"error-Scan\"", await refused.PageAsync());
        Assert.False(await w.App.WithDbAsync(db => db.Set<ZoneOrder>().AnyAsync(o => o.DecisionNumber == "2001/QĐ-BCĐ")));

        var pdf = "%PDF-1.4\n% quyết định phong tỏa\n"u8.ToArray();
        var issued = await pages.PostAsync($"/Outbreak/Zones/{zone}?handler=Order", OrderForm(pdf, "2002/QĐ-BCĐ"));
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var page = await pages.GetPageAsync($"/Outbreak/Zones/{zone}?Date=2021-05-20");
        Assert.Contains("2002/QĐ-BCĐ", page);
        Assert.Contains("Phong tỏa", page);
        var orderId = await w.App.WithDbAsync(db => db.Set<ZoneOrder>().Where(o => o.DecisionNumber == "2002/QĐ-BCĐ").Select(o => o.Id).SingleAsync());
        var scan = await pages.GetAsync($"/Outbreak/Zones/{zone}?handler=Scan&orderId={orderId}");
        Assert.Equal("application/pdf", scan.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await scan.Content.ReadAsByteArrayAsync());

        var affected = await pages.GetPageAsync($"/Outbreak/Affected?Date=2021-05-20&Zone={zone}");
        Assert.Contains(TestRegistry.OwnWorkerName, affected);
        var csv = await pages.GetStringAsync($"/Outbreak/Affected?Date=2021-05-20&Zone={zone}&handler=Export&format=csv");
        var lines = csv.TrimEnd().Split('\n');
        Assert.StartsWith("\uFEFFHọ và tên,Năm sinh", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.Contains(TestRegistry.OwnWorkerName, lines[1]);
        Assert.True(await w.App.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserName == w.Admin && a.Action == "export" && a.EntityType == "AffectedWorkers")));
    }
}
