using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lachan.Infrastructure.Data;

/// <summary>Moves <see cref="DataChanges"/> for EF's own writes (SaveChanges, ExecuteUpdate/Delete and raw SQL) and
/// tells it the tables each command reads (for the answers kept under them), when the command is made. A command that
/// EF makes without its interceptors (<see cref="PlainReader"/>'s) or that the app writes itself is reported by its maker.</summary>
public sealed class DataChangesInterceptor(DataChanges changes) : DbCommandInterceptor, IDbTransactionInterceptor
{
    private void Seen(DbCommand command, CommandEventData data)
    {
        foreach (var table in DataChanges.TablesWritten(command.CommandText)) changes.Written(data.Context, table);
    }

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        DataChanges.Reads(result.CommandText);
        return result;
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
