using Lachan.Features.Registry.Contracts;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Lachan.Features.Outbreak.Cases;
using Lachan.Infrastructure;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lachan.Tests.Integration.Outbreak;

/// <summary>Views "on date D" use the employment and residence held on D (a case: on its confirmation date), for every
/// role and its jurisdiction filter: what happens today (a worker leaves, moves, is hired elsewhere) leaves 2021 alone.</summary>
public sealed partial class AsOfDateTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    private static readonly DateOnly Day = new(2021, 5, 25);

    [GeneratedRegex(@"value=""[^""]*""")]
    private static partial Regex InputValues();

    [Theory, BothProviders]
    public async Task Views_of_a_past_day_are_the_same_after_the_worker_changes_employer_and_lodging_today(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var r = await TestRegistry.AddAsync(app);
        var admin = (await app.NewUserAsync("asof", Role.Steering, TestRegistry.OwnProvince)).UserName!;
        var steering = await app.ApiClientAsync(admin);
        // the own zone locked down from 20/05/2021: the own enterprise is stopped on D, its worker (WorkerOwn) affected
        var zone = await steering.PostAsJsonAsync("/api/v1/control-zones", new { kind = "industrialZone", industrialZoneCode = r.ZoneOwn.Code });
        var zoneId = (await zone.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();
        var order = await steering.PostAsJsonAsync($"/api/v1/control-zones/{zoneId}/orders", new
        {
            level = "lockdown", decisionNumber = "AS-" + r.Tag, decisionDate = "2021-05-19", issuedBy = "BCĐ", effectiveFrom = "2021-05-20",
        });
        Assert.True(order.IsSuccessStatusCode, await order.Content.ReadAsStringAsync());
        var caseId = await app.WithDbAsync(async db =>
        {
            var c = new Case { WorkerId = r.WorkerOwn.Id, Code = "BN-AS" + r.Tag, ConfirmedOn = new(2021, 5, 22), TestKind = "RT-PCR", TestDate = new(2021, 5, 21) };
            db.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        var health = $"asof-yte-{r.Tag}";
        await app.EnsureUserAsync(health, Role.Health, TestRegistry.OwnProvince);
        var board = $"asof-kcn-{r.Tag}";
        await app.EnsureUserAsync(board, Role.IzBoard, r.ZoneOwn.Code);
        var commune = $"asof-xa-{r.Tag}";
        await app.EnsureUserAsync(commune, Role.Commune, r.LodgingOwn.CommuneCode);
        var hr = $"asof-hr-{r.Tag}";
        await app.EnsureUserAsync(hr, Role.EnterpriseHr, r.EnterpriseOwn.TaxCode);

        var d = Day.ToString("yyyy-MM-dd");
        var apiViews = new (string User, string Url)[]
        {
            (board, $"/api/v1/affected?date={d}"), (commune, $"/api/v1/affected?date={d}"), (hr, $"/api/v1/affected?date={d}"),
            (admin, $"/api/v1/affected?date={d}&zone={zoneId}"),
            (health, "/api/v1/cases?from=2021-05-01&to=2021-05-31"), (health, $"/api/v1/cases?enterpriseId={r.EnterpriseOwn.Id}"),
            (health, $"/api/v1/cases/{caseId}"), (health, $"/api/v1/quarantine/due?date={d}"),
        };
        var pageViews = new (string User, string Url)[]
        {
            (admin, $"/Outbreak?Date={d}"), (health, $"/Outbreak?Date={d}"), (board, $"/Outbreak/Affected?Date={d}"),
            (health, $"/Outbreak/Cases?EnterpriseId={r.EnterpriseOwn.Id}"), (health, $"/Outbreak/Cases/{caseId}"),
        };

        async Task<List<string>> ViewsAsync()
        {
            var seen = new List<string>();
            foreach (var (user, url) in apiViews)
            {
                var response = await (await app.ApiClientAsync(user)).GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.IsSuccessStatusCode, $"{user} {url}: {(int)response.StatusCode} {body}");
                seen.Add($"{user} {url}\n{body}");
            }
            foreach (var (user, url) in pageViews)   // the antiforgery tokens differ by request; nothing else may
                seen.Add($"{user} {url}\n{InputValues().Replace(await (await app.LoggedInClientAsync(user)).GetPageAsync(url), "")}");
            return seen;
        }

        var before = await ViewsAsync();
        // the views say what they should on D: the worker affected for the zone, the commune and the enterprise; the case
        // at the own enterprise, in the own zone's column of the picture
        Assert.Contains("\"total\":1", before[0]);
        Assert.Contains("\"total\":1", before[1]);
        Assert.Contains("\"total\":1", before[2]);
        Assert.Contains(r.EnterpriseOwn.Name, before[4]);
        Assert.Contains("\"total\":1", before[5]);
        Assert.Contains(r.LodgingOwn.Name, before[6]);
        Assert.Contains(r.ZoneOwn.Name, before[apiViews.Length + 1]);

        // today the worker changes employer (a transfer to the other enterprise) and lodging
        var today = app.Services.GetRequiredService<TimeProvider>().ProvinceToday();
        await app.WithDbAsync(async db =>
        {
            var w = await db.Set<Worker>().Include(x => x.Employments).Include(x => x.Residences).SingleAsync(x => x.Id == r.WorkerOwn.Id);
            w.Hire(r.EnterpriseOther.Id, today, Lachan.Features.Registry.Contracts.ContractType.Definite);
            w.MoveLodging(r.LodgingOther.Id, today);
            await db.SaveChangesAsync();
        });

        var after = await ViewsAsync();
        for (var i = 0; i < before.Count; i++)
            Assert.Equal(before[i], after[i]);
    }
}
