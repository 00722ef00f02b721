using Lachan.Features.Registry.Contracts;
using System.Text.RegularExpressions;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Lachan.Tests.Integration;

/// <summary>Migrations of each provider build the current EF model on an empty database (the drift test).</summary>
public sealed class DatabaseTests
{
    [Theory, BothProviders]
    public async Task Migrations_apply_on_an_empty_database_and_match_the_model(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Contexts.Open(database);

        var all = db.Database.GetMigrations().ToList();
        Assert.NotEmpty(all);
        Assert.Empty(await db.Database.GetAppliedMigrationsAsync());

        await DataModule.MigrateAsync(db);

        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The EF model has changes that the {provider} migrations do not have. Add a migration for both providers: " +
            $"dotnet ef migrations add NAME --context {provider}LachanDb --output-dir Infrastructure/Data/Migrations/{provider}");

        // and the schema works: a row with Vietnamese text and a DateOnly goes in and comes back unchanged
        db.Set<AdminUnit>().Add(new() { Code = "07700", Name = "Nếnh", Kind = "thị trấn", Level = Features.Registry.Contracts.AdminLevel.Commune, ValidFrom = new DateOnly(1999, 12, 1) });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var unit = await db.Set<AdminUnit>().SingleAsync();
        Assert.Equal(("Nếnh", "thị trấn", new DateOnly(1999, 12, 1)), (unit.Name, unit.Kind, unit.ValidFrom));
    }

    [Theory, BothProviders]
    public async Task Migrating_twice_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = Contexts.Open(database)) await DataModule.MigrateAsync(db);
        await using (var db = Contexts.Open(database))
        {
            await DataModule.MigrateAsync(db);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        // Opening a context does not connect: the migration lists come from the assemblies.
        using var sqlite = Contexts.Open(DatabaseProvider.Sqlite, "Data Source=:memory:");
        using var pg = Contexts.Open(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=none");
        static List<string> Names(LachanDb db) => db.Database.GetMigrations().Select(id => Regex.Replace(id, "^[0-9]+_", "")).ToList();
        Assert.Equal(Names(sqlite), Names(pg));
        // Each provider's migrations belong to its own context only.
        Assert.All(sqlite.GetService<IMigrationsAssembly>().Migrations.Values, t => Assert.Contains(".Sqlite", t.Namespace));
        Assert.All(pg.GetService<IMigrationsAssembly>().Migrations.Values, t => Assert.Contains(".Postgres", t.Namespace));
    }

    [Theory, BothProviders]
    public async Task Audit_events_keep_their_hash_through_a_round_trip(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = Contexts.Open(database))
        {
            await DataModule.MigrateAsync(db);
            var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2021, 5, 18, 8, 0, 0, TimeSpan.Zero).AddTicks(1_234_567));
            for (var i = 0; i < 5; i++)
            {
                db.AuditEvents.Add(new AuditEvent { At = AuditChain.Now(time), UserName = "admin", Action = "update", EntityType = "Worker", EntityId = i.ToString(), After = "{\"FullName\":\"Đặng Thị Hồng\"}" });
                time.Advance(TimeSpan.FromTicks(7_777));
            }
            await db.SaveChangesAsync(); // writes them in one transaction, unlinked
            db.AuditEvents.Add(new AuditEvent { At = AuditChain.Now(time), UserName = "kcn", Action = "view", EntityType = "Worker", EntityId = "3" });
            await db.SaveChangesAsync();
            Assert.Equal(6, await AuditLinker.LinkAsync(db));
        }
        await using (var db = Contexts.Open(database))
        {
            var events = await AuditChain.InChainOrder(db.AuditEvents).ToListAsync();
            Assert.Equal(6, events.Count);
            Assert.Equal(events.Select(e => e.Id).Order(), events.Select(e => e.Id));   // in id order
            Assert.Equal("", events[0].PrevHash);
            Assert.All(events.Skip(1).Zip(events), p => Assert.Equal(p.Second.Hash, p.First.PrevHash));
            Assert.Null(await AuditChain.VerifyAsync(AuditChain.InChainOrder(db.AuditEvents).AsAsyncEnumerable()));
        }
    }
}
