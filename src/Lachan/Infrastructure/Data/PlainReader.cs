using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lachan.Infrastructure.Data;

/// <summary>Runs an EF query as written (its SQL, its parameters, the caller's jurisdiction filter) and hands each row to
/// a plain data reader instead of EF's materializer. For scans of a few hundred thousand rows only: in "who is
/// affected" at 300,000 workers, materializing 160,000 rows through EF took about 1.5 times as long as reading them.</summary>
public static class PlainReader
{
    /// <summary>Reads every row of the query. The columns come in the order of the query's projection, which must be a
    /// flat anonymous type of columns (no constants, no nested objects); a projection that yields another number of
    /// columns than <paramref name="columns"/> is refused rather than read wrongly.</summary>
    public static async Task ReadEachAsync<T>(this IQueryable<T> query, LachanDb db, int columns, Action<DbDataReader> row, CancellationToken ct = default)
    {
        var opened = db.Database.GetDbConnection().State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = query.CreateDbCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (reader.FieldCount != columns)
                throw new InvalidOperationException($"The query yields {reader.FieldCount} columns where {columns} were expected.");
            while (await reader.ReadAsync(ct)) row(reader);
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }
}
