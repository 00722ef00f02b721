using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Modules;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Support.Insurance;

/// <summary>The demo's insurance months: every month from 03/2021 to 06/2022 (the months before and during the periods of
/// Resolution 68 and Decision 08, which is all the rules ask about) a demo worker was employed (by the registry's
/// jobs), at that employer, except one worker in twenty (ids ending in 7 or 17 of each hundred…: WorkerId % 20 = 7), whom
/// the employer never put on the list, so the support lists show the "not insured" reason. One set-based INSERT … SELECT,
/// so 20,000 workers' ~300,000 months take a moment; at 300,000 workers it is ~4.5 million rows.</summary>
internal sealed class InsuranceDemo(LachanDb db) : IDemoData
{
    public int Order => 40;

    public static readonly DateOnly FirstMonth = new(2021, 3, 1), LastMonth = new(2022, 6, 1);

    public async Task<IReadOnlyDictionary<string, long>> SeedAsync(DemoRequest request, CancellationToken ct)
    {
        var months = new List<DateOnly>();
        for (var m = FirstMonth; m <= LastMonth; m = m.AddMonths(1)) months.Add(m);
        // the months as literals of a VALUES list: dates are TEXT yyyy-MM-dd on SQLite, date on PostgreSQL
        var values = string.Join(", ", months.Select(m => db.IsPostgres ? $"(DATE '{m:yyyy-MM-dd}')" : $"('{m:yyyy-MM-dd}')"));
        // a job counts for a month it overlaps: started by the month's last day, not ended before its first
        var monthEnd = db.IsPostgres ? "(m.\"Month\" + INTERVAL '1 month' - INTERVAL '1 day')::date" : "date(m.\"Month\", '+1 month', '-1 day')";
        var sql = $"""
            WITH m("Month") AS (VALUES {values})
            INSERT INTO "SupportInsuredMonths" ("WorkerId", "Month", "EnterpriseId")
            SELECT DISTINCT e."WorkerId", m."Month", e."EnterpriseId"
            FROM "Employments" e CROSS JOIN m
            WHERE e."From" <= {monthEnd} AND (e."To" IS NULL OR e."To" >= m."Month") AND e."WorkerId" % 20 <> 7
            """;
        // the table is empty in a demo: its keys and indexes are made once at the end instead of checked and updated per
        // row (two key triggers per row on PostgreSQL: most of the 129-second full-size seed)
        await using var bulk = BulkWriter.Begin(db);
        await bulk.DeferIndexesAsync([typeof(InsuredMonth)], ct: ct);
        // PostgreSQL's DISTINCT over 4.5 million rows spilled its sort to disk with the default 4 MB (9.8 s; 3.5 s in
        // memory); for the rest of the seed's transaction only
        await PostgresMemory.RaiseAsync(db, 256, ct);
        var rows = await db.Database.ExecuteSqlRawAsync(sql, ct);
        await bulk.CompleteAsync(ct);
        await db.Database.ExecuteSqlRawAsync("ANALYZE \"SupportInsuredMonths\"", ct);
        return new Dictionary<string, long> { ["insuredMonths"] = rows };
    }
}
