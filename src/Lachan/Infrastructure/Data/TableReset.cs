using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lachan.Infrastructure.Data;

/// <summary>Empties tables for `seed --reset`: the given entities' tables and every table that refers to them, the
/// referring ones first, so no key is broken on the way. Used by the registry for its own tables and by each module's
/// demo for what it wrote that refers to nothing of the registry's (donations, teams, zones, samples).</summary>
public static class TableReset
{
    public static async Task DeleteWithDependentsAsync(LachanDb db, IEnumerable<Type> types, CancellationToken ct = default)
    {
        var order = new List<IEntityType>();
        void Visit(IEntityType type)
        {
            if (order.Contains(type)) return;
            foreach (var dependent in type.GetReferencingForeignKeys().Select(fk => fk.DeclaringEntityType).Where(t => t != type))
                Visit(dependent);
            order.Add(type);
        }
        foreach (var t in types) Visit(db.Model.FindEntityType(t) ?? throw new InvalidOperationException(t.Name + " is not in the model."));
        var sql = db.GetService<ISqlGenerationHelper>();
        // a table that refers to itself (an F2 contact to its F1) is emptied by one DELETE: SQLite checks each row's key
        // as it goes unless told to check at commit (the pragma ends with the transaction); PostgreSQL checks at the end
        if (!db.IsPostgres) await db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys = ON", ct);
        foreach (var type in order)
        {
#pragma warning disable EF1003 // the table name comes from the EF model, delimited; nothing here comes from input
            await db.Database.ExecuteSqlRawAsync("DELETE FROM " + sql.DelimitIdentifier(type.GetTableName()!, type.GetSchema()), ct);
#pragma warning restore EF1003
        }
        db.ChangeTracker.Clear();
    }
}
