using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Lachan.Infrastructure.Data;

/// <summary>Writes many rows without the change tracker, inside the context's current transaction, so a bulk
/// operation stays all-or-nothing (ARCHITECTURE.md, Data). SQLite: one reused, prepared INSERT per table (bound
/// through SQLite's API where the column types allow, see <see cref="SqliteRawInsert"/>);
/// PostgreSQL: binary COPY. Keys are assigned by the caller; <see cref="CompleteAsync"/> moves PostgreSQL identity
/// sequences past them (SQLite's AUTOINCREMENT counter follows explicit keys by itself).</summary>
public sealed class BulkWriter : IAsyncDisposable
{
    private readonly LachanDb db;
    private readonly DbConnection connection;
    private readonly DbTransaction transaction;
    private readonly ISqlGenerationHelper sql;
    private readonly DataChanges? changes;
    private readonly Dictionary<Type, BulkTable> tables = [];
    private readonly Dictionary<Type, (SqliteCommand Command, SqliteParameter[] Parameters)> inserts = [];
    private readonly Dictionary<Type, SqliteRawInsert?> rawInserts = [];
    private readonly List<string> deferred = [];
    private readonly Dictionary<Type, long> written = [];
    private const int AnalyzeThreshold = 10_000;   // rows written to a table before its statistics are refreshed
    /// <summary>The limit for one set-based statement or COPY of a bulk write (seed, roster import) over a province's rows:
    /// far past what the benches measure, so hitting it means a lock or a bad plan, and the whole write rolls back.</summary>
    public static readonly TimeSpan StatementTimeout = TimeSpan.FromMinutes(10);

    private BulkWriter(LachanDb db)
    {
        this.db = db;
        var tx = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Begin a transaction first: a bulk write is all-or-nothing.");
        transaction = tx.GetDbTransaction();
        connection = db.Database.GetDbConnection();
        sql = db.GetService<ISqlGenerationHelper>();
        changes = DataChanges.Of(db);
    }

    /// <summary>A writer bound to the context's current transaction.</summary>
    public static BulkWriter Begin(LachanDb db) => new(db);

    /// <summary>Inserts the rows as they are (keys included); returns how many were written.</summary>
    public async Task<int> WriteAsync<T>(IEnumerable<T> rows, CancellationToken ct = default) where T : class
    {
        var table = Table(typeof(T));
        var n = db.IsPostgres ? await CopyAsync(table, rows, ct) : Insert(table, rows, ct);
        written[typeof(T)] = written.GetValueOrDefault(typeof(T)) + n;
        if (n > 0) changes?.Written(db, table.EntityType.GetTableName()!);
        return n;
    }

