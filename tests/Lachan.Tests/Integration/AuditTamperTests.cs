using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lachan.Tests.Integration;

/// <summary>Someone edits or deletes audit rows directly in the database: the chain check finds the row.
/// Each test has an app and database of its own, since it breaks the chain on purpose.</summary>
public sealed class AuditTamperTests
{
    private static async Task<(LachanApp App, List<AuditEvent> Events)> AppWithLoginsAsync(DatabaseProvider provider)
    {
        var app = await LachanApp.StartAsync(provider, Seed.Empty);
        var user = await app.NewUserAsync("tamper");
        for (var i = 0; i < 3; i++) await app.LoggedInClientAsync(user.UserName!);
        await app.NewClient().PostLoginAsync(user.UserName!, "Wrong@pass1");
        var events = await app.WithDbAsync(db => db.AuditEvents.OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(4, events.Count);
        Assert.Null(await VerifyAsync(app));
        return (app, events);
    }

    private static Task<ChainBreak?> VerifyAsync(LachanApp app) =>
        app.WithDbAsync(db => AuditChain.VerifyAsync(AuditChain.InChainOrder(db.AuditEvents).AsAsyncEnumerable()));

    [Theory, BothProviders]
    public async Task Many_events_saved_together_chain_in_the_order_they_were_recorded(DatabaseProvider provider)
    {
        await using var app = await LachanApp.StartAsync(provider, Seed.Empty);
        await app.WithDbAsync(async db =>
        {
            var at = AuditChain.Now(TimeProvider.System);   // microseconds, as PostgreSQL keeps them
            // interleaved with records that depend on each other, as when a case registers a new person
            for (var i = 0; i < 40; i++)
            {
                var landlord = new Lachan.Features.Registry.Contracts.Landlord { FullName = "Chủ trọ " + i, NameSearch = "chu tro " + i };
                db.Add(new Lachan.Features.Registry.Contracts.LodgingHouse
                {
                    Name = "Nhà trọ " + i, NameSearch = "nha tro " + i, Address = "Thôn " + i, CommuneCode = "x", DistrictCode = "x", ProvinceCode = "24", Landlord = landlord,
                });
                db.AuditEvents.Add(new AuditEvent { At = at, UserName = "batch", Action = "step" + i, EntityType = "Test", EntityId = i.ToString() });
            }
            await db.SaveChangesAsync();
        });
        Assert.Null(await VerifyAsync(app));
        var actions = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.UserName == "batch").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(Enumerable.Range(0, 40).Select(i => "step" + i), actions);
    }

