using Microsoft.EntityFrameworkCore;

namespace Lachan.Infrastructure.Data;

/// <summary>For a province-wide scan on SQLite: reads the file through a memory map instead of a read() per 4 KB page
/// while the scan runs (who is affected at 300,000 workers: 0.57 s → 0.29 s in SQLite itself), then unmaps it. Only
/// for the scan, because mapped pages count in the process's RSS for as long as they stay mapped (230 MB after the
/// registry loops with a permanent map), though they are the OS page cache either way. No-op on PostgreSQL.</summary>
public sealed class SqliteMemoryMap : IAsyncDisposable
{
    public const long MapBytes = 1L << 30;
    private readonly LachanDb? _db;

    private SqliteMemoryMap(LachanDb? db) => _db = db;

    public static async Task<SqliteMemoryMap> ForScanAsync(LachanDb db, CancellationToken ct = default)
    {
        if (db.IsPostgres) return new SqliteMemoryMap(null);
        await db.Database.OpenConnectionAsync(ct);   // one connection for the whole scan, so the pragma applies to it
        await db.Database.ExecuteSqlRawAsync($"PRAGMA mmap_size = {MapBytes};", ct);
        return new SqliteMemoryMap(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is null) return;
        await _db.Database.ExecuteSqlRawAsync("PRAGMA mmap_size = 0;");
        await _db.Database.CloseConnectionAsync();
    }
}