    /// <summary>For a load into empty (or small) tables: drops the tables' secondary indexes, and on PostgreSQL their
    /// foreign keys, until <see cref="CompleteAsync"/> recreates them from the definitions read here. One sort per
    /// index and one set-based check per key is many times faster than a b-tree insert and a trigger per row.
    /// The DDL is part of the transaction, so a failed load leaves the schema as it was. Takes exclusive locks.</summary>
    /// <param name="keysToOtherTables">Also defer PostgreSQL foreign keys to tables not in <paramref name="types"/>.
    /// Dropping a key locks the table it references too, so a load into a live registry keeps the keys to its
    /// enterprises and lodging houses and defers only those among the tables it locks anyway.</param>
    /// <returns>False when PostgreSQL did not grant the locks within <see cref="DeferLockWait"/>: nothing is deferred
    /// then, and the load keeps every index (slower) rather than make the whole app wait behind it.</returns>
    public async Task<bool> DeferIndexesAsync(IReadOnlyCollection<Type> types, bool keysToOtherTables = true, CancellationToken ct = default)
    {
        if (!db.IsPostgres)
        {
            await DropIndexesAsync(types, keysToOtherTables, ct);
            return true;
        }
        // An exclusive lock waits for every transaction that has read the table, and every new reader queues behind
        // it: with no bound, one long report would stall the app. So all the tables are locked at once without waiting
        // (NOWAIT), tried again for a moment, in a savepoint to fall back to: waiting for one table while holding
        // another's lock would stall that one's readers meanwhile (lock_timeout bounds each wait, not the whole).
        string[] before = [.. deferred];
        var previous = await ScalarAsync("SELECT current_setting('lock_timeout')", ct);
        var all = string.Join(", ", types.Select(t => Table(t).Table));
        var deadline = DateTime.UtcNow + DeferLockWait;
        while (true)
        {
            await ExecuteAsync("SAVEPOINT defer_indexes", ct);
            try
            {
                await ExecuteAsync($"LOCK TABLE {all} IN ACCESS EXCLUSIVE MODE NOWAIT", ct);
                break;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
            {
                await ExecuteAsync("ROLLBACK TO SAVEPOINT defer_indexes; RELEASE SAVEPOINT defer_indexes", ct);
                if (DateTime.UtcNow >= deadline) return false;
                await Task.Delay(50, ct);
            }
        }
        // The drops may still wait, for a table outside these (a key to another table): bounded the same way.
        await ExecuteAsync($"SET LOCAL lock_timeout = '{(int)DeferLockWait.TotalMilliseconds}ms'", ct);
        try
        {
            await DropIndexesAsync(types, keysToOtherTables, ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.DeadlockDetected)
        {
            // the drops and the SET LOCAL are undone
            await ExecuteAsync("ROLLBACK TO SAVEPOINT defer_indexes; RELEASE SAVEPOINT defer_indexes", ct);
            deferred.Clear();
            deferred.AddRange(before);
            return false;
        }
        await ExecuteAsync("RELEASE SAVEPOINT defer_indexes", ct);
        await ExecuteAsync($"SELECT set_config('lock_timeout', '{previous.Replace("'", "''", StringComparison.Ordinal)}', true)", ct);
        return true;
    }

    /// <summary>How long <see cref="DeferIndexesAsync"/> tries for its locks on PostgreSQL.</summary>
    public static readonly TimeSpan DeferLockWait = TimeSpan.FromSeconds(2);

    private async Task DropIndexesAsync(IReadOnlyCollection<Type> types, bool keysToOtherTables, CancellationToken ct)
    {
        var locked = string.Join(", ", types.Select(t => RegClass(Table(t))));
        foreach (var table in types.Select(Table))
        {
            if (db.IsPostgres)
            {
                var regclass = RegClass(table);
                foreach (var (name, definition) in await PairsAsync(
                    $"SELECT quote_ident(conname), pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = {regclass} AND contype = 'f'" +
                    (keysToOtherTables ? "" : $" AND confrelid IN ({locked})"), ct))
                {
                    await ExecuteAsync($"ALTER TABLE {table.Table} DROP CONSTRAINT {name}", ct);
                    deferred.Add($"ALTER TABLE {table.Table} ADD CONSTRAINT {name} {definition}");
                }
                foreach (var (name, definition) in await PairsAsync(
                    $"SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i WHERE i.indrelid = {regclass} " +
                    "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)", ct))
                {
                    await ExecuteAsync($"DROP INDEX {name}", ct);
                    deferred.Insert(0, definition);   // indexes before foreign keys: the checks can use them
                }
            }
            else
            {
                var literal = "'" + table.EntityType.GetTableName()!.Replace("'", "''", StringComparison.Ordinal) + "'";
                foreach (var (name, definition) in await PairsAsync(
                    $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = {literal} AND sql IS NOT NULL", ct))
                {
                    await ExecuteAsync($"DROP INDEX {sql.DelimitIdentifier(name)}", ct);
                    deferred.Add(definition);
                }
            }
        }
    }

    /// <summary>Recreates deferred indexes and keys, refreshes the planner's statistics of the tables that got many rows, and on
    /// PostgreSQL sets each written table's identity sequence past its largest key.</summary>
    public async Task CompleteAsync(CancellationToken ct = default)
    {
        if (deferred.Count > 0) await PostgresMemory.RaiseAsync(db, 256, ct, PostgresMemory.IndexBuilds);
        // SQLite sorts a new index's keys on helper threads when allowed to (its default is none).
        var sorterThreads = !db.IsPostgres && deferred.Count > 0;
        if (sorterThreads) await ExecuteAsync($"PRAGMA threads = {Environment.ProcessorCount}", ct);
        try
        {
            foreach (var statement in deferred) await ExecuteAsync(statement, ct);
        }
        finally
        {
            if (sorterThreads) await ExecuteAsync("PRAGMA threads = 0", CancellationToken.None);   // the pooled connection goes back as it came
        }
        deferred.Clear();
        // Fresh statistics: without them SQLite's planner takes any equality index (e.g. province + name for a
        // CCCD lookup) and PostgreSQL guesses until autovacuum gets round to the new rows. SQLite reads every row: with
        // a sample (analysis_limit), which saved ~0.7 s at 500,000 workers, its planner made "who is affected"
        // twice as slow (p95 431 → 870 ms at 300,000 workers).
        foreach (var type in written.Where(w => w.Value >= AnalyzeThreshold).Select(w => w.Key))
            await ExecuteAsync("ANALYZE " + tables[type].Table, ct);
        if (!db.IsPostgres) return;
        foreach (var table in tables.Values.Where(t => t.GeneratedKey is not null))
        {
            var key = table.GeneratedKey!;
            var literalTable = table.Table.Replace("'", "''", StringComparison.Ordinal);
            var literalColumn = key.RawName.Replace("'", "''", StringComparison.Ordinal);
            await ExecuteAsync(
                $"SELECT setval(pg_get_serial_sequence('{literalTable}', '{literalColumn}'), COALESCE((SELECT MAX({key.Name}) FROM {table.Table}), 0) + 1, false)", ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (command, _) in inserts.Values)
            await command.DisposeAsync();
        inserts.Clear();
        foreach (var raw in rawInserts.Values) raw?.Dispose();
        rawInserts.Clear();
    }

    private async Task ExecuteAsync(string text, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = text;
        cmd.CommandTimeout = (int)StatementTimeout.TotalSeconds;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private async Task<string> ScalarAsync(string text, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = text;
        return (string)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private async Task<List<(string, string)>> PairsAsync(string text, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = text;
        var pairs = new List<(string, string)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) pairs.Add((reader.GetString(0), reader.GetString(1)));
        return pairs;
    }

    private static string RegClass(BulkTable table) => "'" + table.Table.Replace("'", "''", StringComparison.Ordinal) + "'::regclass";

    private BulkTable Table(Type type)
    {
        if (!tables.TryGetValue(type, out var table))
            tables[type] = table = BulkTable.For(db.Model, type, sql);
        return table;
    }

    private int Insert<T>(BulkTable table, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        if (!rawInserts.TryGetValue(typeof(T), out var fast))
        {
            var sql = $"INSERT INTO {table.Table} ({string.Join(", ", table.Columns.Select(c => c.Name))}) VALUES ({string.Join(", ", table.Columns.Select((c, i) => "$p" + i))})";
            rawInserts[typeof(T)] = fast = SqliteRawInsert.TryPrepare((SqliteConnection)connection, table, sql);
        }
        if (fast is not null) return fast.Write(rows, ct);

        if (!inserts.TryGetValue(typeof(T), out var insert))
        {
            var command = (SqliteCommand)connection.CreateCommand();
            command.Transaction = (SqliteTransaction)transaction;
            var names = table.Columns.Select((c, i) => "$p" + i).ToArray();
            command.CommandText = $"INSERT INTO {table.Table} ({string.Join(", ", table.Columns.Select(c => c.Name))}) VALUES ({string.Join(", ", names)})";
            var parameters = table.Columns
                .Select((c, i) => (SqliteParameter)c.Mapping.CreateParameter(command, names[i], null, c.Property.IsNullable))
                .ToArray();
            command.Parameters.AddRange(parameters);
            command.Prepare();
            inserts[typeof(T)] = insert = (command, parameters);
        }
        var columns = table.Columns;
        var n = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
                insert.Parameters[i].Value = columns[i].ProviderValue(row) ?? DBNull.Value;
            insert.Command.ExecuteNonQuery();
            if (++n % 10_000 == 0) ct.ThrowIfCancellationRequested();
        }
        return n;
    }

    private async Task<int> CopyAsync<T>(BulkTable table, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        var npgsql = (NpgsqlConnection)connection;
        var columns = table.Columns;
        var types = columns.Select(c => c.Mapping.StoreTypeNameBase).ToArray();
        var copy = $"COPY {table.Table} ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await npgsql.BeginBinaryImportAsync(copy, ct);
        // the COPY's end checks the keys and fills the indexes of every row at once: for a full-size demo table that takes
        // longer than the connection's 30-second command timeout, and a bulk write is bounded by its transaction anyway
        importer.Timeout = StatementTimeout;
        var n = 0;
        foreach (var row in rows)
        {
            importer.StartRow();
            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i].ProviderValue(row) is { } value) importer.Write(value, types[i]);
                else importer.WriteNull();
            }
            if (++n % 10_000 == 0) ct.ThrowIfCancellationRequested();
        }
        await importer.CompleteAsync(ct);
        return n;
    }
}
