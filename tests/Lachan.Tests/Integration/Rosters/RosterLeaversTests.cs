using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Rosters;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Lachan.Tests.Infrastructure;
using Lachan.Tests.Rosters;
using Microsoft.EntityFrameworkCore;
using static Lachan.Tests.Integration.Rosters.RosterKit;

namespace Lachan.Tests.Integration.Rosters;

/// <summary>A roster that takes most of the workforce off the payroll (13 of 14 here, as 353 of 354 in the trial)
/// commits only when the user confirms that number, on the page and through the API; without it nothing is written.
/// The audit event names the user who asked for the commit.</summary>
public sealed class RosterLeaversTests(EmptyApps apps) : IClassFixture<EmptyApps>, IDisposable
{
    private readonly TempFolder _dir = new();
    public void Dispose() => _dir.Dispose();

    /// <summary>The world's four employees of the own enterprise and ten more; a roster naming only one of them.</summary>
    internal static async Task<(RosterWorld World, string File)> MassLayoffAsync(LachanApp app, string folder)
    {
        var w = await RosterWorld.CreateAsync(app);
        await AddStaffAsync(app, w.Own.Id, 10);
        return (w, Write(folder, "csv", Sheet([Row(1, Person.Of(w.Stays))])));
    }

    private static Task AddStaffAsync(LachanApp app, int enterpriseId, int count) => app.WithDbAsync(async db =>
    {
        for (var i = 0; i < count; i++)
        {
            var p = Person.New("Nguyễn Văn Công", Sex.Male, 1990 + i);
            var worker = new Worker
            {
                Cccd = p.Cccd, FullName = p.FullName, NameSearch = VietnameseText.SearchKey(p.FullName), Sex = p.Sex, DateOfBirth = p.Dob,
                HomeProvinceCode = "024", ProvinceCode = TestRegistry.OwnProvince,
            };
            worker.Hire(enterpriseId, new DateOnly(2020, 1, 6), ContractType.Definite);
            db.Set<Worker>().Add(worker);
        }
        await db.SaveChangesAsync();
    });

    private const string Message = "13 người sẽ được ghi là đã nghỉ việc (93% số lao động hiện có của doanh nghiệp).";

    private static Task<string> ImportAuditUserAsync(LachanApp app, int enterpriseId) => app.WithDbAsync(db => db.AuditEvents
        .Where(a => a.Action == "import" && a.EntityType == "Roster" && a.EntityId == enterpriseId.ToString()).Select(a => a.UserName).SingleAsync());

    [Theory, BothProviders]
    public async Task Api_MassLayoff_IsRefusedWithTheNumber_UntilConfirmLeaversStatesIt(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var (w, file) = await MassLayoffAsync(app, _dir.Root);
        var api = await app.ApiClientAsync(w.Hr);
        var id = await UploadOkAsync(api, w.Own.Id, file);
        Assert.Equal(13, (await UntilStatusAsync(api, id, "Previewed")).GetProperty("preview").Count("left"));
        var before = await TableCounts.OfAsync(app);

        foreach (var body in new HttpContent?[] { null, JsonContent.Create(new { confirmLeavers = 12 }), JsonContent.Create(new { confirmLeavers = (int?)null }) })
        {
            var refused = await api.PostAsync($"/api/v1/rosters/{id}/commit", body);
            var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.StartsWith(Message, problem.GetProperty("errors").GetProperty("confirmLeavers")[0].GetString());
            Assert.Equal(13, problem.GetProperty("leavers").GetInt32());
        }
        Assert.Equal(ImportStatus.Previewed, await StatusInDbAsync(app, id));
        await Task.Delay(300); // a stray job would have written by now
        Assert.Equal(before, await TableCounts.OfAsync(app));

        var commit = await api.PostAsync($"/api/v1/rosters/{id}/commit", JsonContent.Create(new { confirmLeavers = 13 }));
        Assert.Equal(HttpStatusCode.Accepted, commit.StatusCode);
        Assert.Equal(13, (await UntilStatusAsync(api, id, "Committed")).GetProperty("outcome").Count("left"));
        Assert.Equal(w.Hr, await ImportAuditUserAsync(app, w.Own.Id));
    }

    [Theory, BothProviders]
    public async Task Page_MassLayoff_AsksToConfirmTheNumber_AndCommitsOnlyWithIt_InTheUsersName(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var (w, file) = await MassLayoffAsync(app, _dir.Root);
        var id = await UploadOkAsync(await app.ApiClientAsync(w.Hr), w.Own.Id, file);
        var hr = await app.LoggedInClientAsync(w.Hr);
        var api = await app.ApiClientAsync(w.Hr);
        await UntilStatusAsync(api, id, "Previewed");

        var page = await hr.GetPageAsync($"/Rosters/{id}");
        Assert.StartsWith(Message, TestIdText(page, "confirm-leavers-message"));
        Assert.Matches("<input type=\"checkbox\" name=\"confirmLeavers\" value=\"13\"[^>]*required", page);

        var before = await TableCounts.OfAsync(app);
        var refused = await PostHandlerAsync(hr, id, "Commit");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.StartsWith(Message, TestIdText(await refused.PageAsync(), "confirm-leavers-message"));
        Assert.Equal(ImportStatus.Previewed, await StatusInDbAsync(app, id));
        Assert.Equal(before, await TableCounts.OfAsync(app));

        var commit = await PostHandlerAsync(hr, id, "Commit", new Dictionary<string, string> { ["confirmLeavers"] = "13" });
        Assert.Equal(HttpStatusCode.Redirect, commit.StatusCode);
        await UntilStatusAsync(api, id, "Committed");
        Assert.Equal(w.Hr, await ImportAuditUserAsync(app, w.Own.Id));
    }

    [Theory, BothProviders]
    public async Task SmallEnterprise_OrFewLeavers_CommitWithoutConfirmation(DatabaseProvider provider)
    {
        // the world's enterprise alone: 2 of its 4 leave (50 %), under the floor of 10 leavers
        var app = await apps.For(provider);
        var w = await RosterWorld.CreateAsync(app);
        var api = await app.ApiClientAsync(w.Hr);
        var id = await UploadOkAsync(api, w.Own.Id, Write(_dir.Root, "csv", Sheet([Row(1, Person.Of(w.Stays)), Row(2, Person.Of(w.Updated))])));
        Assert.Equal(2, (await UntilStatusAsync(api, id, "Previewed")).GetProperty("preview").Count("left"));

        Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsync($"/api/v1/rosters/{id}/commit", null)).StatusCode);
        await UntilStatusAsync(api, id, "Committed");
    }
}
