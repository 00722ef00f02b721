using Lachan.Infrastructure.Calendar;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration;

/// <summary>PostgreSQL's working memory is raised through one helper, for one transaction only, and nothing happens on
/// SQLite; outside a transaction (where a local setting would end with its own statement) it refuses.</summary>
public sealed class PostgresMemoryTests
{
    private static Task<string> ShowAsync(LachanDb db, string setting) =>
        db.Database.SqlQueryRaw<string>("SELECT current_setting({0}) AS \"Value\"", setting).SingleAsync();

    [Theory, BothProviders]
    public async Task Memory_is_raised_for_the_transaction_only_and_not_at_all_on_sqlite(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Contexts.Open(database);
        await DataModule.MigrateAsync(db);
        if (provider == DatabaseProvider.Sqlite)
        {
            Assert.Null(await PostgresMemory.ForReadAsync(db, 64, default));
            await PostgresMemory.RaiseAsync(db, 64, default);   // no transaction needed: nothing to do
            Assert.Null(db.Database.CurrentTransaction);
            return;
        }
        await db.Database.OpenConnectionAsync();   // one session throughout, to see the settings go back
        var (sorts, builds) = (await ShowAsync(db, PostgresMemory.Sorts), await ShowAsync(db, PostgresMemory.IndexBuilds));
        await Assert.ThrowsAsync<InvalidOperationException>(() => PostgresMemory.RaiseAsync(db, 64, default));

        await using (var read = await PostgresMemory.ForReadAsync(db, 64, default))
        {
            Assert.NotNull(read);
            Assert.Equal("64MB", await ShowAsync(db, PostgresMemory.Sorts));
        }
        Assert.Equal(sorts, await ShowAsync(db, PostgresMemory.Sorts));

        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            Assert.Null(await PostgresMemory.ForReadAsync(db, 32, default));   // the caller's transaction is used
            await PostgresMemory.RaiseAsync(db, 256, default, PostgresMemory.IndexBuilds);
            Assert.Equal(("32MB", "256MB"), (await ShowAsync(db, PostgresMemory.Sorts), await ShowAsync(db, PostgresMemory.IndexBuilds)));
            await tx.CommitAsync();
        }
        Assert.Equal((sorts, builds), (await ShowAsync(db, PostgresMemory.Sorts), await ShowAsync(db, PostgresMemory.IndexBuilds)));
    }
}

/// <summary>The app's interceptor carries the app's write counter (no look-up in the context's services per command):
/// a write moves it, and the commit of a transaction that wrote moves it again.</summary>
public sealed class DataChangesInterceptorTests
{
    [Theory, BothProviders]
    public async Task A_write_and_its_commit_move_the_counter_the_interceptor_was_given(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var migrate = Contexts.Open(database)) await DataModule.MigrateAsync(migrate);
        var changes = new DataChanges();
        var interceptor = new DataChangesInterceptor(changes);
        await using var db = provider == DatabaseProvider.Sqlite
            ? new SqliteLachanDb(new DbContextOptionsBuilder<SqliteLachanDb>().UseSqlite(database.ConnectionString).AddInterceptors(interceptor).Options)
            : (LachanDb)new PostgresLachanDb(new DbContextOptionsBuilder<PostgresLachanDb>().UseNpgsql(database.ConnectionString).AddInterceptors(interceptor).Options);

        var start = changes.Version;
        await db.Set<KernelSetting>().CountAsync();
        Assert.Equal(start, changes.Version);   // a read moves nothing

        await using var tx = await db.Database.BeginTransactionAsync();
        db.Add(new KernelSetting { Key = "Test:Written", Value = "1" });
        await db.SaveChangesAsync();
        var written = changes.Version;
        Assert.True(written > start);
        await tx.CommitAsync();
        Assert.True(changes.Version > written, "the commit moves it again");
    }
}
