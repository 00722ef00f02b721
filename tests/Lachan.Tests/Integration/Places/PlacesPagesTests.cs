using System.Net;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration.Places;

/// <summary>The pages of zones, enterprises, lodging houses and administrative units, on the small demo province.</summary>
public sealed class PlacesPagesTests(DemoApps apps) : IClassFixture<DemoApps>
{
    [Theory, BothProviders]
    public async Task Every_list_detail_and_form_page_renders_for_the_steering_committee(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var client = await app.LoggedInClientAsync("admin");
        var (zone, enterprise, house, commune) = await app.WithDbAsync(async db => (
            await db.Set<IndustrialZone>().Select(z => z.Id).FirstAsync(), await db.Set<Enterprise>().Select(e => e.Id).FirstAsync(),
            await db.Set<LodgingHouse>().Select(l => l.Id).FirstAsync(), await db.Set<AdminUnit>().Where(u => u.Level == AdminLevel.Commune).Select(u => u.Code).FirstAsync()));
        foreach (var url in new[]
        {
            "/Registry/Zones", "/Registry/Zones?Sort=-workers", $"/Registry/Zones/{zone}", "/Registry/Zones/Edit", $"/Registry/Zones/Edit/{zone}",
            "/Registry/Enterprises", "/Registry/Enterprises?Sort=-workers&Status=Operating", $"/Registry/Enterprises/{enterprise}",
            "/Registry/Enterprises/Edit", $"/Registry/Enterprises/Edit/{enterprise}",
            "/Registry/Lodging", "/Registry/Lodging?Q=nha+tro&Sort=-residents", $"/Registry/Lodging/{house}", "/Registry/Lodging/Edit", $"/Registry/Lodging/Edit/{house}",
            "/Registry/AdminUnits", "/Registry/AdminUnits?Level=Commune&Sort=name", "/Registry/AdminUnits/Edit", $"/Registry/AdminUnits/Edit/{commune}",
        })
            Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.OK, url);
    }

    [Theory, BothProviders]
    public async Task The_enterprise_list_is_searched_without_diacritics_and_exported_in_both_formats(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var client = await app.LoggedInClientAsync("admin");
        var sample = await app.WithDbAsync(db => db.Set<Enterprise>().OrderBy(e => e.Id).Select(e => new { e.Name, e.NameSearch }).FirstAsync());
        var page = await client.GetPageAsync("/Registry/Enterprises?Q=" + Uri.EscapeDataString(sample.NameSearch));
        Assert.Contains(sample.Name, page);

        var csv = await client.GetAsync("/Registry/Enterprises?handler=Export&format=csv&Q=" + Uri.EscapeDataString(sample.NameSearch));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Mã số thuế,Tên doanh nghiệp,Khu công nghiệp", lines[0]);
        Assert.Contains(lines, l => l.Contains(sample.Name, StringComparison.Ordinal));
        var xlsx = await client.GetAsync("/Registry/Enterprises?handler=Export&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal((byte)'P', (await xlsx.Content.ReadAsByteArrayAsync())[0]); // a zip container
    }

    [Theory, BothProviders]
    public async Task The_status_form_reports_bad_fields_in_Vietnamese_and_records_a_good_change(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var client = await app.LoggedInClientAsync("admin");
        var id = await app.WithDbAsync(db => db.Set<Enterprise>().Where(e => e.Status == EnterpriseStatus.Operating).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());
        var url = $"/Registry/Enterprises/{id}";

        var bad = await client.PostFormAsync(url, new Dictionary<string, string>
            { ["StatusForm.Status"] = "Operating", ["StatusForm.From"] = "31/02/2021", ["StatusForm.Reason"] = "" }, url + "?handler=Status");
        var html = await bad.PageAsync();
        Assert.Contains("Ngày phải theo dạng dd/mm/yyyy.", html);
        Assert.Contains("data-testid=\"error-Reason\"", html);

        var good = await client.PostFormAsync(url, new Dictionary<string, string>
            { ["StatusForm.Status"] = "Closed", ["StatusForm.From"] = "20/05/2021", ["StatusForm.Reason"] = "Giải thể" }, url + "?handler=Status");
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var detail = await client.GetPageAsync(url);
        Assert.Contains("20/05/2021", detail);   // on or before the demo day (25/05/2021): a later one is in the future
        Assert.Contains("Giải thể", detail);
    }

    [Theory, BothProviders]
    public async Task Out_of_jurisdiction_records_are_not_found_and_areas_without_rights_are_refused(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var hr = await app.LoggedInClientAsync("doanhnghiep");
        var scope = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "doanhnghiep").Select(u => u.ScopeCode).FirstAsync());
        var other = await app.WithDbAsync(db => db.Set<Enterprise>().Where(e => e.TaxCode != scope).Select(e => e.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync($"/Registry/Enterprises/{other}")).StatusCode);
        var lodging = await hr.GetAsync("/Registry/Lodging");
        Assert.Equal(HttpStatusCode.Redirect, lodging.StatusCode);
        Assert.StartsWith("/Account/Denied", lodging.Headers.Location!.AbsolutePath);

        var commune = await app.LoggedInClientAsync("xa");
        var own = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "xa").Select(u => u.ScopeCode).FirstAsync());
        var elsewhere = await app.WithDbAsync(db => db.Set<LodgingHouse>().Where(l => l.CommuneCode != own).Select(l => l.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await commune.GetAsync($"/Registry/Lodging/{elsewhere}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await commune.GetAsync("/Registry/Zones/Edit")).StatusCode);
        // the commune's form offers its own commune only
        var form = await commune.GetPageAsync("/Registry/Lodging/Edit");
        Assert.Contains($"value=\"{own}\"", form);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(form, "<option value=\"\\d+\""));
    }

    [Theory, BothProviders]
    public async Task The_lodging_form_refuses_bad_numbers_and_keeps_the_other_errors(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var client = await app.LoggedInClientAsync("admin");
        var response = await client.PostFormAsync("/Registry/Lodging/Edit", new Dictionary<string, string>
        {
            ["Form.Name"] = "", ["Form.Address"] = "Thôn A", ["Form.CommuneCode"] = "", ["Form.Rooms"] = "mười",
            ["Form.Capacity"] = "5", ["Form.LandlordName"] = "", ["Form.LandlordCccd"] = "123",
        });
        var html = await response.PageAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var field in new[] { "Name", "CommuneCode", "Rooms", "LandlordName", "LandlordCccd" })
            Assert.Contains($"data-testid=\"error-{field}\"", html);
        Assert.Contains("Vui lòng nhập một số.", html);
    }
}