    [Theory, BothProviders]
    public async Task An_edited_row_is_reported(DatabaseProvider provider)
    {
        var (app, events) = await AppWithLoginsAsync(provider);
        await using var _ = app;
        var target = events[1];

        var changed = await app.WithDbAsync(db =>
            db.Database.ExecuteSqlAsync($"""UPDATE "AuditEvents" SET "UserName" = {"someone-else"} WHERE "Id" = {target.Id}"""));
        Assert.Equal(1, changed);

        var broken = await VerifyAsync(app);
        Assert.NotNull(broken);
        Assert.Equal((target.Id, "Audit.AlteredRow", 2L), (broken.EventId, broken.Reason, broken.Position));

        // and the audit page says so, naming the row
        var admin = await app.AdminAsync();
        var client = await app.LoggedInClientAsync(admin.UserName!);
        var token = Http.AntiforgeryToken(await client.GetStringAsync("/Admin/Audit"));
        var page = await (await client.PostAsync("/Admin/Audit?handler=Verify", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))).PageAsync();
        var alert = System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"chain-broken\">([^<]*)<").Groups[1].Value;
        Assert.Contains(target.Id.ToString(), alert);
        Assert.Contains("sửa trực tiếp trong cơ sở dữ liệu", alert);
        Assert.DoesNotContain("data-testid=\"chain-ok\"", page);
    }

    [Theory, BothProviders]
    public async Task An_edited_row_with_a_recomputed_hash_breaks_the_next_link(DatabaseProvider provider)
    {
        var (app, events) = await AppWithLoginsAsync(provider);
        await using var _ = app;
        var target = events[1];
        target.Action = "login-failed";
        var forged = AuditChain.ComputeHash(target);

        await app.WithDbAsync(db =>
            db.Database.ExecuteSqlAsync($"""UPDATE "AuditEvents" SET "Action" = {"login-failed"}, "Hash" = {forged} WHERE "Id" = {target.Id}"""));

        var broken = await VerifyAsync(app);
        Assert.Equal((events[2].Id, "Audit.BrokenLink"), (broken?.EventId, broken?.Reason));
    }

    [Theory, BothProviders]
    public async Task A_deleted_row_is_reported(DatabaseProvider provider)
    {
        var (app, events) = await AppWithLoginsAsync(provider);
        await using var _ = app;

        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditEvents" WHERE "Id" = {events[2].Id}"""));

        var broken = await VerifyAsync(app);
        Assert.Equal((events[3].Id, "Audit.BrokenLink", 3L), (broken?.EventId, broken?.Reason, broken?.Position));
    }

    [Theory, BothProviders]
    public async Task New_events_chain_onto_the_last_row_even_after_a_restart(DatabaseProvider provider)
    {
        var (app, events) = await AppWithLoginsAsync(provider);
        await using (app)
        {
            // a second app process on the same database continues the same chain
            await using var second = new LachanApp(app.Database, Seed.Empty, ownsDatabase: false);
            await second.NewClient().PostLoginAsync("nobody", "Wrong@pass1");
            var last = await second.WithDbAsync(db => db.AuditEvents.OrderByDescending(e => e.Id).FirstAsync());
            Assert.Equal(events[^1].Hash, last.PrevHash);
            Assert.Null(await VerifyAsync(second));
        }
    }

    [Theory, BothProviders]
    public async Task Deleting_the_newest_events_is_reported_against_the_anchored_head(DatabaseProvider provider)
    {
        var (app, _) = await AppWithLoginsAsync(provider);
        await using var _ = app;
        var admin = await app.AdminAsync();
        var client = await app.LoggedInClientAsync(admin.UserName!);

        // a verification anchors the head (five events: four logins and the administrator's)
        var verified = await VerifyOnPageAsync(client);
        Assert.Contains("data-testid=\"chain-ok\"", verified);
        var anchor = await app.WithDbAsync(db => AuditAnchors.LatestAsync(db));
        Assert.Equal(5, anchor?.Count);
        Assert.Matches($"data-testid=\"latest-anchor\">[^<]*#{anchor!.HeadId}[^<]*5 sự kiện", verified);

        // someone deletes the two newest events: what is left still links up
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditEvents" WHERE "Id" > {anchor.HeadId - 2}"""));
        Assert.Null(await VerifyAsync(app));

        // but it no longer reaches the anchored head
        var broken = await app.WithDbAsync(async db => await AuditChain.VerifyAsync(AuditChain.InChainOrder(db.AuditEvents).AsAsyncEnumerable(), await AuditAnchors.LatestAsync(db)));
        Assert.Equal((anchor.HeadId, "Audit.Truncated", 3L), (broken?.EventId, broken?.Reason, broken?.Position));
        // new events and the anchoring timer do not paper over it
        await app.NewClient().PostLoginAsync("nobody", "Wrong@pass1");
        var again = await app.WithDbAsync(db => AuditAnchors.RecordAsync(db, app.Services.GetRequiredService<AuditAnchorFile>(), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));
        Assert.Equal(anchor.Id, again?.Id);
        var page = await VerifyOnPageAsync(client);
        var alert = System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"chain-broken\">([^<]*)<").Groups[1].Value;
        Assert.Contains($"#{anchor.HeadId}", alert);
        Assert.Contains("các bản ghi mới nhất đã bị xóa", alert);
    }

    [Theory, BothProviders]
    public async Task Deleting_the_newest_events_and_the_anchors_table_is_reported_against_the_anchor_file(DatabaseProvider provider)
    {
        var (app, _) = await AppWithLoginsAsync(provider);
        await using var _ = app;
        var admin = await app.AdminAsync();
        var client = await app.LoggedInClientAsync(admin.UserName!);

        // a verification anchors the head in the table and in the file apart from the database
        Assert.Contains("data-testid=\"chain-ok\"", await VerifyOnPageAsync(client));
        var kept = app.Services.GetRequiredService<AuditAnchorFile>().Latest();
        Assert.Equal(5, kept?.Count);
        Assert.True(File.Exists(Path.Combine(app.DataFolder, AuditAnchorFile.FileName)));
        Assert.Contains("data-testid=\"anchor-holds\"", await client.GetStringAsync("/Admin/Audit"));

        // someone deletes the two newest events and every anchor kept in the database
        await app.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditEvents" WHERE "Id" > {kept!.HeadId - 2}""");
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditAnchors" """);
        });
        Assert.Null(await VerifyAsync(app));   // what is left still links up

        // the page shows at once that the chain no longer passes through the anchor, and the verification names it
        Assert.Contains("data-testid=\"anchor-lost\"", await client.GetStringAsync("/Admin/Audit"));
        var page = await VerifyOnPageAsync(client);
        var alert = System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"chain-broken\">([^<]*)<").Groups[1].Value;
        Assert.Contains($"#{kept!.HeadId}", alert);
        Assert.Contains("các bản ghi mới nhất đã bị xóa", alert);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<AuditAnchor>().CountAsync()));   // nothing anchored over it
    }

    private static async Task<string> VerifyOnPageAsync(HttpClient client)
    {
        var token = Http.AntiforgeryToken(await client.GetStringAsync("/Admin/Audit"));
        return await (await client.PostAsync("/Admin/Audit?handler=Verify", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))).PageAsync();
    }
}
