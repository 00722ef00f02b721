using System.Globalization;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lachan.Bench;

/// <summary>What the request loops ask for: existing workers picked with a fixed seed, so every run asks the same
/// questions of the same data. Names are the search keys (no diacritics) of those workers, e.g. "nguyen van hung".</summary>
internal sealed record Samples(int WorkerCount, IReadOnlyList<string> Cccds, IReadOnlyList<string> Names, IReadOnlyList<int> Ids)
{
    public static async Task<Samples> ReadAsync(string? connectionString, bool postgres, int count)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        await using DbConnection connection = postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString + ";Mode=ReadOnly");
        await connection.OpenAsync();
        var q = postgres ? "\"" : "";
        var max = Convert.ToInt32(await Scalar(connection, $"SELECT MAX({q}Id{q}) FROM {q}Workers{q}") ?? 0, System.Globalization.CultureInfo.InvariantCulture);
        var total = Convert.ToInt32(await Scalar(connection, $"SELECT COUNT(*) FROM {q}Workers{q}"), System.Globalization.CultureInfo.InvariantCulture);
        if (total == 0) throw new InvalidOperationException("The database has no workers.");
        var rng = new Random(7);
        var wanted = Enumerable.Range(0, count).Select(_ => rng.Next(1, max + 1)).ToList();
        var rows = new Dictionary<int, (string Cccd, string Name)>();
        foreach (var batch in wanted.Distinct().Chunk(500))
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT {q}Id{q}, {q}Cccd{q}, {q}NameSearch{q} FROM {q}Workers{q} WHERE {q}Id{q} IN ({string.Join(',', batch)})";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2));
        }
        var present = wanted.Where(rows.ContainsKey).ToList();
        return new Samples(total, [.. present.Select(i => rows[i].Cccd)], [.. present.Select(i => rows[i].Name)], present);
    }

    /// <summary>The tax codes of the first enterprises of the demo province's largest zone, for roster imports.</summary>
    public static Task<IReadOnlyList<string>> TaxCodesAsync(string connectionString, bool postgres, int count) =>
        ColumnAsync(connectionString, postgres, q => $"SELECT {q}TaxCode{q} FROM {q}Enterprises{q} ORDER BY {q}Id{q} LIMIT {count}", r => r.GetString(0));

    /// <summary>The demo cases (DemoCases: the May 2021 story), for the suggestion scenario.</summary>
    public static Task<IReadOnlyList<int>> CaseIdsAsync(string connectionString, bool postgres) =>
        ColumnAsync(connectionString, postgres, q => $"SELECT {q}Id{q} FROM {q}Cases{q} ORDER BY {q}Id{q}", r => r.GetInt32(0));

    /// <summary>How many rows a table has (where the column satisfies the condition, when given).</summary>
    public static async Task<int> CountAsync(string connectionString, bool postgres, string table, string? column = null, string? condition = null) =>
        (await ColumnAsync(connectionString, postgres, q => $"SELECT COUNT(*) FROM {q}{table}{q}" + (column is null ? "" : $" WHERE {q}{column}{q} {condition}"),
            r => Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture)))[0];

    /// <summary>One column of a query; the SQL is given the identifier quote of the provider.</summary>
    private static async Task<IReadOnlyList<T>> ColumnAsync<T>(string connectionString, bool postgres, Func<string, string> sql, Func<DbDataReader, T> read)
    {
        await using DbConnection connection = postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql(postgres ? "\"" : "");
        var values = new List<T>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) values.Add(read(reader));
        return values;
    }

    private static async Task<object?> Scalar(DbConnection connection, string sql)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync();
    }
}
