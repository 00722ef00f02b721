using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lachan.Infrastructure.Data;

/// <summary>More memory for PostgreSQL's sorts and hashes (work_mem, 4 MB by default) or index builds
/// (maintenance_work_mem) for one transaction only: a read or load over a province's rows spills to disk without it, and
/// the server's default stays small for the many small queries. Nothing on SQLite, which has no such limit.</summary>
public static class PostgresMemory
{
    public const string Sorts = "work_mem", IndexBuilds = "maintenance_work_mem";

    /// <summary>For the rest of the caller's transaction (a local setting ends with it).</summary>
    public static async Task RaiseAsync(LachanDb db, int megabytes, CancellationToken ct, string setting = Sorts)
    {
        if (!db.IsPostgres) return;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(megabytes);
        if (setting is not (Sorts or IndexBuilds)) throw new ArgumentOutOfRangeException(nameof(setting), setting, null);
        // outside a transaction the setting would end with the statement that makes it: a mistake to see, not a silent no-op
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Begin a transaction first: the memory is raised for it only.");
        await db.Database.ExecuteSqlRawAsync("SELECT set_config({0}, {1}, true)", [setting, $"{megabytes}MB"], ct);
    }

    /// <summary>For a read: in the caller's transaction if there is one, else in one begun here and returned for the
    /// caller to dispose (the memory goes back with it). Null on SQLite or inside the caller's transaction.</summary>
    public static async Task<IDbContextTransaction?> ForReadAsync(LachanDb db, int megabytes, CancellationToken ct)
    {
        if (!db.IsPostgres) return null;
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await RaiseAsync(db, megabytes, ct);
        return own;
    }
}
