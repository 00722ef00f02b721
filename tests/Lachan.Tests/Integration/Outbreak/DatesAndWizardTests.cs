using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;

namespace Lachan.Tests.Integration.Outbreak;

/// <summary>A bad ?Date= on a dated page is an error on the page, and a 400 problem naming the field in the API, never
/// silently today; the zone wizard names a cluster's name as a zone's, and filters its houses with a script file.</summary>
public sealed partial class DatesAndWizardTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    private async Task<(LachanApp App, TestRegistry Registry, string Admin, int ZoneId)> WorldAsync(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var registry = await TestRegistry.AddAsync(app);
        var admin = (await app.NewUserAsync("dates", Role.Steering, TestRegistry.OwnProvince)).UserName!;
        var zone = await (await app.ApiClientAsync(admin)).PostAsJsonAsync("/api/v1/control-zones", new { kind = "industrialZone", industrialZoneCode = registry.ZoneOwn.Code });
        return (app, registry, admin, (await zone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
    }

    [Theory, BothProviders]
    public async Task A_bad_date_in_the_query_string_is_an_error_not_today(DatabaseProvider provider)
    {
        var (app, _, admin, zoneId) = await WorldAsync(provider);
        var pages = await app.LoggedInClientAsync(admin);
        foreach (var url in new[] { "/Outbreak", "/Outbreak/Zones", $"/Outbreak/Zones/{zoneId}", "/Outbreak/Affected" })
        {
            var bad = await pages.GetAsync(url + "?Date=abc");
            var html = await bad.PageAsync();
            Assert.True(bad.StatusCode == HttpStatusCode.OK, $"{url}: {(int)bad.StatusCode}");
            Assert.Contains("data-testid=\"error-Date\"", html);
            Assert.Contains("Ngày «abc» không hợp lệ", html);
            Assert.DoesNotContain("data-testid=\"error-Date\"", await pages.GetPageAsync(url + "?Date=2021-05-25"));
        }

        var api = await app.ApiClientAsync(admin);
        foreach (var url in new[] { "/api/v1/control-zones", $"/api/v1/control-zones/{zoneId}", "/api/v1/affected" })
        {
            var bad = await api.GetAsync(url + "?date=abc");
            var body = await bad.Content.ReadAsStringAsync();
            Assert.True(bad.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)bad.StatusCode} {body}");
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(body).RootElement;
            Assert.Equal("Date.Invalid", problem.GetProperty("codes").GetProperty("date").GetString());
            Assert.Contains("abc", problem.GetProperty("errors").GetProperty("date")[0].GetString());
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(url + "?date=2021-05-25")).StatusCode);
        }

        var health = (await app.NewUserAsync("dates-yte", Role.Health, TestRegistry.OwnProvince)).UserName!;
        var cases = await (await app.ApiClientAsync(health)).GetAsync("/api/v1/cases?from=2021-05-01&to=31-31-2021");
        Assert.Equal(HttpStatusCode.BadRequest, cases.StatusCode);
        Assert.Equal("Date.Invalid", JsonDocument.Parse(await cases.Content.ReadAsStringAsync()).RootElement.GetProperty("codes").GetProperty("to").GetString());

        // in English too
        using var english = app.NewClient();
        english.DefaultRequestHeaders.Authorization = api.DefaultRequestHeaders.Authorization;
        english.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");
        var englishBody = await (await english.GetAsync("/api/v1/affected?date=abc")).Content.ReadAsStringAsync();
        Assert.Contains("“abc” is not a date", englishBody);
    }

    [Theory, BothProviders]
    public async Task The_cluster_wizard_names_the_zone_and_filters_its_houses_with_a_script_file(DatabaseProvider provider)
    {
        var (app, registry, admin, _) = await WorldAsync(provider);
        var pages = await app.LoggedInClientAsync(admin);
        var html = await pages.GetPageAsync($"/Outbreak/Zones/New?kind=LodgingCluster&communeCode={registry.LodgingOwn.CommuneCode}");
        Assert.Contains(registry.LodgingOwn.Name, html);
        Assert.DoesNotContain("Tên khu công nghiệp", html);                 // the label of an IZ's name in the registry
        Assert.Contains("<label for=\"Form_Name\">Tên vùng", html);
        Assert.Contains("data-filter-list", html);
        Assert.Contains("data-filter-input", html);
        Assert.Contains("<script src=\"/js/list-filter.js\"", html);
        Assert.DoesNotMatch(InlineScript(), html);                            // a CSP without 'unsafe-inline' will forbid them
        var script = await pages.GetAsync("/js/list-filter.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("data-filter-item", await script.Content.ReadAsStringAsync());
    }
}
