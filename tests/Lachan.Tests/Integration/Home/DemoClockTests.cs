using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lachan.Infrastructure;
using Lachan.Infrastructure.Calendar;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Lachan.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lachan.Tests.Integration.Home;

/// <summary>The demo clock: in demo mode the province's today is the demo day (25/05/2021 unless moved), on every
/// default date, due list and the affected API; an administrator moves it, audited and kept across a restart; with
/// demo mode off today is the real province day.</summary>
public sealed class DemoClockTests
{
    private static async Task<string> AffectedDateAsync(LachanApp app)
    {
        var api = await app.ApiClientAsync("admin");
        var body = await api.GetFromJsonAsync<JsonElement>("/api/v1/affected");
        return body.GetProperty("date").GetString()!;
    }

    [Theory, BothProviders]
    public async Task In_demo_mode_default_dates_are_the_demo_day_and_an_administrator_moves_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var app = new LachanApp(database, Seed.DemoProvince, ownsDatabase: false))
        {
            await Task.Run(app.StartServer);
            var admin = await app.LoggedInClientAsync("admin");
            Assert.Contains("Danh sách việc trong ngày 25/05/2021", await admin.GetPageAsync("/Outbreak/Cases/Due"));
            Assert.Contains("Dữ liệu mô phỏng — ngày 25/05/2021", await admin.GetPageAsync("/"));
            var picture = await admin.GetPageAsync("/Outbreak");   // its date field, in whichever format the date control writes
            Assert.True(picture.Contains("value=\"2021-05-25\"") || picture.Contains("value=\"25/05/2021\""), "the picture opens on the demo day");
            Assert.Equal("2021-05-25", await AffectedDateAsync(app));

            var refused = await admin.PostFormAsync("/Admin/DemoClock", new Dictionary<string, string> { ["Today"] = "31/02/2022" });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("data-testid=\"error-Today\"", await refused.PageAsync());

            var moved = await admin.PostFormAsync("/Admin/DemoClock", new Dictionary<string, string> { ["Today"] = "01/06/2022" });
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
            Assert.Contains("Danh sách việc trong ngày 01/06/2022", await admin.GetPageAsync("/Outbreak/Cases/Due"));
            Assert.Equal("2022-06-01", await AffectedDateAsync(app));

            // the change is audited at the real instant: the audit trail stays on real time
            var e = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(a => a.EntityType == "DemoClock"));
            Assert.Equal(("update", "admin"), (e.Action, e.UserName));
            Assert.Contains("01/06/2022", e.After);
            Assert.True(DateTime.UtcNow - DateTime.SpecifyKind(e.At, DateTimeKind.Utc) < TimeSpan.FromMinutes(5));
        }

        // another start on the same database keeps the moved day
        await using var again = new LachanApp(database, Seed.DemoProvince, ownsDatabase: false);
        await Task.Run(again.StartServer);
        Assert.Equal(new DateOnly(2022, 6, 1), again.Services.GetRequiredService<ProvinceCalendar>().Today);
        Assert.Equal("2022-06-01", await AffectedDateAsync(again));
    }

    [Theory, BothProviders]
    public async Task With_demo_mode_off_today_is_the_real_province_day(DatabaseProvider provider)
    {
        await using var app = await LachanApp.StartAsync(provider, Seed.Empty);
        await app.AdminAsync();
        var admin = await app.LoggedInClientAsync("admin");
        var today = UiText.Date(TimeProvider.System.ProvinceToday());
        Assert.Contains($"Danh sách việc trong ngày {today}", await admin.GetPageAsync("/Outbreak/Cases/Due"));
        var home = await admin.GetPageAsync("/");
        Assert.DoesNotContain("data-testid=\"demo-clock\"", home);
        Assert.Contains("data-testid=\"demo-off\"", await admin.GetPageAsync("/Admin/DemoClock"));
        var posted = await admin.PostFormAsync("/Admin/DemoClock", new Dictionary<string, string> { ["Today"] = "01/06/2022" });
        Assert.Contains("data-testid=\"demo-off\"", await posted.PageAsync());
        Assert.False(await app.WithDbAsync(db => db.Set<KernelSetting>().AnyAsync()));
    }
}

