using System.Data.Common;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Lachan.Features.Rosters;

/// <summary>The UPDATEs of a roster commit, inside its transaction; the change tracker would cost far more per row at
/// 500,000 rows. SQLite runs one prepared statement per row (in-process, cheap). PostgreSQL would pay a round trip per
/// row, so there the rows go by binary COPY into a temporary table dropped at commit, and one UPDATE … FROM applies
/// them (ADR-0009). Each statement says the same in both forms: a blank cell (null) never erases.</summary>
internal sealed class Statements(LachanDb db)
{
    private sealed record Column(string Name, string Type);

    private static readonly Column[] Ids = [new("id", "integer")];

    private static object?[] Id(int id) => [id];

    /// <summary>Ends each worker's open residence on the as-of date.</summary>
    public async Task CloseResidencesAsync(IReadOnlyList<int> workers, DateOnly on, CancellationToken ct)
    {
        if (workers.Count == 0) return;
        if (db.IsPostgres)
        {
            await CopyAsync("roster_moving", Ids, workers.Select(Id), ct);
            await ExecuteAsync("UPDATE \"Residences\" r SET \"To\" = @on FROM roster_moving t WHERE r.\"WorkerId\" = t.id AND r.\"To\" IS NULL", on, ct);
        }
        else await PerRowAsync("UPDATE \"Residences\" SET \"To\" = @on WHERE \"WorkerId\" = @id AND \"To\" IS NULL", Ids, workers.Select(Id), on, ct);
    }

    /// <summary>Ends each leaver's open employment at the enterprise on the as-of date; they have no current employer.</summary>
    public async Task CloseEmploymentsAsync(IReadOnlyList<int> workers, int enterpriseId, DateOnly on, CancellationToken ct)
    {
        if (workers.Count == 0) return;
        if (db.IsPostgres)
        {
            await CopyAsync("roster_leaving", Ids, workers.Select(Id), ct);
            await ExecuteAsync($"UPDATE \"Employments\" m SET \"To\" = @on FROM roster_leaving t WHERE m.\"WorkerId\" = t.id AND m.\"EnterpriseId\" = {enterpriseId} AND m.\"To\" IS NULL", on, ct);
            await ExecuteAsync($"UPDATE \"Workers\" w SET \"CurrentEnterpriseId\" = NULL FROM roster_leaving t WHERE w.\"Id\" = t.id AND w.\"CurrentEnterpriseId\" = {enterpriseId}", null, ct);
        }
        else
        {
            await PerRowAsync($"UPDATE \"Employments\" SET \"To\" = @on WHERE \"WorkerId\" = @id AND \"EnterpriseId\" = {enterpriseId} AND \"To\" IS NULL", Ids, workers.Select(Id), on, ct);
            await PerRowAsync($"UPDATE \"Workers\" SET \"CurrentEnterpriseId\" = NULL WHERE \"Id\" = @id AND \"CurrentEnterpriseId\" = {enterpriseId}", Ids, workers.Select(Id), null, ct);
        }
    }

    private static readonly Column[] Current = [new("id", "integer"), new("e", "integer"), new("l", "integer")];

    /// <summary>Sets each worker's current employer, and lodging house where the roster names one.</summary>
    public async Task SetCurrentAsync(IReadOnlyList<(int Worker, int? Enterprise, int? Lodging)> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var values = rows.Select(r => new object?[] { r.Worker, r.Enterprise, r.Lodging });
        if (db.IsPostgres)
        {
            await CopyAsync("roster_current", Current, values, ct);
            await ExecuteAsync("""
                UPDATE "Workers" w SET "CurrentEnterpriseId" = t.e, "CurrentLodgingHouseId" = COALESCE(t.l, w."CurrentLodgingHouseId")
                FROM roster_current t WHERE w."Id" = t.id
                """, null, ct);
        }
        else await PerRowAsync(
            "UPDATE \"Workers\" SET \"CurrentEnterpriseId\" = @e, \"CurrentLodgingHouseId\" = COALESCE(@l, \"CurrentLodgingHouseId\") WHERE \"Id\" = @id",
            Current, values, null, ct);
    }

