using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Lachan.Infrastructure.Data;

/// <summary>A number that moves whenever this app writes records (not the audit trail or the job store) and again when
/// such a write commits, so an answer counted from the records can be kept under the number it was counted at: the next
/// write makes a new number, and the kept answer is not used again. Another process's writes do not move it; whoever
/// keeps answers bounds their age as well. One per app (a singleton), found from a context by <see cref="Of"/>.</summary>
public sealed partial class DataChanges
{
    private long version;
    private readonly ConditionalWeakTable<DbContext, object> uncommitted = [];

    public long Version => Interlocked.Read(ref version);

    /// <summary>The app's counter for a context built by the app's services (none for a context made by hand).</summary>
    public static DataChanges? Of(DbContext? db) =>
        db?.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<DataChanges>();

    /// <summary>Rows were written on this context (bulk writers, which bypass EF's commands, say so themselves).</summary>
    public static void Written(DbContext? db)
    {
        if (Of(db) is not { } changes) return;
        Interlocked.Increment(ref changes.version);
        if (db!.Database.CurrentTransaction is not null) changes.uncommitted.AddOrUpdate(db, changes);
    }

    internal static void Committed(DbContext? db)
    {
        if (Of(db) is { } changes && changes.uncommitted.Remove(db!)) Interlocked.Increment(ref changes.version);
    }

    /// <summary>True when a command writes a table other than the audit trail's and the job store's.</summary>
    internal static bool WritesRecords(string sql)
    {
        foreach (Match m in WriteTarget().Matches(sql))
        {
            var table = m.Groups["table"].Value;
            if (!table.StartsWith("Audit", StringComparison.Ordinal) && !table.StartsWith("qrtz_", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    // an UPDATE only with its SET: "FOR UPDATE" and "ON CONFLICT DO UPDATE" name no table
    [GeneratedRegex("""(?:INSERT\s+INTO|DELETE\s+FROM)\s+"?(?<table>\w+)|UPDATE\s+"?(?<table>\w+)"?(?:\s+AS\s+"?\w+"?)?\s+SET\b""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WriteTarget();
}

/// <summary>Moves <see cref="DataChanges.Version"/> for EF's own writes: SaveChanges, ExecuteUpdate/Delete and raw SQL.</summary>
public sealed class DataChangesInterceptor : DbCommandInterceptor, IDbTransactionInterceptor
{
    public static readonly DataChangesInterceptor Instance = new();

    private static void Seen(DbCommand command, CommandEventData data)
    {
        if (DataChanges.WritesRecords(command.CommandText)) DataChanges.Written(data.Context);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Seen(command, eventData);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Seen(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Seen(command, eventData);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Seen(command, eventData);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => DataChanges.Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        DataChanges.Committed(eventData.Context);
        return Task.CompletedTask;
    }
}
