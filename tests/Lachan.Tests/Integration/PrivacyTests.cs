using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Registry.Transfers;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Lachan.Tests.Integration;

/// <summary>Issue 9, A1–A4: nothing of a worker, landlord or house outside the caller's jurisdiction is shown or
/// changed, and no answer tells whether a CCCD is registered outside it (ADR-0014). Through HTTP, on both databases.</summary>
public sealed class PrivacyTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    /// <summary>Every string value of a JSON answer, unescaped, so a Vietnamese name is found however it was encoded.</summary>
    private static string Text(string json)
    {
        var all = new List<string>();
        void Walk(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String: all.Add(e.GetString()!); break;
                case JsonValueKind.Number: all.Add(e.GetRawText()); break;
                case JsonValueKind.Array: foreach (var x in e.EnumerateArray()) Walk(x); break;
                case JsonValueKind.Object: foreach (var p in e.EnumerateObject()) Walk(p.Value); break;
            }
        }
        Walk(JsonDocument.Parse(json).RootElement);
        return string.Join("\n", all);
    }

    private async Task<(LachanApp App, TestRegistry R, string Hr)> WorldAsync(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var r = await TestRegistry.AddAsync(app);
        var hr = "hr-" + r.Tag;
        await app.EnsureUserAsync(hr, Role.EnterpriseHr, r.EnterpriseOwn.TaxCode);
        return (app, r, hr);
    }

    private static void AssertShowsNothingOf(Worker other, string answer)
    {
        Assert.DoesNotContain(TestRegistry.OtherWorkerName, answer);
        Assert.DoesNotContain(other.Phone!, answer);
        Assert.DoesNotContain("20/11/1990", answer);
        Assert.DoesNotContain($"/Registry/Workers/{other.Id}\"", answer);
    }

    [Theory, BothProviders]
    public async Task Roster_preview_of_another_employers_worker_shows_only_what_HR_supplied_and_the_reviewer_decides(DatabaseProvider provider)
    {
        var (app, r, hr) = await WorldAsync(provider);
        var client = await app.ApiClientAsync(hr);
        var other = r.WorkerOther;
        // any name and birth date with the other enterprise's worker's CCCD; the own worker stays, so no one leaves
        var csv = "Số CCCD,Họ và tên,Giới tính,Ngày sinh\n"
                  + $"{r.WorkerOwn.Cccd},{TestRegistry.OwnWorkerName},Nữ,08/03/1996\n"
                  + $"{other.Cccd},Ai Đó Thử,Nam,\n"; // a birth date that does not fit the CCCD would be refused as a typo
        var url = await RosterImportTests.UploadAsync(client, r.EnterpriseOwn.Id, csv);
        var state = await RosterImportTests.WaitAsync(client, url);
        Assert.Equal("Previewed", state.GetProperty("status").GetString());
        Assert.Equal(1, state.GetProperty("preview").GetProperty("transfers").GetInt32());

        var api = await client.GetStringAsync(url);
        AssertShowsNothingOf(other, Text(api));
        Assert.Contains("Ai Đó Thử", Text(api)); // what HR supplied

        var id = Guid.Parse(url.Split('/').Last());
        var pages = await app.LoggedInClientAsync(hr);
        var page = await pages.GetPageAsync($"/Rosters/{id}");
        AssertShowsNothingOf(other, page);
        Assert.Contains("Đang làm ở doanh nghiệp khác — đã gửi xem xét", page);
        var report = await pages.GetAsync($"/Rosters/{id}?handler=Report");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        using (var xlsx = new MemoryStream(await report.Content.ReadAsByteArrayAsync()))
            AssertShowsNothingOf(other, string.Join("\n", MiniExcel.Query(xlsx, useHeaderRow: true).Cast<IDictionary<string, object?>>()
                .SelectMany(row => row.Values).Select(v => v?.ToString())));

        // commit: a pending transfer request, the worker not moved
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"{url}/commit", null)).StatusCode);
        Assert.Equal("Committed", (await RosterImportTests.WaitAsync(client, url)).GetProperty("status").GetString());
        var request = await app.WithDbAsync(db => db.Set<TransferRequest>().SingleAsync(t => t.WorkerId == other.Id));
        Assert.Equal((TransferStatus.Pending, r.EnterpriseOther.Id, r.EnterpriseOwn.Id, hr), (request.Status, request.FromEnterpriseId, request.ToEnterpriseId, request.RequestedBy));
        Assert.Equal(r.EnterpriseOther.Id, await app.WithDbAsync(db => db.Set<Worker>().Where(w => w.Id == other.Id).Select(w => w.CurrentEnterpriseId).SingleAsync()));

        // HR is no reviewer; the own zone's board and another province's steering do not have the worker's employer
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/transfers/{request.Id}")).StatusCode);
        await app.EnsureUserAsync("bq-own-" + r.Tag, Role.IzBoard, r.ZoneOwn.Code);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiClientAsync("bq-own-" + r.Tag)).GetAsync($"/api/v1/transfers/{request.Id}")).StatusCode);

        // the board of the worker's zone sees the diff (audited) and approves: the worker leaves and is hired
        await app.EnsureUserAsync("bq-other-" + r.Tag, Role.IzBoard, r.ZoneOther.Code);
        var board = await app.ApiClientAsync("bq-other-" + r.Tag);
        var diff = Text(await board.GetStringAsync($"/api/v1/transfers/{request.Id}"));
        Assert.Contains(TestRegistry.OtherWorkerName, diff);
        Assert.Contains("Ai Đó Thử", diff);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "view" && a.EntityType == "TransferRequest" && a.EntityId == request.Id.ToString()
            && a.UserName == "bq-other-" + r.Tag)));
        Assert.Equal(HttpStatusCode.NoContent, (await board.PostAsync($"/api/v1/transfers/{request.Id}/approve", null)).StatusCode);
        var moved = await app.WithDbAsync(db => db.Set<Worker>().Include(w => w.Employments).Include(w => w.Movements).SingleAsync(w => w.Id == other.Id));
        Assert.Equal(r.EnterpriseOwn.Id, moved.CurrentEnterpriseId);
        Assert.NotNull(moved.Employments.Single(e => e.EnterpriseId == r.EnterpriseOther.Id).To);
        Assert.Contains(moved.Movements, m => m.Kind == MovementKind.ChangedEmployer && m.EnterpriseId == r.EnterpriseOwn.Id);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "approve" && a.EntityId == request.Id.ToString())));
        // decided once
        Assert.Equal(HttpStatusCode.BadRequest, (await board.PostAsJsonAsync($"/api/v1/transfers/{request.Id}/reject", new { reason = "muộn" })).StatusCode);
    }

    [Theory, BothProviders]
    public async Task Creating_a_worker_answers_alike_for_a_new_CCCD_and_one_registered_elsewhere(DatabaseProvider provider)
    {
        var (app, r, hr) = await WorldAsync(provider);
        var client = await app.ApiClientAsync(hr);
        object Form(string cccd, string sex = "Male", DateOnly? born = null) => new
        {
            cccd, fullName = "Ai Đó Thử", sex, dateOfBirth = born ?? new DateOnly(1990, 11, 20),
            enterpriseId = r.EnterpriseOwn.Id, hiredOn = new DateOnly(2021, 5, 1), contractType = "Definite",
        };
        var elsewhere = await client.PostAsJsonAsync("/api/v1/workers", Form(r.WorkerOther.Cccd));
        var fresh = await client.PostAsJsonAsync("/api/v1/workers", Form(TestRegistry.NewCccd("024", Sex.Male, 1990)));
        Assert.Equal(fresh.StatusCode, elsewhere.StatusCode);
        Assert.Equal(await fresh.Content.ReadAsStringAsync(), await elsewhere.Content.ReadAsStringAsync());
        Assert.Null(elsewhere.Headers.Location);
        Assert.Null(fresh.Headers.Location);

        // the page too: the same redirect and message
        var pages = await app.LoggedInClientAsync(hr);
        var token = Http.AntiforgeryToken(await pages.GetStringAsync("/Registry/Workers/Edit"));
        async Task<string> PostPage(string cccd)
        {
            var response = await pages.PostAsync("/Registry/Workers/Edit", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Form.Cccd"] = cccd, ["Form.FullName"] = "Ai Đó Thử", ["Form.Sex"] = "Male", ["Form.DateOfBirth"] = "20/11/1990",
                ["Form.EnterpriseId"] = r.EnterpriseOwn.Id.ToString(), ["Form.HiredOn"] = "01/05/2021", ["Form.ContractType"] = "Definite",
                ["__RequestVerificationToken"] = token,
            }));
            return $"{(int)response.StatusCode} {response.Headers.Location}";
        }
        Assert.Equal(await PostPage(TestRegistry.NewCccd("024", Sex.Male, 1990)), await PostPage(r.WorkerOther.Cccd));

        // the person registered elsewhere was not moved: their hire waits for review, asked once
        Assert.Equal(r.EnterpriseOther.Id, await app.WithDbAsync(db => db.Set<Worker>().Where(w => w.Id == r.WorkerOther.Id).Select(w => w.CurrentEnterpriseId).SingleAsync()));
        var asked = await app.WithDbAsync(db => db.Set<TransferRequest>().Where(t => t.WorkerId == r.WorkerOther.Id).ToListAsync());
        Assert.Equal((TransferStatus.Pending, "form", r.EnterpriseOwn.Id), (asked.Single().Status, asked.Single().Source, asked.Single().ToEnterpriseId));

        // a CCCD the caller can see anyway is still said to exist
        var own = await client.PostAsJsonAsync("/api/v1/workers", Form(r.WorkerOwn.Cccd, "Female", r.WorkerOwn.DateOfBirth));
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Contains("Worker.CccdExists", await own.Content.ReadAsStringAsync());
    }

    [Theory, BothProviders]
    public async Task HR_may_put_a_worker_only_in_a_house_its_workers_live_in_and_a_forbidden_house_answers_as_an_unknown_one(DatabaseProvider provider)
    {
        var (app, r, hr) = await WorldAsync(provider);
        var client = await app.ApiClientAsync(hr);
        async Task<(HttpStatusCode, string)> Hire(int lodgingHouseId, string cccd)
        {
            var response = await client.PostAsJsonAsync("/api/v1/workers", new
            {
                cccd, fullName = "Phạm Văn Trọ", sex = "Male", dateOfBirth = new DateOnly(1999, 1, 2),
                enterpriseId = r.EnterpriseOwn.Id, hiredOn = new DateOnly(2021, 5, 1), contractType = "Definite", lodgingHouseId,
            });
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            // the problem's fields and messages (its trace id differs by request)
            return (response.StatusCode, body.TryGetProperty("errors", out var e) ? e.GetRawText() + body.GetProperty("codes").GetRawText() : body.GetRawText());
        }
        var forbidden = TestRegistry.NewCccd("024", Sex.Male, 1999);
        var (status, body) = await Hire(r.LodgingOther.Id, forbidden);
        var unknown = await Hire(int.MaxValue, TestRegistry.NewCccd("024", Sex.Male, 1999));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(unknown, (status, body));
        Assert.DoesNotContain(r.LodgingOther.Address, body);
        Assert.False(await app.WithDbAsync(db => db.Set<Worker>().AnyAsync(w => w.Cccd == forbidden)));

        // the house where the enterprise's own worker lives is a choice
        var allowed = TestRegistry.NewCccd("024", Sex.Male, 1999);
        Assert.Equal(HttpStatusCode.Accepted, (await Hire(r.LodgingOwn.Id, allowed)).Item1);
        Assert.Equal(r.LodgingOwn.Id, await app.WithDbAsync(db => db.Set<Worker>().Where(w => w.Cccd == allowed).Select(w => w.CurrentLodgingHouseId).SingleAsync()));
    }

    [Theory, BothProviders]
    public async Task A_commune_never_links_renames_or_reads_a_landlord_who_lets_houses_elsewhere(DatabaseProvider provider)
    {
        var (app, r, _) = await WorldAsync(provider);
        var commune = "xa-" + r.Tag;
        await app.EnsureUserAsync(commune, Role.Commune, r.LodgingOwn.CommuneCode);
        var client = await app.ApiClientAsync(commune);
        // the landlord of the other commune's house, known by a CCCD (the test registry's landlord lets a house on each side)
        var landlordCccd = TestRegistry.NewCccd("024", Sex.Male, 1970);
        var landlordId = r.LodgingOther.LandlordId;
        await app.WithDbAsync(db => db.Set<Landlord>().Where(l => l.Id == landlordId).ExecuteUpdateAsync(s => s.SetProperty(l => l.Cccd, landlordCccd)));

        var created = await client.PostAsJsonAsync("/api/v1/lodging-houses", new
        {
            name = "Nhà trọ Chiếm " + r.Tag, address = "Thôn Mới", communeCode = r.LodgingOwn.CommuneCode, rooms = 5, capacity = 10,
            landlordName = "Kẻ Lạ Mặt", landlordCccd,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var house = Text(await client.GetStringAsync(created.Headers.Location!.OriginalString));
        Assert.DoesNotContain("0912000111", house); // the landlord's phone
        Assert.Contains("Kẻ Lạ Mặt", house);
        // and editing the own house (whose landlord also lets the other one) changes nothing there
        var edited = await client.PutAsJsonAsync($"/api/v1/lodging-houses/{r.LodgingOwn.Id}", new
        {
            name = r.LodgingOwn.Name, address = r.LodgingOwn.Address, communeCode = r.LodgingOwn.CommuneCode, rooms = 12, capacity = 30,
            landlordName = "Lê Văn Chủ", landlordPhone = "0911222333",
        });
        Assert.Equal(HttpStatusCode.NoContent, edited.StatusCode);

        var landlord = await app.WithDbAsync(db => db.Set<LodgingHouse>().Where(l => l.Id == r.LodgingOther.Id).Select(l => l.Landlord!).SingleAsync());
        Assert.Equal((landlordId, "Lê Văn Chủ", "0912000111", landlordCccd), (landlord.Id, landlord.FullName, landlord.Phone, landlord.Cccd));
    }
}
