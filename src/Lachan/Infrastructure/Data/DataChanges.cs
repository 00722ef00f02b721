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
/// keeps answers bounds their age as well. One per app (a singleton): the app's interceptor holds it, so a write command
/// finds it without asking the context's services; the bulk writer finds it once per writer (<see cref="Of"/>).</summary>
public sealed partial class DataChanges
{
    private long version;
    private readonly ConditionalWeakTable<DbContext, object> uncommitted = [];

    public long Version => Interlocked.Read(ref version);

    /// <summary>The app's counter for a context built by the app's services (none for a context made by hand).</summary>
    public static DataChanges? Of(DbContext? db) =>
        db is null ? null : AppServices.Of(db)?.GetService<DataChanges>();

    /// <summary>Rows were written on this context (bulk writers, which bypass EF's commands, say so themselves).</summary>
    public void Written(DbContext? db)
    {
        Interlocked.Increment(ref version);
        if (db?.Database.CurrentTransaction is not null) uncommitted.AddOrUpdate(db, this);
    }

    internal void Committed(DbContext? db)
    {
        if (db is not null && uncommitted.Remove(db)) Interlocked.Increment(ref version);
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
public sealed class DataChangesInterceptor(DataChanges changes) : DbCommandInterceptor, IDbTransactionInterceptor
{
    private void Seen(DbCommand command, CommandEventData data)
    {
        if (DataChanges.WritesRecords(command.CommandText)) changes.Written(data.Context);
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

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => changes.Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        changes.Committed(eventData.Context);
        return Task.CompletedTask;
    }
}
