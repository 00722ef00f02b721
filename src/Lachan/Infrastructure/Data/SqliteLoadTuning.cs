using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Infrastructure.Data;

/// <summary>SQLite settings for a large load on the context's connection, applied before its transaction and undone
/// after it: a page cache big enough for the indexes being built and, when building a fresh database, no fsync until
/// the end and a rollback journal instead of the write-ahead log, so the new pages are written once rather than to the
/// log and then again to the file (an empty database has almost nothing to roll back). The journal switch needs the file to itself; when
/// another connection has it open, the load simply stays in WAL mode. A no-op on PostgreSQL.</summary>
public sealed class SqliteLoadTuning : IAsyncDisposable
{
    private readonly LachanDb? db;
    private readonly string cacheSize = "", synchronous = "", journal = "";

    private SqliteLoadTuning() { }

    private SqliteLoadTuning(LachanDb db, string cacheSize, string synchronous, string journal) =>
        (this.db, this.cacheSize, this.synchronous, this.journal) = (db, cacheSize, synchronous, journal);

    /// <param name="relaxSync">Building a fresh database: skip fsync and the write-ahead log. A live database keeps
    /// both and only gets the bigger cache.</param>
    public static async Task<SqliteLoadTuning> ApplyAsync(LachanDb db, int cacheMegabytes = 256, bool relaxSync = true)
    {
        if (db.IsPostgres) return new();
        await db.Database.OpenConnectionAsync();
        var tuning = new SqliteLoadTuning(db, await PragmaAsync(db, "cache_size"), await PragmaAsync(db, "synchronous"), await PragmaAsync(db, "journal_mode"));
        await PragmaAsync(db, "cache_size", (-cacheMegabytes * 1024).ToString(CultureInfo.InvariantCulture));
        if (relaxSync)
        {
            await PragmaAsync(db, "synchronous", "OFF");
            await PragmaAsync(db, "journal_mode", "DELETE");
        }
        return tuning;
    }

    public async ValueTask DisposeAsync()
    {
        if (db is null) return;
        await PragmaAsync(db, "journal_mode", journal);
        await PragmaAsync(db, "synchronous", synchronous);
        await PragmaAsync(db, "cache_size", cacheSize);
        if (journal.Equals("wal", StringComparison.OrdinalIgnoreCase))
            await PragmaAsync(db, "wal_checkpoint", "(TRUNCATE)");   // in case the load stayed in the log
        await db.Database.CloseConnectionAsync();
    }

    private static async Task<string> PragmaAsync(LachanDb db, string name, string? value = null)
    {
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = value is null ? $"PRAGMA {name}" : value.StartsWith('(') ? $"PRAGMA {name}{value}" : $"PRAGMA {name} = {value}";
        return Convert.ToString(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? "";
    }
}
