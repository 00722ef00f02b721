using Lachan.Features.Registry.Model;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration;

/// <summary>Deferring indexes for a large load (the roster commit's first load of a province, the seeder) leaves the
/// schema as it was, whether the load commits or rolls back; on PostgreSQL a load into a live registry keeps the
/// foreign keys to tables outside the load, so those tables are never locked.</summary>
public sealed class BulkWriterTests
{
    private static readonly Type[] Loaded = [typeof(Worker), typeof(Employment), typeof(MovementEvent)];

    /// <summary>Names of every index and foreign key (SQLite keeps its keys in the table definitions).</summary>
    private static Task<List<string>> SchemaAsync(LachanDb db) => db.Database.SqlQueryRaw<string>(db.IsPostgres
            ? "SELECT indexname AS \"Value\" FROM pg_indexes WHERE schemaname = current_schema() UNION ALL SELECT conname FROM pg_constraint WHERE contype = 'f'"
            : "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'index'")
        .OrderBy(n => n).ToListAsync();

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
}
