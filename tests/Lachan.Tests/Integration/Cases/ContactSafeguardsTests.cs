using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Outbreak.Quarantine;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration.Cases;

/// <summary>Decisions that are almost always mistakes are not taken silently: an F0 under treatment is refused as a
/// contact (naming the case), and a release long after the planned end needs the officer's confirmation.</summary>
public sealed class ContactSafeguardsTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    private static async Task<int> RegisterAsync(HttpClient api, string cccd, string code)
    {
        var response = await api.PostAsJsonAsync("/api/v1/cases", new
        {
            cccd, code, confirmedOn = new DateOnly(2021, 5, 18), testKind = "RT-PCR", testDate = new DateOnly(2021, 5, 17),
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    [Theory, BothProviders]
    public async Task Confirm_WhenThePersonIsAnF0UnderTreatment_IsRefusedNamingTheCase(DatabaseProvider provider)
    {
        var w = await CasesWorld.CreateAsync(await apps.For(provider));
        var api = await w.App.ApiClientAsync(w.Health);
        var caseId = await RegisterAsync(api, w.Registry.WorkerOwn.Cccd, "BN" + w.Registry.Tag);
        var mateCase = "BM" + w.Registry.Tag;
        var mateCaseId = await RegisterAsync(api, w.WorkshopMate.Cccd, mateCase);

        var refused = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/contacts", new { workerId = w.WorkshopMate.Id, kind = "ProductionLine", lastContactOn = "2021-05-17" });
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Contact.UnderTreatment", JsonDocument.Parse(body).RootElement.GetProperty("codes").GetProperty("workerId").GetString());
        Assert.Contains(mateCase, body);
        Assert.False(await w.App.WithDbAsync(db => db.Set<Contact>().AnyAsync(c => c.CaseId == caseId)));
        Assert.False(await w.App.WithDbAsync(db => db.Set<QuarantineOrder>().AnyAsync(o => o.WorkerId == w.WorkshopMate.Id)));

        // the same on the page, typed in by CCCD: the message names the case
        var page = await w.App.LoggedInClientAsync(w.Health);
        var form = await page.PostFormAsync($"/Outbreak/Cases/{caseId}",
            new Dictionary<string, string> { ["Decision.Cccd"] = w.WorkshopMate.Cccd, ["Decision.Kind"] = "ProductionLine", ["Decision.LastContactOn"] = "17/05/2021" },
            $"/Outbreak/Cases/{caseId}?handler=Confirm");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var html = await form.PageAsync();
        Assert.Contains($"Người này đang là ca bệnh {mateCase} (F0) đang điều trị", html);

        // once the case is closed, the person can be linked
        await w.App.WithDbAsync(async db =>
        {
            var c = await db.Set<Case>().SingleAsync(x => x.Id == mateCaseId);
            c.SetOutcome(CaseOutcome.Recovered, new DateOnly(2021, 5, 30));
            await db.SaveChangesAsync();
        });
        var linked = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/contacts", new { workerId = w.WorkshopMate.Id, kind = "ProductionLine", lastContactOn = "2021-05-17" });
        Assert.True(linked.StatusCode == HttpStatusCode.Created, await linked.Content.ReadAsStringAsync());
    }

    [Theory, BothProviders]
    public async Task Release_LongAfterThePlannedEnd_NeedsTheOfficersConfirmation(DatabaseProvider provider)
    {
        var w = await CasesWorld.CreateAsync(await apps.For(provider));
        var api = await w.App.ApiClientAsync(w.Health);
        var caseId = await RegisterAsync(api, w.Registry.WorkerOwn.Cccd, "BR" + w.Registry.Tag);
        foreach (var mate in new[] { w.WorkshopMate, w.RoomMate })
        {
            var confirmed = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/contacts", new { workerId = mate.Id, kind = "ProductionLine", lastContactOn = "2021-05-17" });
            Assert.True(confirmed.StatusCode == HttpStatusCode.Created, await confirmed.Content.ReadAsStringAsync());
        }
        var orders = await w.App.WithDbAsync(db => db.Set<QuarantineOrder>().Where(o => o.WorkerId == w.WorkshopMate.Id || o.WorkerId == w.RoomMate.Id)
            .ToDictionaryAsync(o => o.WorkerId, o => (o.Id, o.PlannedEndOn)));
        var (order, plannedEnd) = orders[w.WorkshopMate.Id];
        var late = plannedEnd.AddDays(QuarantineRelease.LateAfterDays + 23);   // e.g. a mistyped month

        var warned = await api.PostAsJsonAsync($"/api/v1/quarantine/{order}/release", new { releasedOn = late, testDate = plannedEnd, result = "Âm tính" });
        var body = await warned.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, warned.StatusCode);
        Assert.Equal("Quarantine.ReleaseLate", JsonDocument.Parse(body).RootElement.GetProperty("codes").GetProperty("releasedOn").GetString());
        Assert.Contains($"{QuarantineRelease.LateAfterDays + 23}", body);
        Assert.Null(await w.App.WithDbAsync(db => db.Set<QuarantineOrder>().Where(o => o.Id == order).Select(o => o.ReleasedOn).SingleAsync()));
        var confirmedLate = await api.PostAsJsonAsync($"/api/v1/quarantine/{order}/release", new { releasedOn = late, testDate = plannedEnd, result = "Âm tính", confirmLate = true });
        Assert.Equal(HttpStatusCode.NoContent, confirmedLate.StatusCode);
        Assert.Equal(late, await w.App.WithDbAsync(db => db.Set<QuarantineOrder>().Where(o => o.Id == order).Select(o => o.ReleasedOn).SingleAsync()));

        // on the page: the warning with a confirmation box, then the release once ticked
        var (roomOrder, roomEnd) = orders[w.RoomMate.Id];
        var page = await w.App.LoggedInClientAsync(w.Health);
        var fields = new Dictionary<string, string>
        {
            ["Form.ReleasedOn"] = late.ToString("dd/MM/yyyy"), ["Form.TestDate"] = roomEnd.ToString("dd/MM/yyyy"), ["Form.Result"] = "Âm tính",
        };
        var url = $"/Outbreak/Cases/Release/{roomOrder}";
        var first = await page.PostFormAsync(url, fields);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var html = await first.PageAsync();
        Assert.Contains($"muộn {QuarantineRelease.LateAfterDays + 23} ngày", html);
        Assert.Contains("data-testid=\"confirm-late\"", html);
        fields["Form.ConfirmLate"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await page.PostFormAsync(url, fields)).StatusCode);
    }
}
