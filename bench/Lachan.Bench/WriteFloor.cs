using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lachan.Bench;

/// <summary>A second floor beside the bare-table one: the database's own work for the rows an import actually wrote.
/// The workers, employments, residences and movements the import added are copied by the database itself
/// (INSERT … SELECT, no client, no parsing) into the registry as it was before the import, with the secondary indexes
/// dropped and rebuilt as a first load does, statistics refreshed, in one transaction. What remains of our time
/// above it is reading, parsing, checking, planning and sending the rows.</summary>
internal static class WriteFloor
{
    private static readonly string[] Written = ["Workers", "Employments", "Residences", "MovementEvents"];
    private static readonly string[] Reindexed = ["Workers", "Employments", "MovementEvents"];

    public static async Task<Dictionary<string, long>> LastIdsAsync(DbConnection connection)
    {
        var q = connection is NpgsqlConnection ? "\"" : "";
        var ids = new Dictionary<string, long>();
        foreach (var table in Written)
            ids[table] = Convert.ToInt64(await ScalarAsync(connection, null, $"SELECT COALESCE(MAX({q}Id{q}), 0) FROM {q}{table}{q}"), System.Globalization.CultureInfo.InvariantCulture);
        return ids;
    }

    /// <summary>SQLite: <paramref name="before"/> is a copy of the database taken before the import, <paramref name="after"/>
    /// the database after it. Returns the seconds of the timed transaction.</summary>
    public static async Task<double> SqliteAsync(string before, string after, Dictionary<string, long> lastIds, Dictionary<string, long> upTo)
    {
        await using var c = new SqliteConnection($"Data Source={before}");
        await c.OpenAsync();
        // The import's own settings for a load (SqliteLoadTuning, BulkWriter).
        await ExecAsync(c, null, "PRAGMA cache_size = -262144");
        await ExecAsync(c, null, $"ATTACH DATABASE '{after.Replace("'", "''", StringComparison.Ordinal)}' AS imported");
        var indexes = await ListAsync(c, "SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN " +
                                         $"({string.Join(", ", Reindexed.Select(t => $"'{t}'"))})");
        var sw = Stopwatch.StartNew();
        await using var tx = await c.BeginTransactionAsync();
        foreach (var (name, _) in indexes) await ExecAsync(c, tx, $"DROP INDEX \"{name}\"");
        foreach (var table in Written)
            await ExecAsync(c, tx, $"INSERT INTO main.\"{table}\" SELECT * FROM imported.\"{table}\" WHERE \"Id\" > {lastIds[table]} AND \"Id\" <= {upTo[table]}");
        await ExecAsync(c, tx, $"PRAGMA threads = {Environment.ProcessorCount}");
        foreach (var (_, sql) in indexes) await ExecAsync(c, tx, sql);
        foreach (var table in Reindexed) await ExecAsync(c, tx, $"ANALYZE \"{table}\"");
        await tx.CommitAsync();
        return sw.Elapsed.TotalSeconds;
    }

    /// <summary>PostgreSQL: copies of the four tables in a scratch schema, holding the rows from before the import, their
    /// primary keys and their foreign keys to other tables (untimed); then the timed transaction adds the imported rows,
    /// builds the secondary indexes and adds back the keys among the reloaded tables, as a first load does.</summary>
    public static async Task<double> PostgresAsync(string connectionString, Dictionary<string, long> lastIds, Dictionary<string, long> upTo)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await ExecAsync(c, null, "DROP SCHEMA IF EXISTS lachan_floor CASCADE; CREATE SCHEMA lachan_floor");
        try
        {
            foreach (var table in Written)
            {
                await ExecAsync(c, null, $"CREATE TABLE lachan_floor.\"{table}\" (LIKE public.\"{table}\" INCLUDING DEFAULTS)");
                await ExecAsync(c, null, $"INSERT INTO lachan_floor.\"{table}\" SELECT * FROM public.\"{table}\" WHERE \"Id\" <= {lastIds[table]}");
                await ExecAsync(c, null, $"ALTER TABLE lachan_floor.\"{table}\" ADD PRIMARY KEY (\"Id\")");
            }
            var indexes = (await ListAsync(c, "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename IN " +
                                              $"({string.Join(", ", Reindexed.Select(t => $"'{t}'"))}) AND indexname NOT IN (SELECT conname FROM pg_constraint)"))
                .Select(i => i.Item2.Replace(" ON public.", " ON lachan_floor.", StringComparison.Ordinal)).ToList();
            // The same foreign keys as the import: those to other tables (enterprises, lodging houses) are checked row by
            // row, as the import's are; those among the reloaded tables are added back after the load, as the import does.
            var keys = new List<string>();
            foreach (var (table, key) in await ListAsync(c, "SELECT conrelid::regclass::text, quote_ident(conname) || ' ' || pg_get_constraintdef(oid) " +
                                                           $"FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text IN ({string.Join(", ", Written.Select(t => $"'\"{t}\"'"))})"))
            {
                var local = Written.Aggregate(key, (k, t) => k.Replace($"REFERENCES \"{t}\"(", $"REFERENCES lachan_floor.\"{t}\"(", StringComparison.Ordinal));
                var statement = $"ALTER TABLE lachan_floor.{table} ADD CONSTRAINT {local}";
                if (Reindexed.Any(t => table == $"\"{t}\"") && Reindexed.Any(t => key.Contains($"REFERENCES \"{t}\"(", StringComparison.Ordinal))) keys.Add(statement);
                else await ExecAsync(c, null, statement);
            }
            await ExecAsync(c, null, "ANALYZE");
            await ExecAsync(c, null, "CHECKPOINT");
            var sw = Stopwatch.StartNew();
            await using var tx = await c.BeginTransactionAsync();
            await ExecAsync(c, tx, "SET LOCAL maintenance_work_mem = '256MB'");
            foreach (var table in Written)
                await ExecAsync(c, tx, $"INSERT INTO lachan_floor.\"{table}\" SELECT * FROM public.\"{table}\" WHERE \"Id\" > {lastIds[table]} AND \"Id\" <= {upTo[table]}");
            foreach (var sql in indexes) await ExecAsync(c, tx, sql);
            foreach (var sql in keys) await ExecAsync(c, tx, sql);
            foreach (var table in Reindexed) await ExecAsync(c, tx, $"ANALYZE lachan_floor.\"{table}\"");
            await tx.CommitAsync();
            return sw.Elapsed.TotalSeconds;
        }
        finally
        {
            await ExecAsync(c, null, "DROP SCHEMA lachan_floor CASCADE");
        }
    }

    public static async Task CheckpointAsync(string connectionString)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await ExecAsync(c, null, "CHECKPOINT");
    }

    private static async Task ExecAsync(DbConnection c, DbTransaction? tx, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(DbConnection c, DbTransaction? tx, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync();
    }

    private static async Task<List<(string, string)>> ListAsync(DbConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetString(1)));
        return rows;
    }
}