    private static readonly Column[] Fields =
    [
        new("id", "integer"), new("n", "text"), new("k", "text"), new("s", "integer"), new("d", "date"),
        new("c", "text"), new("b", "text"), new("p", "text"), new("a", "text"),
    ];

    /// <summary>Applies each row's stated identity fields; a blank cell keeps what the registry knows.</summary>
    public async Task UpdateFieldsAsync(IReadOnlyList<PlannedRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var values = rows.Select(p => new object?[]
        {
            p.WorkerId!.Value, p.Row.FullName, p.Row.NameSearch, p.Row.Sex is { } sex ? (int)sex : null,
            p.Row.DateOfBirth, p.Row.Cmnd, p.Row.Bhxh, p.Row.Phone, p.Row.PermanentAddress,
        });
        if (db.IsPostgres)
        {
            await CopyAsync("roster_changed", Fields, values, ct);
            await ExecuteAsync("""
                UPDATE "Workers" w SET "FullName" = t.n, "NameSearch" = t.k, "Sex" = COALESCE(t.s, w."Sex"),
                  "DateOfBirth" = COALESCE(t.d, w."DateOfBirth"), "Cmnd" = COALESCE(t.c, w."Cmnd"), "BhxhNumber" = COALESCE(t.b, w."BhxhNumber"),
                  "Phone" = COALESCE(t.p, w."Phone"), "PermanentAddress" = COALESCE(t.a, w."PermanentAddress")
                FROM roster_changed t WHERE w."Id" = t.id
                """, null, ct);
        }
        else await PerRowAsync("""
            UPDATE "Workers" SET "FullName" = @n, "NameSearch" = @k, "Sex" = COALESCE(@s, "Sex"),
              "DateOfBirth" = COALESCE(@d, "DateOfBirth"), "Cmnd" = COALESCE(@c, "Cmnd"), "BhxhNumber" = COALESCE(@b, "BhxhNumber"),
              "Phone" = COALESCE(@p, "Phone"), "PermanentAddress" = COALESCE(@a, "PermanentAddress")
            WHERE "Id" = @id
            """, Fields, values, null, ct);
    }

    private DbCommand Command(string sql, DateOnly? on)
    {
        var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        cmd.CommandText = sql;
        DataChanges.Of(db)?.WrittenBy(db, sql);   // raw ADO.NET: EF's interceptor does not see it (ADR-0023)
        cmd.CommandTimeout = (int)BulkWriter.StatementTimeout.TotalSeconds;   // one statement may update every worker of a province
        if (on is { } date)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@on";
            p.Value = date;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    /// <summary>SQLite: the statement once per row, the row's values bound to @column.</summary>
    private async Task PerRowAsync(string sql, Column[] columns, IEnumerable<object?[]> rows, DateOnly? on, CancellationToken ct)
    {
        await using var cmd = Command(sql, on);
        var parameters = columns.Select(c =>
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@" + c.Name;
            cmd.Parameters.Add(p);
            return p;
        }).ToArray();
        await cmd.PrepareAsync(ct);
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++) parameters[i].Value = row[i] ?? DBNull.Value;
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>PostgreSQL: the rows into a new temporary table, dropped at commit (a rollback drops it too), by binary COPY.</summary>
    private async Task CopyAsync(string table, Column[] columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        await ExecuteAsync($"CREATE TEMP TABLE {table} ({string.Join(", ", columns.Select(c => c.Name + " " + c.Type))}) ON COMMIT DROP", null, ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var importer = await connection.BeginBinaryImportAsync($"COPY {table} FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(ct);
                for (var i = 0; i < columns.Length; i++)
                {
                    if (row[i] is { } value) await importer.WriteAsync(value, columns[i].Type, ct);
                    else await importer.WriteNullAsync(ct);
                }
            }
            await importer.CompleteAsync(ct);
        }
        // Temporary tables get no automatic statistics: the planner should know whether it joins ten rows or 100,000.
        await ExecuteAsync($"ANALYZE {table}", null, ct);
    }

    private async Task ExecuteAsync(string sql, DateOnly? on, CancellationToken ct)
    {
        await using var cmd = Command(sql, on);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
