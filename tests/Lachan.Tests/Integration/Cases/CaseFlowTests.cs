using Lachan.Features.Registry.Contracts;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Outbreak.Contacts;
using Lachan.Features.Outbreak.Quarantine;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration.Cases;

/// <summary>Through HTTP on both providers: register a case → suggestions → confirm / dismiss → quarantine order on the
/// due list → release with a negative result; who sees what on the worker profile; the audit of case views.</summary>
public sealed class CaseFlowTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static async Task<int> RegisterAsync(HttpClient api, string cccd, string code)
    {
        var response = await api.PostAsJsonAsync("/api/v1/cases", new
        {
            cccd, code, confirmedOn = new DateOnly(2021, 5, 18), testKind = "RT-PCR", testDate = new DateOnly(2021, 5, 17), testPlace = "CDC Bắc Giang",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static async Task<Suggestions> SuggestionsAsync(HttpClient api, int caseId, int? source = null) =>
        (await api.GetFromJsonAsync<Suggestions>($"/api/v1/cases/{caseId}/suggestions" + (source is int s ? $"?sourceContactId={s}" : ""), Json))!;

    private static async Task<DueListData> DueAsync(HttpClient api, string date) =>
        (await api.GetFromJsonAsync<DueListData>($"/api/v1/quarantine/due?date={date}", Json))!;

    [Theory, BothProviders]
    public async Task Case_Suggestions_Confirm_DueList_Release(DatabaseProvider provider)
    {
        var w = await CasesWorld.CreateAsync(await apps.For(provider));
        var api = await w.App.ApiClientAsync(w.Health);
        var caseId = await RegisterAsync(api, w.Registry.WorkerOwn.Cccd, "BN" + w.Registry.Tag);

        // ranked: roommate (same room), workshop mate, enterprise mate; the leaver and the case itself are not there
        var first = await SuggestionsAsync(api, caseId);
        Assert.Equal([w.RoomMate.Id, w.WorkshopMate.Id, w.EnterpriseMate.Id], first.Items.Select(i => i.WorkerId));
        Assert.Equal(3, first.Total);

        var dismissed = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/contacts/dismiss", new { workerId = w.EnterpriseMate.Id });
        Assert.Equal(HttpStatusCode.Created, dismissed.StatusCode);
        var confirmed = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/contacts",
            new { workerId = w.WorkshopMate.Id, kind = "ProductionLine", lastContactOn = new DateOnly(2021, 5, 17) });
        Assert.True(confirmed.StatusCode == HttpStatusCode.Created, await confirmed.Content.ReadAsStringAsync());
        var f1 = (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal([w.RoomMate.Id], (await SuggestionsAsync(api, caseId)).Items.Select(i => i.WorkerId)); // neither comes back

        // confirming the same person twice is refused on the field
        var again = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/contacts", new { workerId = w.WorkshopMate.Id, kind = "ProductionLine" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("Contact.AlreadyLinked", await again.Content.ReadAsStringAsync());

        // F2 from the F1: the F1's roommate; the case and the F1 are excluded
        var f2 = await SuggestionsAsync(api, caseId, f1);
        Assert.Contains(w.MatesRoommate.Id, f2.Items.Select(i => i.WorkerId));
        Assert.DoesNotContain(w.Registry.WorkerOwn.Id, f2.Items.Select(i => i.WorkerId));
        var f2Confirmed = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/contacts",
            new { workerId = w.MatesRoommate.Id, sourceContactId = f1, kind = "LodgingRoom", lastContactOn = new DateOnly(2021, 5, 18) });
        Assert.Equal(HttpStatusCode.Created, f2Confirmed.StatusCode);

        // the F1's order: 14 days from the last contact (17/05 → 31/05), tests on days 1, 7, 14
        var order = await w.App.WithDbAsync(db => db.Set<QuarantineOrder>().SingleAsync(o => o.WorkerId == w.WorkshopMate.Id));
        Assert.Equal((new DateOnly(2021, 5, 17), new DateOnly(2021, 5, 31), QuarantinePlace.Facility), (order.StartOn, order.PlannedEndOn, order.PlaceKind));
        var f2Order = await w.App.WithDbAsync(db => db.Set<QuarantineOrder>().SingleAsync(o => o.WorkerId == w.MatesRoommate.Id));
        Assert.Equal((new DateOnly(2021, 5, 25), QuarantinePlace.Home), (f2Order.PlannedEndOn, f2Order.PlaceKind));

        Assert.Contains(order.Id, (await DueAsync(api, "2021-05-17")).Tests.Items.Select(r => r.OrderId));
        Assert.Contains(order.Id, (await DueAsync(api, "2021-05-30")).Tests.Items.Select(r => r.OrderId));
        // each section is paged on its own: one row per page, every row found on exactly one page, the total unchanged
        var firstDay = await DueAsync(api, "2021-05-17");
        var paged = await Task.WhenAll(Enumerable.Range(1, firstDay.Tests.Total + 1).Select(p => DueAsync(api, $"2021-05-17&testsPage={p}&pageSize=1")));
        Assert.Empty(paged[^1].Tests.Items);   // past the last page
        paged = paged[..^1];
        Assert.All(paged, p => Assert.Equal((1, firstDay.Tests.Total), (p.Tests.Items.Count, p.Tests.Total)));
        Assert.Equal(firstDay.Tests.Items.Select(r => r.OrderId), paged.Select(p => p.Tests.Items[0].OrderId));
        var dayFour = await DueAsync(api, "2021-05-20");   // not a test day: on no list
        Assert.DoesNotContain(order.Id, dayFour.Tests.Items.Concat(dayFour.Releases.Items).Concat(dayFour.Overdue.Items).Select(r => r.OrderId));
        Assert.Contains(order.Id, (await DueAsync(api, "2021-05-31")).Releases.Items.Select(r => r.OrderId));
        Assert.Contains(order.Id, (await DueAsync(api, "2021-06-02")).Overdue.Items.Select(r => r.OrderId));
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/quarantine/due?date=02/06/2021")).StatusCode);

        // HR of the enterprise sees only "in quarantine until", never the diagnosis or the contact level
        var hr = await w.App.LoggedInClientAsync(w.Hr);
        var hrView = await hr.GetPageAsync($"/Registry/Workers/{w.WorkshopMate.Id}");
        Assert.Contains("Đang cách ly đến ngày 31/05/2021", hrView);
        Assert.DoesNotContain("F1 ·", hrView); // (a bare "F1" can occur in a random tag or token)
        Assert.DoesNotContain("Cùng dây chuyền", hrView);
        Assert.DoesNotContain("BN" + w.Registry.Tag, hrView);
        Assert.DoesNotContain("worker-health", hrView);
        var hrCase = await hr.GetPageAsync($"/Registry/Workers/{w.Registry.WorkerOwn.Id}");
        Assert.DoesNotContain("BN" + w.Registry.Tag, hrCase);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await w.App.ApiClientAsync(w.Hr)).GetAsync($"/api/v1/cases/{caseId}")).StatusCode);
        // the health officer sees the whole picture on the same profile
        var officer = await w.App.LoggedInClientAsync(w.Health);
        var healthView = await officer.GetPageAsync($"/Registry/Workers/{w.WorkshopMate.Id}");
        Assert.Contains("F1 ·", healthView);
        Assert.Contains("Cùng dây chuyền", healthView);
        Assert.Contains("BN" + w.Registry.Tag, healthView);

        // release needs the negative result, taken during the quarantine, on or after the planned end
        var early = await api.PostAsJsonAsync($"/api/v1/quarantine/{order.Id}/release", new { releasedOn = new DateOnly(2021, 5, 30), testDate = new DateOnly(2021, 5, 30), result = "Âm tính" });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("Quarantine.BeforePlannedEnd", await early.Content.ReadAsStringAsync());
        var release = await api.PostAsJsonAsync($"/api/v1/quarantine/{order.Id}/release", new { releasedOn = new DateOnly(2021, 5, 31), testDate = new DateOnly(2021, 5, 30), result = "Âm tính RT-PCR" });
        Assert.Equal(HttpStatusCode.NoContent, release.StatusCode);
        Assert.DoesNotContain(order.Id, (await DueAsync(api, "2021-06-02")).Overdue.Items.Select(r => r.OrderId));
        Assert.DoesNotContain("Đang cách ly", await hr.GetPageAsync($"/Registry/Workers/{w.WorkshopMate.Id}"));

        // the contact list shows both, the F1 released
        var contactList = await officer.GetPageAsync("/Outbreak/Cases/Contacts");
        Assert.Contains(w.WorkshopMate.FullName, contactList);
        Assert.Contains(w.MatesRoommate.FullName, contactList);
        Assert.Contains("kết thúc 31/05/2021", contactList);

        // the tree shows F1 and F2
        var detail = await officer.GetPageAsync($"/Outbreak/Cases/{caseId}");
        Assert.Contains(w.WorkshopMate.FullName, detail);
        Assert.Contains(w.MatesRoommate.FullName, detail);
        Assert.Contains("data-testid=\"f2\"", detail);
    }

    [Theory, BothProviders]
    public async Task The_case_forms_CCCD_lookup_names_the_registered_worker_audits_the_view_and_knows_no_one_elsewhere(DatabaseProvider provider)
    {
        var w = await CasesWorld.CreateAsync(await apps.For(provider));
        var page = await w.App.LoggedInClientAsync(w.Health);
        Task<HttpResponseMessage> LookUp(string cccd) => page.PostFormAsync("/Outbreak/Cases/New", new Dictionary<string, string> { ["cccd"] = cccd }, "/Outbreak/Cases/New?handler=Person");
        int Views(LachanDb db) => db.AuditEvents.Count(a => a.Action == "view" && a.EntityType == "Worker" && a.EntityId == w.Registry.WorkerOwn.Id.ToString() && a.UserName == w.Health);
        var before = await w.App.WithDbAsync(db => Task.FromResult(Views(db)));

        var found = await LookUp(" " + w.Registry.WorkerOwn.Cccd + " ");
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var person = await found.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(w.Registry.WorkerOwn.FullName, person.GetProperty("fullName").GetString());
        Assert.Equal(w.Registry.WorkerOwn.DateOfBirth.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), person.GetProperty("dateOfBirth").GetString());
        Assert.Equal(before + 1, await w.App.WithDbAsync(db => Task.FromResult(Views(db))));

        // another province's worker and an unknown number answer alike, with nothing in them
        foreach (var other in new[] { w.Registry.WorkerOther.Cccd, TestRegistry.NewCccd("024", Sex.Male, 1990), "" })
        {
            var answer = await LookUp(other);
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            Assert.DoesNotContain(TestRegistry.OtherWorkerName, await answer.Content.ReadAsStringAsync());
        }
    }

    [Theory, BothProviders]
    public async Task Viewing_a_case_is_audited_in_the_name_of_the_viewer(DatabaseProvider provider)
    {
        var w = await CasesWorld.CreateAsync(await apps.For(provider));
        var api = await w.App.ApiClientAsync(w.Health);
        var caseId = await RegisterAsync(api, w.Registry.WorkerOwn.Cccd, "BV" + w.Registry.Tag);
        int Views(LachanDb db) => db.AuditEvents.Count(a => a.Action == "view" && a.EntityType == "Case" && a.EntityId == caseId.ToString() && a.UserName == w.Health);
        var before = await w.App.WithDbAsync(db => Task.FromResult(Views(db)));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);
        Assert.Equal(before + 1, await w.App.WithDbAsync(db => Task.FromResult(Views(db))));
        var page = await w.App.LoggedInClientAsync(w.Health);
        Assert.Contains("BV" + w.Registry.Tag, await page.GetPageAsync($"/Outbreak/Cases/{caseId}"));
        Assert.Equal(before + 2, await w.App.WithDbAsync(db => Task.FromResult(Views(db))));
        Assert.True(await w.App.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "create" && a.EntityType == "Case" && a.EntityId == caseId.ToString())));
    }

    [Theory, BothProviders]
    public async Task Registering_a_person_not_in_the_registry_creates_the_worker_under_the_CCCD_rules(DatabaseProvider provider)
    {
        var w = await CasesWorld.CreateAsync(await apps.For(provider));
        var page = await w.App.LoggedInClientAsync(w.Health);
        var cccd = TestRegistry.NewCccd("024", Lachan.Features.Registry.Contracts.Sex.Female, 1998);
        var fields = new Dictionary<string, string>
        {
            ["Form.Cccd"] = cccd, ["Form.Code"] = "BM" + w.Registry.Tag, ["Form.ConfirmedOn"] = "18/05/2021", ["Form.TestKind"] = "RT-PCR", ["Form.TestDate"] = "32/05/2021",
        };
        // a wrong date is reported on its field; an unknown person without identity on the name
        Assert.Contains("data-testid=\"error-TestDate\"", await (await page.PostFormAsync("/Outbreak/Cases/New", fields)).PageAsync());
        fields["Form.TestDate"] = "17/05/2021";
        var unknown = await (await page.PostFormAsync("/Outbreak/Cases/New", fields)).PageAsync();
        Assert.Contains("data-testid=\"error-FullName\"", unknown);
        Assert.Contains("data-testid=\"error-Sex\"", unknown);
        // a birth year that contradicts the CCCD is refused by the registry's rule
        fields["Form.FullName"] = "nguyễn thị mới";
        fields["Form.Sex"] = "Female";
        fields["Form.DateOfBirth"] = "01/01/1990";
        Assert.Contains("data-testid=\"error-Cccd\"", await (await page.PostFormAsync("/Outbreak/Cases/New", fields)).PageAsync());
        fields["Form.DateOfBirth"] = "01/01/1998";
        var saved = await page.PostFormAsync("/Outbreak/Cases/New", fields);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.PageAsync());
        var worker = await w.App.WithDbAsync(db => db.Set<Worker>().SingleAsync(x => x.Cccd == cccd));
        Assert.Equal(("Nguyễn Thị Mới", TestRegistry.OwnProvince), (worker.FullName, worker.ProvinceCode));
        Assert.True(await w.App.WithDbAsync(db => db.Set<Case>().AnyAsync(c => c.WorkerId == worker.Id)));
    }

    [Theory, BothProviders]
    public async Task Suggestions_are_confirmed_and_dismissed_from_the_case_page(DatabaseProvider provider)
    {
        var w = await CasesWorld.CreateAsync(await apps.For(provider));
        var caseId = await RegisterAsync(await w.App.ApiClientAsync(w.Health), w.Registry.WorkerOwn.Cccd, "BP" + w.Registry.Tag);
        var page = await w.App.LoggedInClientAsync(w.Health);
        var html = await page.GetPageAsync($"/Outbreak/Cases/{caseId}");
        Assert.Contains($"data-testid=\"confirm-{w.RoomMate.Id}\"", html);
        var fields = new Dictionary<string, string> { ["Decision.LastContactOn"] = "17/05/2021", ["Decision.Pick"] = $"{w.RoomMate.Id}:LodgingRoom" };
        var confirmed = await page.PostFormAsync($"/Outbreak/Cases/{caseId}", fields, $"/Outbreak/Cases/{caseId}?handler=Confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        fields["Decision.Pick"] = $"{w.EnterpriseMate.Id}:ProductionLine";
        var dismissed = await page.PostFormAsync($"/Outbreak/Cases/{caseId}", fields, $"/Outbreak/Cases/{caseId}?handler=Dismiss");
        Assert.Equal(HttpStatusCode.Redirect, dismissed.StatusCode);
        var contacts = await w.App.WithDbAsync(db => db.Set<Contact>().Where(c => c.CaseId == caseId).OrderBy(c => c.Id).Select(c => new { c.WorkerId, c.Kind, c.State }).ToListAsync());
        Assert.Equal([(w.RoomMate.Id, ContactKind.LodgingRoom, ContactState.Confirmed), (w.EnterpriseMate.Id, ContactKind.ProductionLine, ContactState.Dismissed)],
            contacts.Select(c => (c.WorkerId, c.Kind, c.State)));
        var after = await page.GetPageAsync($"/Outbreak/Cases/{caseId}");
        Assert.DoesNotContain($"data-testid=\"confirm-{w.RoomMate.Id}\"", after);
        Assert.DoesNotContain($"data-testid=\"confirm-{w.EnterpriseMate.Id}\"", after);
        Assert.Contains($"data-testid=\"confirm-{w.WorkshopMate.Id}\"", after);
    }

    [Theory, BothProviders]
    public async Task A_recovered_case_is_monitored_at_home_by_the_F0_release_rule(DatabaseProvider provider)
    {
        var w = await CasesWorld.CreateAsync(await apps.For(provider));
        var caseId = await RegisterAsync(await w.App.ApiClientAsync(w.Health), w.Registry.WorkerOwn.Cccd, "BR" + w.Registry.Tag);
        var page = await w.App.LoggedInClientAsync(w.Health);
        var early = await page.PostFormAsync($"/Outbreak/Cases/{caseId}", new Dictionary<string, string> { ["Outcome"] = "Recovered", ["OutcomeOn"] = "01/05/2021" },
            $"/Outbreak/Cases/{caseId}?handler=Outcome");
        Assert.Contains("data-testid=\"error-OutcomeOn\"", await early.PageAsync());
        var saved = await page.PostFormAsync($"/Outbreak/Cases/{caseId}", new Dictionary<string, string> { ["Outcome"] = "Recovered", ["OutcomeOn"] = "05/06/2021" },
            $"/Outbreak/Cases/{caseId}?handler=Outcome");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var order = await w.App.WithDbAsync(db => db.Set<QuarantineOrder>().SingleAsync(o => o.WorkerId == w.Registry.WorkerOwn.Id));
        Assert.Equal((new DateOnly(2021, 6, 5), new DateOnly(2021, 6, 19), QuarantinePlace.Home, (int?)null),
            (order.StartOn, order.PlannedEndOn, order.PlaceKind, order.ContactId));
    }
}
