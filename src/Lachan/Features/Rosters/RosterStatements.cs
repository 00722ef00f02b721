using System.Data.Common;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lachan.Features.Rosters;

/// <summary>Prepared UPDATE statements run once per row inside the import's transaction (both providers accept the
/// same quoted SQL). The change tracker would cost far more per row at 500,000 rows.</summary>
internal sealed class Statements(LachanDb db)
{
    private DbCommand Command(string sql, params string[] parameters)
    {
        var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        cmd.CommandText = sql;
        foreach (var name in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    public async Task RunAsync(string sql, IReadOnlyList<int> workerIds, DateOnly? on, CancellationToken ct)
    {
        if (workerIds.Count == 0) return;
        await using var cmd = on is null ? Command(sql, "@id") : Command(sql, "@id", "@on");
        if (on is { } date) cmd.Parameters["@on"].Value = date;
        // PostgreSQL prepares a statement only when every parameter's type is known: the id's too.
        cmd.Parameters["@id"].DbType = System.Data.DbType.Int32;
        await cmd.PrepareAsync(ct);
        foreach (var id in workerIds)
        {
            cmd.Parameters["@id"].Value = id;
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task SetCurrentAsync(IReadOnlyList<(int Worker, int? Enterprise, int? Lodging)> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        await using var cmd = Command(
            "UPDATE \"Workers\" SET \"CurrentEnterpriseId\" = @e, \"CurrentLodgingHouseId\" = COALESCE(@l, \"CurrentLodgingHouseId\") WHERE \"Id\" = @id",
            "@e", "@l", "@id");
        foreach (var (worker, enterprise, lodging) in rows)
        {
            cmd.Parameters["@e"].Value = (object?)enterprise ?? DBNull.Value;
            cmd.Parameters["@l"].Value = (object?)lodging ?? DBNull.Value;
            cmd.Parameters["@id"].Value = worker;
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Applies each row's stated identity fields; a blank cell keeps what the registry knows.</summary>
    public async Task UpdateFieldsAsync(IReadOnlyList<PlannedRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        await using var cmd = Command("""
            UPDATE "Workers" SET "FullName" = @n, "NameSearch" = @k, "Sex" = COALESCE(@s, "Sex"),
              "DateOfBirth" = COALESCE(@d, "DateOfBirth"), "Cmnd" = COALESCE(@c, "Cmnd"), "BhxhNumber" = COALESCE(@b, "BhxhNumber"),
              "Phone" = COALESCE(@p, "Phone"), "PermanentAddress" = COALESCE(@a, "PermanentAddress")
            WHERE "Id" = @id
            """, "@n", "@k", "@s", "@d", "@c", "@b", "@p", "@a", "@id");
        foreach (var p in rows)
        {
            var r = p.Row;
            cmd.Parameters["@n"].Value = r.FullName;
            cmd.Parameters["@k"].Value = VietnameseText.SearchKey(r.FullName);
            cmd.Parameters["@s"].Value = r.Sex is { } sex ? (int)sex : DBNull.Value;
            cmd.Parameters["@d"].Value = r.DateOfBirth is { } d ? d : DBNull.Value;
            cmd.Parameters["@c"].Value = (object?)r.Cmnd ?? DBNull.Value;
            cmd.Parameters["@b"].Value = (object?)r.Bhxh ?? DBNull.Value;
            cmd.Parameters["@p"].Value = (object?)r.Phone ?? DBNull.Value;
            cmd.Parameters["@a"].Value = (object?)r.PermanentAddress ?? DBNull.Value;
            cmd.Parameters["@id"].Value = p.WorkerId!.Value;
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }
}
