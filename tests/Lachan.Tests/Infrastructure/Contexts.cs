using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Infrastructure;

public static class Contexts
{
    /// <summary>A DbContext on the test database, built as DataModule does for the provider (no app needed).</summary>
    public static LachanDb Open(TestDatabase db) => Open(db.Provider, db.ConnectionString);

    public static LachanDb Open(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteLachanDb(new DbContextOptionsBuilder<SqliteLachanDb>().UseSqlite(connectionString).Options),
        _ => new PostgresLachanDb(new DbContextOptionsBuilder<PostgresLachanDb>().UseNpgsql(connectionString).Options),
    };
}
