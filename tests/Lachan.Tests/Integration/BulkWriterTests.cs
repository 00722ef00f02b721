using System.Diagnostics;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lachan.Tests.Integration;

/// <summary>Deferring indexes for a large load (the roster commit's first load of a province, the seeder) leaves the
/// schema as it was, whether the load commits or rolls back; on PostgreSQL a load into a live registry keeps the
/// foreign keys to tables outside the load, so those tables are never locked.</summary>
public sealed class BulkWriterTests
{
    private static readonly Type[] Loaded = [typeof(Worker), typeof(Employment), typeof(MovementEvent)];

    /// <summary>Names of every index and foreign key (SQLite keeps its keys in the table definitions).</summary>
    internal static IQueryable<string> Schema(LachanDb db) => db.Database.SqlQueryRaw<string>(db.IsPostgres
            ? "SELECT indexname AS \"Value\" FROM pg_indexes WHERE schemaname = current_schema() UNION ALL SELECT conname FROM pg_constraint WHERE contype = 'f'"
            : "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'index'")
        .OrderBy(n => n);

    internal static Task<List<string>> SchemaAsync(LachanDb db) => Schema(db).ToListAsync();

    [Theory, BothProviders]
    public async Task Indexes_and_keys_among_the_loaded_tables_are_rebuilt_and_keys_to_other_tables_stay(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Contexts.Open(database);
        await DataModule.MigrateAsync(db);
        var before = await SchemaAsync(db);

        foreach (var commit in new[] { false, true })
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await using (var bulk = BulkWriter.Begin(db))
            {
                await bulk.DeferIndexesAsync(Loaded, keysToOtherTables: false);
                var during = await SchemaAsync(db);
                Assert.DoesNotContain("IX_Workers_Cccd", during);
                Assert.DoesNotContain("IX_Employments_WorkerId_To_From_EnterpriseId", during);
                if (provider == DatabaseProvider.Postgres)
                {
                    Assert.DoesNotContain("FK_Employments_Workers_WorkerId", during);
                    Assert.Contains("FK_Workers_Enterprises_CurrentEnterpriseId", during);
                    Assert.Contains("FK_Employments_Enterprises_EnterpriseId", during);
                }
                if (commit) await bulk.CompleteAsync();
            }
            if (commit) await tx.CommitAsync();
            else await tx.RollbackAsync();
            Assert.Equal(before, await SchemaAsync(db));
        }
    }

    /// <summary>A reader that holds one of the tables (a long report) makes the deferral give up after its wait instead
    /// of queueing every other reader behind it; while it tries it holds none of the other tables, the load goes on with
    /// every index, and the session's lock_timeout is as it was, whether it deferred or not.</summary>
    [Fact]
    public async Task On_PostgreSQL_deferral_gives_up_after_the_lock_timeout_while_a_reader_holds_a_table()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var db = Contexts.Open(database);
        await DataModule.MigrateAsync(db);
        var before = await SchemaAsync(db);
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("SET lock_timeout = '30s'");

        await using var reader = new NpgsqlConnection(database.ConnectionString);
        await reader.OpenAsync();
        await using var read = await reader.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("LOCK TABLE \"Employments\" IN ACCESS SHARE MODE", reader, read))
            await hold.ExecuteNonQueryAsync();

        await using var tx = await db.Database.BeginTransactionAsync();
        await using (var bulk = BulkWriter.Begin(db))
        {
            var clock = Stopwatch.StartNew();
            var deferring = bulk.DeferIndexesAsync(Loaded, keysToOtherTables: false);
            // While it tries, it holds no other table: a reader of the workers is served at once, not after the wait.
            await Task.Delay(500);
            Exception? readerWaited = null;
            await using (var other = new NpgsqlConnection(database.ConnectionString))
            {
                await other.OpenAsync();
                await using var count = new NpgsqlCommand("SET lock_timeout = '300ms'; SELECT COUNT(*) FROM \"Workers\"", other);
                try { await count.ExecuteScalarAsync(); }
                catch (PostgresException e) { readerWaited = e; }
            }
            Assert.False(await deferring);   // awaited first: the test's connection is free again whatever comes next
            Assert.Null(readerWaited);
            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(15));
            Assert.Equal(before, await SchemaAsync(db));
            Assert.Equal("30s", await LockTimeoutAsync(db));

            await read.RollbackAsync();   // the reader is done: now the deferral goes through
            Assert.True(await bulk.DeferIndexesAsync(Loaded, keysToOtherTables: false));
            Assert.DoesNotContain("IX_Workers_Cccd", await SchemaAsync(db));
            Assert.Equal("30s", await LockTimeoutAsync(db));
            await bulk.CompleteAsync();
        }
        await tx.CommitAsync();
        Assert.Equal(before, await SchemaAsync(db));
        Assert.Equal("30s", await LockTimeoutAsync(db));
    }

    private static Task<string> LockTimeoutAsync(LachanDb db) =>
        db.Database.SqlQueryRaw<string>("SELECT current_setting('lock_timeout') AS \"Value\"").SingleAsync();
}
