using System.Net;
using System.Net.Http.Json;
using Lachan.Features.Outbreak.Cases;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;

namespace Lachan.Tests.Integration.Outbreak;

/// <summary>The outbreak picture: numbers from the records, each a link to them; health numbers for health roles only.</summary>
public sealed class OutbreakPictureTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    [Theory, BothProviders]
    public async Task The_picture_counts_zones_stopped_enterprises_and_cases_per_day_by_zone(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var registry = await TestRegistry.AddAsync(app);
        var admin = (await app.NewUserAsync("pic", Role.Steering, TestRegistry.OwnProvince)).UserName!;
        var api = await app.ApiClientAsync(admin);
        var zone = await api.PostAsJsonAsync("/api/v1/control-zones", new { kind = "industrialZone", industrialZoneCode = registry.ZoneOwn.Code });
        var zoneId = (await zone.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/control-zones/{zoneId}/orders", new
        {
            level = "lockdown", decisionNumber = "P1", decisionDate = "2031-03-01", issuedBy = "BCĐ", effectiveFrom = "2031-03-02",
        })).StatusCode);
        await app.WithDbAsync(async db =>
        {
            db.Add(new Case { WorkerId = registry.WorkerOwn.Id, Code = "BN-P" + registry.Tag, ConfirmedOn = new(2031, 3, 3), TestKind = "RT-PCR", TestDate = new(2031, 3, 2) });
            await db.SaveChangesAsync();
        });

        var pages = await app.LoggedInClientAsync(admin);
        var page = await pages.GetPageAsync("/Outbreak?Date=2031-03-05");
        Assert.Contains("data-testid=\"zones-Lockdown\">1<", page);
        Assert.Contains("data-testid=\"picture-stopped\">1<", page);
        Assert.Contains("data-testid=\"picture-active\">1<", page);
        Assert.Contains(registry.ZoneOwn.Name, page);                            // a column of the cases-per-day table
        Assert.Contains("/Outbreak/Cases?From=03/03/2031&To=03/03/2031\" data-testid=\"day-total\">1<", page);   // drills down to the cases
        var before = await pages.GetPageAsync("/Outbreak?Date=2031-03-01");
        Assert.Contains("data-testid=\"zones-Lockdown\">0<", before);

        // enterprise HR sees the zones and stopped enterprises, never the health numbers
        var hr = $"pic-hr-{registry.Tag}";
        await app.EnsureUserAsync(hr, Role.EnterpriseHr, registry.EnterpriseOwn.TaxCode);
        var hrPage = await (await app.LoggedInClientAsync(hr)).GetPageAsync("/Outbreak?Date=2031-03-05");
        Assert.Contains("data-testid=\"picture-stopped\">1<", hrPage);
        Assert.DoesNotContain("cases-per-day", hrPage);
        Assert.DoesNotContain("picture-active", hrPage);
    }
}
