using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Lachan.Infrastructure.Data;

public enum DatabaseProvider { Sqlite, Postgres }

public static class DataModule
{
    public const string DefaultSqlite = "Data Source=data/lachan.db";

    public static DatabaseProvider Provider(IConfiguration config) =>
        Enum.TryParse<DatabaseProvider>(config["Database:Provider"], ignoreCase: true, out var p) ? p : DatabaseProvider.Sqlite;

    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration config)
    {
        var provider = Provider(config);
        var cs = config.GetConnectionString("Lachan");
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(cs))
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Lachan is not set.");
            cs = WithConnectionDefaults(cs);
            services.AddDbContext<LachanDb, PostgresLachanDb>((sp, o) => o.UseNpgsql(cs).AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
        }
        else
        {
            cs = string.IsNullOrWhiteSpace(cs) ? DefaultSqlite : cs;
            EnsureSqliteFolder(cs);
            services.AddDbContext<LachanDb, SqliteLachanDb>((sp, o) => o.UseSqlite(cs).AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
        }
        // Keys in the database: every node behind a load balancer can read every other node's cookies.
        services.AddDataProtection().SetApplicationName("Lachan").PersistKeysToDbContext<LachanDb>();
        services.AddSingleton<DataChanges>();
        services.AddSingleton<KeptAnswers>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(s => new DataChangesInterceptor(s.GetRequiredService<DataChanges>()));
        services.AddScoped<PlainReader>();
        services.AddSingleton<Calendar.ProvinceCalendar>();
        services.AddHealthChecks().AddDbContextCheck<LachanDb>("database");
        return services;
    }

    /// <summary>PostgreSQL connections as the app uses them, unless the connection string says otherwise:
    /// - Npgsql prepares the statements a connection runs often: each API request's token check and lookup were parsed and
    ///   planned anew on every call;
    /// - a connection given back to the pool is not reset: the reset (run by PostgreSQL before the connection's next
    ///   statement) came with every read of every request, three or four per help form. The app keeps no session state to
    ///   reset: its settings are SET LOCAL / set_config(…, true), its advisory locks end with their transaction, its
    ///   temporary tables are dropped at commit, and Npgsql rolls back a transaction left open on close anyway.</summary>
    internal static string WithConnectionDefaults(string cs)
    {
        // the plain builder: Npgsql's own answers ContainsKey for every keyword it knows, given or not
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = cs };
        var b = new Npgsql.NpgsqlConnectionStringBuilder(cs);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare")) b.MaxAutoPrepare = 50;
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose")) b.NoResetOnClose = true;
        return b.ConnectionString;
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var dir = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(dir) && builder.DataSource != ":memory:") Directory.CreateDirectory(dir);
    }

    /// <summary>Applies pending migrations. SQLite additionally runs in WAL mode so readers never wait for the writer.</summary>
    public static async Task MigrateAsync(LachanDb db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        // Data a module derives once for rows written before it kept it (e.g. the registry's name words).
        var services = AppServices.Of(db);
        foreach (var backfill in services?.GetServices<IDataBackfill>() ?? [])
            await backfill.RunAsync(db, ct);
        // the demo's day, kept in memory from now on: read here, before any seed's long transaction could make it wait
        if (services?.GetService<Calendar.ProvinceCalendar>() is { } calendar) await calendar.LoadAsync(db, ct);
        if (!db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            // A database filled before statistics were kept: gather them once (instant on an empty one; bulk loads
            // gather their own).
            var hasStats = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE name = 'sqlite_stat1'").SingleAsync(ct) > 0;
            if (!hasStats)
                await UpdateStatisticsAsync(db, ct);
        }
    }

    /// <summary>Gathers the planner's statistics (BulkWriter does it for the tables it fills). Without them SQLite guesses,
    /// and for "the workers of one enterprise, by name" it walks the (ProvinceCode, NameSearch) index through the whole
    /// province (0.6 s at 300,000 workers) instead of seeking (CurrentEnterpriseId, ProvinceCode). About 1 s at 300,000.</summary>
    public static Task UpdateStatisticsAsync(LachanDb db, CancellationToken ct = default) =>
        db.Database.ExecuteSqlRawAsync("ANALYZE;", ct);
}

/// <summary>For `dotnet ef migrations add … --context SqliteLachanDb`.</summary>
public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteLachanDb>
{
    public SqliteLachanDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteLachanDb>().UseSqlite(DataModule.DefaultSqlite).Options);
}

/// <summary>For `dotnet ef migrations add … --context PostgresLachanDb` (no server needed to add a migration).</summary>
public sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresLachanDb>
{
    public PostgresLachanDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresLachanDb>().UseNpgsql("Host=localhost;Database=lachan").Options);
}

/// <summary>A module's one-off filling of data it derives (run after every migration; cheap when there is nothing to do).</summary>
public interface IDataBackfill
{
    Task RunAsync(LachanDb db, CancellationToken ct);
}
