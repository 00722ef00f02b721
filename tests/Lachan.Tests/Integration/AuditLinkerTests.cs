using System.Net;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lachan.Tests.Integration;

/// <summary>Audit events are written with their change and linked onto the chain after the commit (ADR-0024): an audited
/// write no longer waits for another transaction's audit, and the chain still covers every committed event once.</summary>
public sealed class AuditLinkerTests
{
    private static AuditEvent Event(string action) =>
        new() { At = AuditChain.Now(TimeProvider.System), UserName = "test", Action = action, EntityType = "Test" };

    [Fact]
    public async Task An_audited_write_does_not_wait_for_another_open_transaction_and_a_late_commit_is_linked_after_it()
    {
        await using var app = await LachanApp.StartAsync(DatabaseProvider.Postgres, Seed.Empty);
        var user = await app.NewUserAsync("linker");

        // a long transaction (a candidates draft, a seed) has written its audit event and not committed yet
        await using var slow = Contexts.Open(app.Database);
        await using var tx = await slow.Database.BeginTransactionAsync();
        slow.AuditEvents.Add(Event("slow"));
        await slow.SaveChangesAsync();
        var slowId = slow.AuditEvents.Local.Single().Id;

        // meanwhile a login is audited and answers at once (before, it waited for the chain's lock, held until that commit)
        var login = app.NewClient().PostLoginAsync(user.UserName!);
        Assert.Same(login, await Task.WhenAny(login, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.Equal(HttpStatusCode.Redirect, (await login).StatusCode);
        var loginEvent = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == "login"));
        Assert.NotNull(loginEvent.Seq);   // linked; the slow one, uncommitted, is not in the chain yet
        Assert.True(loginEvent.Id > slowId);

        await tx.CommitAsync();
        var slowEvent = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Id == slowId));
        Assert.True(slowEvent.Seq > loginEvent.Seq);   // its place is after the login's, although its id is smaller
        Assert.Equal(loginEvent.Hash, slowEvent.PrevHash);
        Assert.Null(await app.WithDbAsync(db => AuditChain.VerifyAsync(AuditChain.InChainOrder(db.AuditEvents).AsAsyncEnumerable())));
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Seq == null)));
    }

    [Theory, BothProviders]
    public async Task The_app_links_committed_events_by_itself_within_seconds(DatabaseProvider provider)
    {
        await using var app = await LachanApp.StartAsync(provider, Seed.Empty);
        await app.NewClient().PostLoginAsync("nobody", "Wrong@pass1");

        // read the table directly (WithDbAsync would link): the app's linker has done it
        await using var db = Contexts.Open(app.Database);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await db.AuditEvents.AnyAsync(e => e.Seq == null) && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        var events = await db.AuditEvents.ToListAsync();
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Matches("^[0-9a-f]{64}$", e.Hash));
        Assert.Null(await AuditChain.VerifyAsync(AuditChain.InChainOrder(db.AuditEvents).AsAsyncEnumerable()));
    }

    [Theory, BothProviders]
    public async Task Events_saved_in_a_transaction_are_linked_at_its_commit_not_at_the_next_round(DatabaseProvider provider)
    {
        // a round of a minute: only the commit's nudge can link the event within the test's few seconds
        await using var app = await LachanApp.StartAsync(provider, Seed.Empty, settings: new Dictionary<string, string> { ["Audit:LinkRoundSeconds"] = "60" });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LachanDb>();
            await using var tx = await db.Database.BeginTransactionAsync();
            db.AuditEvents.Add(Event("in-a-transaction"));
            await db.SaveChangesAsync();
            await Task.Delay(300);   // the linker ran meanwhile on its own nudges: the event is not committed yet
            await tx.CommitAsync();
        }

        // read the table directly (WithDbAsync would link)
        await using var read = Contexts.Open(app.Database);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (await read.AuditEvents.AnyAsync(e => e.Action == "in-a-transaction" && e.Seq == null) && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        Assert.NotNull((await read.AuditEvents.SingleAsync(e => e.Action == "in-a-transaction")).Seq);
    }

    [Theory, BothProviders]
    public async Task A_rolled_back_event_leaves_no_hole_and_two_linkers_at_once_link_each_event_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = Contexts.Open(database))
        {
            await DataModule.MigrateAsync(db);
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                db.AuditEvents.Add(Event("rolled-back"));
                await db.SaveChangesAsync();
                await tx.RollbackAsync();
            }
            db.ChangeTracker.Clear();
            for (var i = 0; i < 300; i++) db.AuditEvents.Add(Event("e" + i));
            await db.SaveChangesAsync();
        }

        // two linkers (two app nodes) at the same moment
        var linked = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var db = Contexts.Open(database);
            return await AuditLinker.LinkAsync(db);
        }));
        Assert.Equal(300, linked.Sum());

        await using var check = Contexts.Open(database);
        var chain = await AuditChain.InChainOrder(check.AuditEvents).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 300).Select(i => (long?)i), chain.Select(e => e.Seq));
        Assert.Equal(Enumerable.Range(0, 300).Select(i => "e" + i), chain.Select(e => e.Action));
        Assert.Null(await AuditChain.VerifyAsync(AuditChain.InChainOrder(check.AuditEvents).AsAsyncEnumerable()));
    }

    [Theory, BothProviders]
    public async Task An_event_taken_out_of_the_chain_by_hand_breaks_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Contexts.Open(database);
        await DataModule.MigrateAsync(db);
        for (var i = 0; i < 5; i++) db.AuditEvents.Add(Event("e" + i));
        await db.SaveChangesAsync();
        await AuditLinker.LinkAsync(db);

        // clearing a row's place makes the linker put it at the end: the row after its old place no longer links
        var second = await AuditChain.InChainOrder(db.AuditEvents).Skip(1).Select(e => e.Id).FirstAsync();
        await db.Database.ExecuteSqlAsync($"""UPDATE "AuditEvents" SET "Seq" = NULL, "Hash" = '' WHERE "Id" = {second}""");
        await AuditLinker.LinkAsync(db);
        var broken = await AuditChain.VerifyAsync(AuditChain.InChainOrder(db.AuditEvents).AsAsyncEnumerable());
        Assert.Equal("Audit.BrokenLink", broken?.Reason);
    }
}
