using Lachan.Infrastructure.Web;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lachan.Tests.Unit;

/// <summary>An API request the database was too busy for is 503 (retry later), anything else unexpected 500.</summary>
public sealed class ApiErrorStatusTests
{
    public static TheoryData<Exception, int> Cases => new()
    {
        { new NpgsqlException("The connection pool has been exhausted", new TimeoutException()), 503 },
        { new DbUpdateException("saving", new NpgsqlException("Exception while reading from stream", new TimeoutException())), 503 },
        { new SqliteException("SQLite Error 5: 'database is locked'.", 5), 503 },
        { new InvalidOperationException("a bug"), 500 },
        { new DbUpdateException("saving", new InvalidOperationException("a bug")), 500 },
    };

    [Theory, MemberData(nameof(Cases))]
    public void A_busy_database_is_503_and_a_bug_500(Exception error, int status) => Assert.Equal(status, WebModule.StatusFor(error));
}
