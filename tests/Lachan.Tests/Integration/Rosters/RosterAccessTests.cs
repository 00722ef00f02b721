using Lachan.Features.Rosters;
using System.Net;
using System.Text.Json;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Lachan.Tests.Rosters;
using Microsoft.EntityFrameworkCore;
using static Lachan.Tests.Integration.Rosters.RosterKit;

namespace Lachan.Tests.Integration.Rosters;

/// <summary>Who may import for whom: an enterprise's HR only for its own enterprise (another's is out of scope on
/// upload and not found afterwards), the IZ board for the enterprises of its zone, and a role without write access to
/// workers (a volunteer) is refused outright.</summary>
public sealed class RosterAccessTests(EmptyApps apps) : IClassFixture<EmptyApps>, IDisposable
{
    private readonly TempFolder _dir = new();
    public void Dispose() => _dir.Dispose();

    private string SmallRoster(RosterWorld w) => Write(_dir.Root, "csv", Sheet([Row(1, Person.Of(w.Stays)), Row(2, Person.New("Lý Thị Oanh", Lachan.Features.Registry.Contracts.Sex.Female, 2000))]));

    private static Task<int> ImportsOfAsync(LachanApp app, int enterpriseId) =>
        app.WithDbAsync(db => db.Set<RosterImport>().CountAsync(i => i.EnterpriseId == enterpriseId));

    [Theory, BothProviders]
    public async Task HR_cannot_upload_for_another_enterprise_nor_see_or_act_on_its_imports(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await RosterWorld.CreateAsync(app);
        var own = await app.ApiClientAsync(w.Hr);
        var file = SmallRoster(w);

        // upload for the other enterprise: a field error, nothing stored
        var refused = await UploadAsync(own, w.Other.Id, file);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Worker.EnterpriseOutOfScope", problem.GetProperty("codes").GetProperty("enterpriseId").GetString());
        Assert.Equal("Doanh nghiệp không tồn tại hoặc ngoài phạm vi quản lý của bạn.", problem.GetProperty("errors").GetProperty("enterpriseId")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(own, 987_654, file)).StatusCode);
        Assert.Equal(0, await ImportsOfAsync(app, w.Other.Id));

        // the same through the page's form
        var page = await app.LoggedInClientAsync(w.Hr);
        var form = await page.GetPageAsync("/Rosters");
        Assert.DoesNotContain(w.Other.Name, form);
        using (var multipart = new MultipartFormDataContent
        {
            { new StringContent(Http.AntiforgeryToken(form)), "__RequestVerificationToken" },
            { new StringContent(w.Other.Id.ToString()), "EnterpriseId" },
            { new StringContent(RosterWorld.AsOfText), "AsOf" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(file)), "Upload", "roster.csv" },
        })
        {
            var response = await page.PostAsync("/Rosters", multipart);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Doanh nghiệp không tồn tại hoặc ngoài phạm vi quản lý của bạn.", await response.PageAsync());
        }
        Assert.Equal(0, await ImportsOfAsync(app, w.Other.Id));

        // an import of the own enterprise is invisible to the other enterprise's HR, in every way
        var id = await UploadOkAsync(own, w.Own.Id, file);
        await UntilStatusAsync(own, id, "Previewed");
        var otherApi = await app.ApiClientAsync(w.OtherHr);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.GetAsync($"/api/v1/rosters/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.PostAsync($"/api/v1/rosters/{id}/commit", null)).StatusCode);
        var otherPage = await app.LoggedInClientAsync(w.OtherHr);
        Assert.Equal(HttpStatusCode.NotFound, (await otherPage.GetAsync($"/Rosters/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherPage.GetAsync($"/Rosters/{id}?handler=Report")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherPage.GetAsync($"/Rosters/{id}?handler=Progress")).StatusCode);
        var token = Http.AntiforgeryToken(await otherPage.GetStringAsync("/Rosters"));
        foreach (var handler in new[] { "Commit", "Cancel", "Remap" })
            Assert.Equal(HttpStatusCode.NotFound, (await PostHandlerAsync(otherPage, id, handler, token: token)).StatusCode);
        Assert.DoesNotContain(id.ToString(), await otherPage.GetStringAsync("/Rosters"));
        Assert.Equal("Previewed", (await StateAsync(own, id)).GetProperty("status").GetString());
    }

    [Theory, BothProviders]
    public async Task The_IZ_board_imports_for_enterprises_of_its_zone_only(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await RosterWorld.CreateAsync(app);
        var board = await app.EnsureUserAsync("kcn-" + w.Registry.Tag.ToLowerInvariant(), Role.IzBoard, w.Registry.ZoneOwn.Code);
        var api = await app.ApiClientAsync(board.UserName!);
        var file = SmallRoster(w);
        var id = await UploadOkAsync(api, w.Own.Id, file);
        await UntilStatusAsync(api, id, "Previewed");
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(api, w.Other.Id, file)).StatusCode);
    }

    [Theory, BothProviders]
    public async Task A_volunteer_is_refused_with_403_by_the_API_and_the_pages(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await RosterWorld.CreateAsync(app);
        var volunteer = await app.NewUserAsync("tnv", Role.Volunteer, null);
        var api = await app.ApiClientAsync(volunteer.UserName!);
        var hrApi = await app.ApiClientAsync(w.Hr);
        var file = SmallRoster(w);
        var id = await UploadOkAsync(hrApi, w.Own.Id, file);
        await UntilStatusAsync(hrApi, id, "Previewed");

        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(api, w.Own.Id, file)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync($"/api/v1/rosters/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync($"/api/v1/rosters/{id}/commit", null)).StatusCode);
        // pages send the browser to the refusal page, which answers 403
        var pages = await app.LoggedInClientAsync(volunteer.UserName!);
        foreach (var url in new[] { "/Rosters", $"/Rosters/{id}", $"/Rosters/{id}?handler=Report" })
        {
            var denied = await pages.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            var refusal = await pages.GetAsync(denied.Headers.Location);
            Assert.Equal(HttpStatusCode.Forbidden, refusal.StatusCode);
            Assert.Contains("data-testid=\"denied\"", await refusal.Content.ReadAsStringAsync());
        }
        Assert.Equal(1, await ImportsOfAsync(app, w.Own.Id));
        Assert.Equal("Previewed", (await StateAsync(hrApi, id)).GetProperty("status").GetString());

        // and without a token at all: not signed in
        var anonymous = app.NewClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await UploadAsync(anonymous, w.Own.Id, file)).StatusCode);
    }
}
