using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Outbreak.Zones;
using Lachan.Features.Support.Lists;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Lachan.Tests.Integration.Support.Lists.ListWorld;

namespace Lachan.Tests.Integration.Support.Lists;

/// <summary>Candidates from events: a lockdown that stops the enterprise ≥ 14 days and a worker's quarantine draft the
/// stoppage and meals lists for HR; drafting again makes nothing twice.</summary>
public sealed class ListCandidateTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    [Theory, BothProviders]
    public async Task A_lockdown_and_a_quarantine_draft_the_stoppage_and_meals_lists_once(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await CreateAsync(app);
        var r = w.Registry;
        await app.WithDbAsync(async db =>
        {
            // the own IZ locked down 18/05/2021 (stopped 18–31/05: 14 days in May), the worker quarantined from 25/05
            db.Add(new ControlZone
            {
                Name = "KCN phong tỏa " + r.Tag, Kind = ControlZoneKind.IndustrialZone, IndustrialZoneId = r.ZoneOwn.Id, ProvinceCode = TestRegistry.OwnProvince,
                Orders = [new ZoneOrder { Level = ZoneLevel.Lockdown, DecisionNumber = "PT " + r.Tag, DecisionDate = new(2021, 5, 17), IssuedBy = "BCĐ", EffectiveFrom = new(2021, 5, 18), LiftedOn = new(2021, 6, 2) }],
            });
            db.Add(new QuarantineOrder { WorkerId = r.WorkerOwn.Id, QuarantineRuleId = 1, PlaceKind = QuarantinePlace.Facility, StartOn = new(2021, 5, 25), PlannedEndOn = new(2021, 6, 7), ReleasedOn = new(2021, 6, 5) });
            await db.SaveChangesAsync();
        });

        var response = await Expect(HttpStatusCode.OK, w.Hr.PostAsJsonAsync("/api/v1/support/lists/candidates", new { month = "05/2021" }));
        var drafted = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .Select(d => (d.GetProperty("policyCode").GetString(), d.GetProperty("rows").GetInt32())).OrderBy(d => d.Item1).ToList();
        Assert.Equal([("NQ68-MEALS", 1), ("NQ68-STOPPAGE", 1)], drafted);
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<SupportList>().CountAsync(l => l.EnterpriseId == r.EnterpriseOwn.Id && l.Origin == ListOrigin.Candidates && l.State == ListState.Draft)));

        var again = await Expect(HttpStatusCode.OK, w.Hr.PostAsJsonAsync("/api/v1/support/lists/candidates", new { month = "05/2021" }));
        Assert.Equal(0, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());
        // a desk that does not draft lists is refused
        await Expect(HttpStatusCode.Forbidden, w.Insurance.PostAsJsonAsync("/api/v1/support/lists/candidates", new { month = "05/2021" }));
    }
}
