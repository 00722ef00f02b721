using System.Net.Http.Json;
using System.Text.Json;
using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration.Home;

/// <summary>HR's home shows its enterprise's health as of the province's day: active cases, people in quarantine and
/// confirmed F1 contacts among its workers, unlinked (HR may not open the health lists), equal to what the health desk's
/// case list answers for the enterprise and to the records.</summary>
public sealed class HrHomeTests(DemoApps apps) : IClassFixture<DemoApps>
{
    private static readonly DateOnly Day = new(2021, 5, 25);   // the demo day

    [Theory, BothProviders]
    public async Task Hr_sees_its_workers_cases_quarantine_and_f1_without_links(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var home = await (await app.ApiClientAsync("doanhnghiep")).GetFromJsonAsync<JsonElement>("/api/v1/home");
        var (enterpriseId, active, inForce, f1) = await app.WithDbAsync(async db =>
        {
            var taxCode = await db.Users.Where(u => u.UserName == "doanhnghiep").Select(u => u.ScopeCode).SingleAsync();
            var id = await db.Set<Enterprise>().Where(e => e.TaxCode == taxCode).Select(e => e.Id).SingleAsync();
            var workers = db.Set<Worker>().Where(w => w.CurrentEnterpriseId == id).Select(w => w.Id);
            return (id,
                await db.Set<Case>().CountAsync(c => c.ConfirmedOn <= Day && (c.OutcomeOn == null || c.OutcomeOn > Day)
                    && c.Worker!.Employments.Any(e => e.EnterpriseId == id && e.From <= c.ConfirmedOn && (e.To == null || e.To > c.ConfirmedOn))),
                await db.Set<QuarantineOrder>().CountAsync(o => workers.Contains(o.WorkerId) && o.StartOn <= Day && (o.ReleasedOn == null || o.ReleasedOn > Day)),
                await db.Set<Contact>().CountAsync(x => workers.Contains(x.WorkerId) && x.Level == ContactLevel.F1 && x.State == ContactState.Confirmed
                    && db.Set<Case>().Any(c => c.Id == x.CaseId && c.ConfirmedOn <= Day)));
        });
        Assert.True(active > 0 && inForce > 0, "the demo wave began at this enterprise");
        var figures = home.GetProperty("figures");
        Assert.Equal(active, figures.GetProperty("hr.cases.active").GetProperty("value").GetInt64());
        Assert.Equal(inForce, figures.GetProperty("hr.quarantine.inForce").GetProperty("value").GetInt64());
        Assert.Equal(f1, figures.GetProperty("hr.contacts.f1").GetProperty("value").GetInt64());
        foreach (var key in new[] { "hr.cases.active", "hr.quarantine.inForce", "hr.contacts.f1" })
            Assert.Equal(JsonValueKind.Null, figures.GetProperty(key).GetProperty("page").ValueKind);

        // the province's health desk counts the same cases for the enterprise with its own list
        var health = await (await app.ApiClientAsync("admin")).GetFromJsonAsync<JsonElement>($"/api/v1/cases?date=2021-05-25&outcome=Active&enterpriseId={enterpriseId}");
        Assert.Equal(active, health.GetProperty("total").GetInt64());

        var page = await (await app.LoggedInClientAsync("doanhnghiep")).GetPageAsync("/");
        Assert.Contains("data-testid=\"home-enterprise-health\"", page);
        Assert.Contains($"<span class=\"figure-value\" data-testid=\"value-hr.cases.active\">{active:N0}</span>".Replace(",", "."), page.Replace(",", "."));
    }
}
