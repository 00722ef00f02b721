using System.Net;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Rosters;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Lachan.Tests.Rosters;
using Microsoft.EntityFrameworkCore;
using static Lachan.Tests.Integration.Rosters.RosterKit;

namespace Lachan.Tests.Integration.Rosters;

/// <summary>A1: the roster preview shows the roster's people, so each view of it (API, page) is audited like a list read:
/// who, which import, how many rows, how it was seen. (The command line's view: RosterCliTests.)</summary>
public sealed class RosterPreviewAuditTests(EmptyApps apps) : IClassFixture<EmptyApps>, IDisposable
{
    private readonly TempFolder _dir = new();
    public void Dispose() => _dir.Dispose();

    private static Task<List<AuditEvent>> ViewsAsync(LachanApp app, Guid id) => app.WithDbAsync(db =>
        db.AuditEvents.Where(e => e.EntityType == RosterPreviewAudit.EntityType && e.After!.Contains(id.ToString())).OrderBy(e => e.Id).ToListAsync());

    [Theory, BothProviders]
    public async Task Each_view_of_a_preview_is_audited_with_who_which_import_and_count(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await RosterWorld.CreateAsync(app);
        var api = await app.ApiClientAsync(w.Hr);
        var pages = await app.LoggedInClientAsync(w.Hr);
        var file = Write(_dir.Root, "csv", Sheet([Row(1, Person.Of(w.Stays)), Row(2, Person.Of(w.Transfer)), Row(3, Person.New("Hoàng Văn Nam", Sex.Male, 1999))]));

        var id = await UploadOkAsync(api, w.Own.Id, file);
        await UntilStatusAsync(api, id, "Previewed");
        var afterPolling = (await ViewsAsync(app, id)).Count;
        Assert.True(afterPolling >= 1, "the API's answer with the preview was not audited");

        (await StateAsync(api, id)).GetProperty("preview");
        var viaApi = (await ViewsAsync(app, id)).Last();
        Assert.Equal((afterPolling + 1, w.Hr, "list"), ((await ViewsAsync(app, id)).Count, viaApi.UserName, viaApi.Action));
        Assert.Contains("\"Via\":\"api\"", viaApi.After);
        Assert.Contains("\"Total\":3", viaApi.After);

        var page = await pages.GetAsync($"/Rosters/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var viaPage = (await ViewsAsync(app, id)).Last();
        Assert.Equal((w.Hr, afterPolling + 2), (viaPage.UserName, (await ViewsAsync(app, id)).Count));
        Assert.Contains("\"Via\":\"page\"", viaPage.After);
        Assert.Contains("\"Total\":3", viaPage.After);
    }
}
