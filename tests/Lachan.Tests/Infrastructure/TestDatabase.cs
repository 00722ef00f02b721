using Lachan.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lachan.Tests.Infrastructure;

/// <summary>An empty database of its own for one fixture: a temporary SQLite file, or a fresh database on the
/// PostgreSQL server named by LACHAN_TEST_PG (which scripts/test.sh starts). Dropped on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "LACHAN_TEST_PG";

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    private readonly string? _sqliteFile;
    private readonly string? _pgName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFile, string? pgName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
        _pgName = pgName;
    }

    /// <summary>The PostgreSQL server for tests. Missing is a failure, never a silent skip: both providers must run.</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                $"{PostgresVariable} is not set, so the PostgreSQL tests cannot run. Run the tests with `bash scripts/test.sh` " +
                $"(it installs and starts a throwaway PostgreSQL and sets {PostgresVariable}), or set it yourself, e.g. " +
                $"{PostgresVariable}=\"Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres\".");

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var dir = Path.Combine(Path.GetTempPath(), "lachan-tests");
            Directory.CreateDirectory(dir);
            var file = Path.Combine(dir, $"t-{Guid.NewGuid():N}.db");
            return new TestDatabase(provider, new SqliteConnectionStringBuilder { DataSource = file }.ToString(), file, null);
        }

        var server = new NpgsqlConnectionStringBuilder(PostgresServer);
        var name = $"lachan_t_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server.ToString()))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(server.ToString()) { Database = name };
        return new TestDatabase(provider, cs.ToString(), null, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            using (var c = new SqliteConnection(ConnectionString)) SqliteConnection.ClearPool(c);
            foreach (var f in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
                try { File.Delete(f); } catch (IOException) { }
        }
        if (_pgName is not null)
        {
            using (var c = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(c);
            await using var admin = new NpgsqlConnection(PostgresServer);
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_pgName}\" WITH (FORCE)", admin);
            await cmd.ExecuteNonQueryAsync();
        }
    }

    public override string ToString() => $"{Provider} {(_sqliteFile ?? _pgName)}";
}
