using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lachan.Tests.Integration.Home;

/// <summary>The home's numbers are kept between visits (a province's trends take a second or more at full size) but never
/// outlive a change: a case registered after a visit is in the next one.</summary>
public sealed class HomeKeptTests
{
    [Theory, BothProviders]
    public async Task The_home_is_kept_between_visits_and_a_new_case_is_in_the_next_one(DatabaseProvider provider)
    {
        await using var app = await LachanApp.StartAsync(provider, Seed.DemoProvince);
        var api = await app.ApiClientAsync("admin");
        static long Figure(JsonElement home, string name) => home.GetProperty("figures").GetProperty(name).GetProperty("value").GetInt64();

        // kept, not counted again, between two visits with no write between them (the app's jobs may write: escalations)
        var changes = app.Services.GetRequiredService<DataChanges>();
        JsonElement first = default;
        var compared = 0;
        for (var attempt = 0; attempt < 5 && compared == 0; attempt++)
        {
            var version = changes.Version;
            first = await api.GetFromJsonAsync<JsonElement>("/api/v1/home");
            var again = await api.GetFromJsonAsync<JsonElement>("/api/v1/home");
            if (changes.Version != version) continue;
            Assert.Equal(first.GetProperty("countedAt").GetString(), again.GetProperty("countedAt").GetString());
            compared++;
        }
        Assert.Equal(1, compared);

        var cccd = await app.WithDbAsync(db => db.Set<Worker>().Where(w => !db.Set<Case>().Any(c => c.WorkerId == w.Id)).Select(w => w.Cccd).FirstAsync());
        var registered = await api.PostAsJsonAsync("/api/v1/cases", new
        {
            cccd, code = "BN-KEPT-1", confirmedOn = new DateOnly(2021, 5, 25), testKind = "RT-PCR", testDate = new DateOnly(2021, 5, 24), testPlace = "CDC Bắc Giang",
        });
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());

        var after = await api.GetFromJsonAsync<JsonElement>("/api/v1/home");
        Assert.Equal(Figure(first, "cases.new") + 1, Figure(after, "cases.new"));
        Assert.Equal(Figure(first, "cases.active") + 1, Figure(after, "cases.active"));
        var page = await (await app.LoggedInClientAsync("admin")).GetPageAsync("/");
        Assert.Contains("data-testid=\"home-counted-at\"", page);
    }
}
