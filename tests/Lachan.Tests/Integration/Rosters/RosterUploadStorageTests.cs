using Lachan.Features.Rosters;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Lachan.Tests.Rosters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using static Lachan.Tests.Integration.Rosters.RosterKit;

namespace Lachan.Tests.Integration.Rosters;

/// <summary>Uploaded rosters (CCCDs, names, phones of a workforce) are kept under the data directory, readable by the
/// app's user only, and deleted by a recurring job once older than Uploads:RetentionDays; the import's result stays.</summary>
public sealed class RosterUploadStorageTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly TempFolder _data = new();
    public void Dispose()
    {
        _dir.Dispose();
        _data.Dispose();
    }

    private Task<LachanApp> AppAsync(DatabaseProvider provider) => LachanApp.StartAsync(provider, Seed.Empty, settings: new Dictionary<string, string>
    {
        ["Data:Directory"] = _data.Root,
        ["Imports:Folder"] = "", // not set: the default under the data directory
        ["Uploads:RetentionDays"] = "30",
    });

    private string Roster(RosterWorld w, string name) =>
        Write(_dir.Root, "csv", Sheet([Row(1, Person.Of(w.Stays)), Row(2, Person.New(name, Features.Registry.Contracts.Sex.Female, 1996))]));

    private static Task<RosterImport> ImportAsync(LachanApp app, Guid id) =>
        app.WithDbAsync(db => db.Set<RosterImport>().AsNoTracking().SingleAsync(i => i.Id == id));

    [Theory, BothProviders]
    public async Task An_upload_is_kept_under_the_data_directory_readable_by_the_app_user_only(DatabaseProvider provider)
    {
        await using var app = await AppAsync(provider);
        var w = await RosterWorld.CreateAsync(app);
        var api = await app.ApiClientAsync(w.Hr);
        var id = await UploadOkAsync(api, w.Own.Id, Roster(w, "Lý Thị Hoa"));
        await UntilStatusAsync(api, id, "Previewed");

        var stored = (await ImportAsync(app, id)).StoredPath;
        var folder = Path.Combine(_data.Root, "imports");
        Assert.Equal(folder, Path.GetDirectoryName(stored));
        Assert.True(File.Exists(stored));
        if (OperatingSystem.IsWindows()) return;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(stored));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(RosterReport.PathFor(stored)));
    }

    [Theory, BothProviders]
    public async Task An_upload_older_than_the_retention_is_deleted_by_the_recurring_job_and_the_result_stays(DatabaseProvider provider)
    {
        await using var app = await AppAsync(provider);
        var w = await RosterWorld.CreateAsync(app);
        var api = await app.ApiClientAsync(w.Hr);
        var old = await UploadOkAsync(api, w.Own.Id, Roster(w, "Lý Thị Hoa"));
        var young = await UploadOkAsync(api, w.Own.Id, Roster(w, "Mai Thị Hồng"));
        await UntilStatusAsync(api, old, "Previewed");
        await UntilStatusAsync(api, young, "Previewed");
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await app.WithDbAsync(async db =>
        {
            await db.Set<RosterImport>().Where(i => i.Id == old).ExecuteUpdateAsync(s => s.SetProperty(i => i.CreatedAt, now.AddDays(-31)));
            await db.Set<RosterImport>().Where(i => i.Id == young).ExecuteUpdateAsync(s => s.SetProperty(i => i.CreatedAt, now.AddDays(-29)));
        });
        var oldFile = (await ImportAsync(app, old)).StoredPath;
        var youngFile = (await ImportAsync(app, young)).StoredPath;

        // the job is scheduled to repeat; run it now rather than wait for its hour
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = Assert.IsType<ISimpleTrigger>(await scheduler.GetTrigger(new TriggerKey("uploads-retention", "rosters")), exactMatch: false);
        Assert.Equal((TimeSpan.FromHours(1), -1), (trigger.RepeatInterval, trigger.RepeatCount));
        await scheduler.TriggerJob(UploadRetention.Key);
        var until = DateTime.UtcNow.AddSeconds(60);
        while ((await ImportAsync(app, old)).StoredPath != "" && DateTime.UtcNow < until) await Task.Delay(100);

        var after = await ImportAsync(app, old);
        Assert.Equal("", after.StoredPath);
        Assert.False(File.Exists(oldFile));
        Assert.False(File.Exists(RosterReport.PathFor(oldFile)));
        Assert.Equal(ImportStatus.Previewed, after.Status); // the result stays
        Assert.NotNull(after.PreviewJson);
        Assert.Equal(youngFile, (await ImportAsync(app, young)).StoredPath);
        Assert.True(File.Exists(youngFile));

        // committing the expired import says so, and writes nothing
        var before = await TableCounts.OfAsync(app);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await api.PostAsync($"/api/v1/rosters/{old}/commit", null)).StatusCode);
        var state = await UntilStatusAsync(api, old, "Failed");
        Assert.Equal("Roster.FileExpired", state.GetProperty("error").GetString());
        Assert.Equal(before, await TableCounts.OfAsync(app));
    }
}
