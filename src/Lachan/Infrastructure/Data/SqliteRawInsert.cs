using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Lachan.Infrastructure.Data;

/// <summary>A prepared INSERT driven through SQLite's own API on the ADO.NET connection's handle (so it runs inside
/// the same transaction): values are bound by position with no per-row parameter lookup, which makes bulk loads
/// several times faster than re-executing a SqliteCommand. Values are stored exactly as Microsoft.Data.Sqlite stores
/// them; tables with a column type not listed in <see cref="Supported"/> use the ADO.NET path instead.</summary>
internal sealed class SqliteRawInsert : IDisposable
{
    private static readonly HashSet<Type> Supported =
        [typeof(int), typeof(long), typeof(short), typeof(byte), typeof(bool), typeof(double), typeof(string), typeof(DateOnly), typeof(decimal)];

    private readonly sqlite3 db;
    private readonly sqlite3_stmt statement;
    private readonly IReadOnlyList<BulkColumn> columns;

    private SqliteRawInsert(sqlite3 db, sqlite3_stmt statement, IReadOnlyList<BulkColumn> columns) =>
        (this.db, this.statement, this.columns) = (db, statement, columns);

    /// <summary>Null when a column's stored type is not one this binder writes the way Microsoft.Data.Sqlite would.</summary>
    public static SqliteRawInsert? TryPrepare(SqliteConnection connection, BulkTable table, string insertSql)
    {
        foreach (var c in table.Columns)
        {
            var type = c.Converter?.ProviderClrType ?? c.Property.ClrType;
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type.IsEnum) type = Enum.GetUnderlyingType(type);
            if (!Supported.Contains(type)) return null;
        }
        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(db, raw.sqlite3_prepare_v2(db, insertSql, out var statement));
        return new SqliteRawInsert(db, statement, table.Columns);
    }

    public int Write<T>(IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        var n = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
                Check(db, Bind(i + 1, columns[i].ProviderValue(row)));
            var rc = raw.sqlite3_step(statement);
            if (rc != raw.SQLITE_DONE)
            {
                try { SqliteException.ThrowExceptionForRC(rc, db); }   // reads the message before the reset
                finally { raw.sqlite3_reset(statement); }
            }
            raw.sqlite3_reset(statement);
            if (++n % 10_000 == 0) ct.ThrowIfCancellationRequested();
        }
        return n;
    }

    private int Bind(int i, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(statement, i),
        int x => raw.sqlite3_bind_int64(statement, i, x),
        long x => raw.sqlite3_bind_int64(statement, i, x),
        short x => raw.sqlite3_bind_int64(statement, i, x),
        byte x => raw.sqlite3_bind_int64(statement, i, x),
        bool x => raw.sqlite3_bind_int64(statement, i, x ? 1 : 0),
        double x => raw.sqlite3_bind_double(statement, i, x),
        string x => raw.sqlite3_bind_text(statement, i, x),
        DateOnly x => raw.sqlite3_bind_text(statement, i, x.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        decimal x => raw.sqlite3_bind_text(statement, i, x.ToString("0.0###########################", CultureInfo.InvariantCulture)),
        _ => throw new NotSupportedException($"Cannot bind a {value.GetType().Name}."),
    };

    private static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, db);
    }

    public void Dispose() => statement.Dispose();
}
