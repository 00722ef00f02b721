using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration.Places;

/// <summary>/api/v1 for zones, enterprises, lodging houses and administrative units, on the small demo province.</summary>
public sealed class PlacesApiTests(DemoApps apps) : IClassFixture<DemoApps>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static string NewTaxCode() => "24" + Random.Shared.Next(10_000_000, 99_999_999);

    [Theory, BothProviders]
    public async Task Zones_list_the_six_demo_zones_with_their_counts(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var api = await app.ApiClientAsync("admin");
        var zones = await JsonAsync(await api.GetAsync("/api/v1/industrial-zones?sort=-workers"));
        Assert.Equal(6, zones.GetProperty("total").GetInt32());
        var items = zones.GetProperty("items").EnumerateArray().ToList();
        var workers = items.Select(z => z.GetProperty("workers").GetInt32()).ToList();
        Assert.Equal(workers.OrderDescending(), workers);
        var expected = await app.WithDbAsync(db => db.Set<Worker>().CountAsync(w => w.ProvinceCode == "24" && w.CurrentEnterprise!.IndustrialZoneId != null));
        Assert.Equal(expected, workers.Sum());

        var first = items[0].GetProperty("id").GetInt32();
        var detail = await JsonAsync(await api.GetAsync($"/api/v1/industrial-zones/{first}"));
        Assert.Equal(workers[0], detail.GetProperty("enterprises").EnumerateArray().Sum(e => e.GetProperty("workers").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/industrial-zones/999999")).StatusCode);
    }

    [Theory, BothProviders]
    public async Task Enterprises_are_found_by_name_without_diacritics_and_by_tax_code(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var api = await app.ApiClientAsync("admin");
        var sample = await app.WithDbAsync(db => db.Set<Enterprise>().OrderBy(e => e.Id).Select(e => new { e.Name, e.TaxCode }).FirstAsync());
        var words = string.Join(' ', Lachan.Infrastructure.Localization.VietnameseText.SearchKey(sample.Name).Split(' ').Take(3));

        var byName = await JsonAsync(await api.GetAsync($"/api/v1/enterprises?q={Uri.EscapeDataString(words)}&pageSize=500"));
        Assert.Contains(byName.GetProperty("items").EnumerateArray(), e => e.GetProperty("taxCode").GetString() == sample.TaxCode);
        var byTax = await JsonAsync(await api.GetAsync($"/api/v1/enterprises?taxCode={sample.TaxCode}"));
        Assert.Equal(sample.TaxCode, Assert.Single(byTax.GetProperty("items").EnumerateArray()).GetProperty("taxCode").GetString());
    }

    [Theory, BothProviders]
    public async Task Creating_an_enterprise_validates_field_by_field_then_audits_it(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var api = await app.ApiClientAsync("admin");
        var bad = await JsonAsync(await api.PostAsJsonAsync("/api/v1/enterprises", new { taxCode = "12345", name = "", communeCode = "00000" }));
        Assert.Equal(400, bad.GetProperty("status").GetInt32());
        Assert.Equal("TaxCode.Format", bad.GetProperty("codes").GetProperty("taxCode").GetString());
        Assert.Equal("Field.Required", bad.GetProperty("codes").GetProperty("name").GetString());
        Assert.Equal("Place.CommuneUnknown", bad.GetProperty("codes").GetProperty("communeCode").GetString());

        var commune = await app.WithDbAsync(db => db.Set<AdminUnit>().Where(u => u.Level == AdminLevel.Commune).Select(u => u.Code).FirstAsync());
        var tax = NewTaxCode();
        var created = await api.PostAsJsonAsync("/api/v1/enterprises", new { taxCode = tax, name = "  Công ty   TNHH Thử  API ", communeCode = commune });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await JsonAsync(created)).GetProperty("id").GetInt32();
        var saved = await app.WithDbAsync(db => db.Set<Enterprise>().SingleAsync(e => e.Id == id));
        Assert.Equal(("Công ty TNHH Thử API", "cong ty tnhh thu api"), (saved.Name, saved.NameSearch));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "create" && a.EntityType == "Enterprise" && a.EntityId == id.ToString())));

        var duplicate = await JsonAsync(await api.PostAsJsonAsync("/api/v1/enterprises", new { taxCode = tax, name = "X", communeCode = commune }));
        Assert.Equal("Enterprise.TaxCodeExists", duplicate.GetProperty("codes").GetProperty("taxCode").GetString());
    }

    [Theory, BothProviders]
    public async Task A_status_change_is_kept_in_the_history_and_the_same_status_again_is_refused(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var api = await app.ApiClientAsync("admin");
        var id = await app.WithDbAsync(db => db.Set<Enterprise>().Where(e => e.Status == EnterpriseStatus.Operating).OrderByDescending(e => e.Id).Select(e => e.Id).FirstAsync());
        var change = new { status = "Suspended", from = "2021-05-18", reason = "Tạm dừng theo chỉ đạo ngày 18/05/2021" };

        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsJsonAsync($"/api/v1/enterprises/{id}/status", change)).StatusCode);
        var again = await JsonAsync(await api.PostAsJsonAsync($"/api/v1/enterprises/{id}/status", change));
        Assert.Equal("Enterprise.StatusUnchanged", again.GetProperty("codes").GetProperty("status").GetString());

        var detail = await JsonAsync(await api.GetAsync($"/api/v1/enterprises/{id}"));
        Assert.Equal("Suspended", detail.GetProperty("facts").GetProperty("status").GetString());
        Assert.Equal("2021-05-18", detail.GetProperty("statusHistory")[0].GetProperty("from").GetString());
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "status" && a.EntityId == id.ToString())));
    }

    [Theory, BothProviders]
    public async Task Enterprise_HR_sees_only_its_enterprise_and_no_lodging(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var api = await app.ApiClientAsync("doanhnghiep");
        var own = Assert.Single((await JsonAsync(await api.GetAsync("/api/v1/enterprises"))).GetProperty("items").EnumerateArray());
        var other = await app.WithDbAsync(db => db.Set<Enterprise>().Where(e => e.Id != own.GetProperty("id").GetInt32()).Select(e => e.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/enterprises/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/lodging-houses")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync("/api/v1/enterprises", new { taxCode = NewTaxCode() })).StatusCode);
    }

    [Theory, BothProviders]
    public async Task A_commune_registers_lodging_houses_in_itself_only(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var api = await app.ApiClientAsync("xa");
        var own = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "xa").Select(u => u.ScopeCode!).FirstAsync());
        var other = await app.WithDbAsync(db => db.Set<AdminUnit>().Where(u => u.Level == AdminLevel.Commune && u.Code != own).Select(u => u.Code).FirstAsync());
        var house = new { name = "Nhà trọ Thử", address = "Thôn Thử", rooms = 4, capacity = 12, landlordName = "nguyễn thị  thử", landlordPhone = "+84 912 000 111" };

        var refused = await JsonAsync(await api.PostAsJsonAsync("/api/v1/lodging-houses", new { house.name, house.address, communeCode = other, house.rooms, house.capacity, house.landlordName }));
        Assert.Equal("Place.OutOfScope", refused.GetProperty("codes").GetProperty("communeCode").GetString());

        var created = await api.PostAsJsonAsync("/api/v1/lodging-houses", new { house.name, house.address, communeCode = own, house.rooms, house.capacity, house.landlordName, house.landlordPhone });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await JsonAsync(created)).GetProperty("id").GetInt32();
        var detail = await JsonAsync(await api.GetAsync($"/api/v1/lodging-houses/{id}"));
        Assert.Equal("Nguyễn Thị Thử", detail.GetProperty("landlord").GetProperty("fullName").GetString());
        Assert.Equal("0912000111", detail.GetProperty("landlord").GetProperty("phone").GetString());
        var district = await app.WithDbAsync(db => db.Set<AdminUnit>().Where(u => u.Code == own).Select(u => u.ParentCode).FirstAsync());
        Assert.Equal(district, detail.GetProperty("districtCode").GetString());
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "create" && a.EntityType == "LodgingHouse" && a.EntityId == id.ToString())));
    }

    [Theory, BothProviders]
    public async Task Administrative_units_are_listed_by_level_and_parent_with_their_validity(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var api = await app.ApiClientAsync("yte");
        var districts = await JsonAsync(await api.GetAsync("/api/v1/admin-units?level=District&parent=24&pageSize=100"));
        var expected = await app.WithDbAsync(db => db.Set<AdminUnit>().CountAsync(u => u.Level == AdminLevel.District && u.ParentCode == "24"));
        Assert.Equal(expected, districts.GetProperty("total").GetInt32());
        Assert.All(districts.GetProperty("items").EnumerateArray(), d => Assert.Equal("24", d.GetProperty("parentCode").GetString()));
        var province = await JsonAsync(await api.GetAsync("/api/v1/admin-units/24"));
        Assert.Equal("Province", province.GetProperty("level").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync("/api/v1/admin-units", new { code = "99999" })).StatusCode);
    }
}