/// <summary>The demo seed's one transaction can hold SQLite's file exclusively for a minute (it writes with the
/// rollback journal, and at full size its changes spill from the cache); the services it calls ask the calendar for
/// the demo day. The calendar keeps the day in memory and answers from there at once — a read of the setting on its own
/// connection would wait for the lock and time out — and reads it again in the background once the writer is done.</summary>
public sealed class DemoDayKeptTests
{
    [Fact]
    public async Task The_kept_demo_day_is_answered_at_once_while_another_connection_holds_the_database()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var migrate = Contexts.Open(database)) await migrate.Database.MigrateAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var config = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        await using var services = new ServiceCollection().AddScoped(_ => Contexts.Open(DatabaseProvider.Sqlite, database.ConnectionString + ";Default Timeout=3")).BuildServiceProvider();
        var calendar = new ProvinceCalendar(time, config, services.GetRequiredService<IServiceScopeFactory>());

        Assert.Equal(ProvinceCalendar.DefaultDemoDay, calendar.DemoDay);   // read once, before the seed begins
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();   // the seed takes the file for itself
        await using (var seed = new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString + ";Default Timeout=2"))
        {
            await seed.OpenAsync();
            await using var write = seed.CreateCommand();
            write.CommandText = "PRAGMA journal_mode = DELETE";   // as the seed's load tuning does
            Assert.Equal("delete", (string?)await write.ExecuteScalarAsync());
            write.CommandText = "BEGIN EXCLUSIVE; INSERT INTO \"KernelSettings\" (\"Key\", \"Value\") VALUES ('Demo:Today', '01/06/2022');";
            await write.ExecuteNonQueryAsync();
            time.Advance(TimeSpan.FromMinutes(1));   // past the calendar's freshness: it reads again, but in the background

            var asked = System.Diagnostics.Stopwatch.StartNew();
            Assert.Equal(ProvinceCalendar.DefaultDemoDay, calendar.DemoDay);
            Assert.Equal(ProvinceCalendar.DefaultDemoDay, calendar.Today);
            Assert.True(asked.Elapsed < TimeSpan.FromSeconds(1), $"answered in {asked.Elapsed}, not waiting for the writer");

            write.CommandText = "COMMIT";
            await write.ExecuteNonQueryAsync();
        }
        // the writer done, the stored day comes in at a later read
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (calendar.DemoDay != new DateOnly(2022, 6, 1) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            time.Advance(TimeSpan.FromMinutes(1));
        }
        Assert.Equal(new DateOnly(2022, 6, 1), calendar.DemoDay);
    }
}

/// <summary>Two nodes on one database: the node where the administrator moves the day shows it at once, the other one
/// within the calendar's freshness (it keeps the day in memory and reads it again when that has passed).</summary>
public sealed class DemoDayTwoNodesTests
{
    [Theory, BothProviders]
    public async Task A_moved_day_shows_at_once_here_and_within_seconds_on_another_node(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var here = new LachanApp(database, Seed.DemoProvince, ownsDatabase: false);
        await Task.Run(here.StartServer);
        await using var there = new LachanApp(database, Seed.DemoProvince, ownsDatabase: false);
        await Task.Run(there.StartServer);
        var thereApi = await there.ApiClientAsync("admin");
        async Task<string> ThereDateAsync() => (await thereApi.GetFromJsonAsync<JsonElement>("/api/v1/affected")).GetProperty("date").GetString()!;
        Assert.Equal("2021-05-25", await ThereDateAsync());

        var admin = await here.LoggedInClientAsync("admin");
        var moved = await admin.PostFormAsync("/Admin/DemoClock", new Dictionary<string, string> { ["Today"] = "01/06/2022" });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var at = System.Diagnostics.Stopwatch.StartNew();
        Assert.Contains("Danh sách việc trong ngày 01/06/2022", await admin.GetPageAsync("/Outbreak/Cases/Due"));

        while (await ThereDateAsync() != "2022-06-01" && at.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(250);
        Assert.Equal("2022-06-01", await ThereDateAsync());
        // the freshness, one read in the background and a loaded machine's slack
        Assert.True(at.Elapsed < ProvinceCalendar.Freshness + TimeSpan.FromSeconds(10), $"the other node showed it after {at.Elapsed}");
    }
}

/// <summary>The province's present instant: in a demo it is the demo day at the real time of day in Vietnam, so a help
/// request made or escalated in the demo sits on the demo's timeline, not five years after the seeded ones.</summary>
public sealed class ProvinceNowTests
{
    [Theory]
    [InlineData(true, "2021-05-25T11:30:00Z")]    // 18:30 in Vietnam on the demo day
    [InlineData(false, "2026-12-07T11:30:00Z")]   // the real instant
    public async Task Now_is_the_demo_day_at_the_real_time_of_day_in_a_demo_and_the_real_instant_otherwise(bool demo, string expected)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var migrate = Contexts.Open(database)) await migrate.Database.MigrateAsync();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 11, 30, 0, TimeSpan.Zero));
        var config = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Demo:Enabled"] = demo ? "true" : "false" }).Build();
        await using var services = new ServiceCollection().AddScoped(_ => Contexts.Open(database)).BuildServiceProvider();
        var calendar = new ProvinceCalendar(time, config, services.GetRequiredService<IServiceScopeFactory>());

        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), calendar.Now);
        Assert.Equal(DateTimeKind.Utc, calendar.Now.Kind);
        // 17:30 UTC is already the next day in Vietnam: a demo keeps the demo day (its day does not roll over by itself)
        time.SetUtcNow(new DateTimeOffset(2026, 12, 7, 17, 30, 0, TimeSpan.Zero));
        if (demo) Assert.Equal(new DateTime(2021, 5, 24, 17, 30, 0, DateTimeKind.Utc), calendar.Now);   // 00:30 on 25/05 in Vietnam
    }
}
