using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lachan.Features.Relief.Supplies;

/// <summary>The ledger summed per day and kind of movement: what the public totals and the supplies report read instead
/// of summing a million movements per request. Kept by the database itself — a trigger on LedgerMovements adds each
/// inserted movement to its row in the same statement (migration <c>ReliefLedgerTotals</c>) — so every writer (the
/// ledger services, the demo, a bulk load or a bench's raw INSERT) keeps it exact with no rule of its own. Movements
/// are never edited or deleted (a reversal is one more movement), so a running sum stays equal to a direct SUM.
/// Refs are kept only for Recipients (the channel: counter, delivery, cash); other accounts' refs are summed together
/// as 0, and money (no item) has ItemId 0.</summary>
public sealed class LedgerTotal
{
    public DateOnly Day { get; set; }
    public AccountKind FromKind { get; set; }
    public int FromRef { get; set; }
    public AccountKind ToKind { get; set; }
    public int ToRef { get; set; }
    public DonorKind SourceKind { get; set; }
    /// <summary>0 for money.</summary>
    public int ItemId { get; set; }
    public long Movements { get; set; }
    public long Quantity { get; set; }
    public long Value { get; set; }
    /// <summary>The newest movement's time (the public page's "data as of").</summary>
    public DateTime LastAt { get; set; }
}

internal sealed class LedgerTotalConfiguration : IEntityTypeConfiguration<LedgerTotal>
{
    public const string Trigger = "TR_LedgerMovements_Totals";

    public void Configure(EntityTypeBuilder<LedgerTotal> e)
    {
        e.ToTable("LedgerTotals");
        e.HasKey(x => new { x.Day, x.FromKind, x.FromRef, x.ToKind, x.ToRef, x.SourceKind, x.ItemId });
        e.Property(x => x.FromKind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.ToKind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.SourceKind).HasConversion<string>().HasMaxLength(24);
    }
}

/// <summary>The SQL of the trigger that keeps <see cref="LedgerTotal"/>, per provider, and the backfill from the
/// movements already there. Used by the migration that adds the table (kept here, next to the rule it implements, so a
/// regenerated migration can call it again).</summary>
public static class LedgerTotalsSql
{
    private const string Columns = "\"Day\", \"FromKind\", \"FromRef\", \"ToKind\", \"ToRef\", \"SourceKind\", \"ItemId\", \"Movements\", \"Quantity\", \"Value\", \"LastAt\"";
    private const string Key = "\"Day\", \"FromKind\", \"FromRef\", \"ToKind\", \"ToRef\", \"SourceKind\", \"ItemId\"";

    /// <summary>The grouped movements of <paramref name="source"/> as rows of LedgerTotals.</summary>
    private static string Grouped(string source) => $"""
        SELECT m."Day", m."FromKind", CASE WHEN m."FromKind" = 'Recipients' THEN m."FromRef" ELSE 0 END,
               m."ToKind", CASE WHEN m."ToKind" = 'Recipients' THEN m."ToRef" ELSE 0 END,
               m."SourceKind", COALESCE(m."ItemId", 0), COUNT(*), SUM(m."Quantity"), SUM(m."Value"), MAX(m."At")
        FROM {source} m
        GROUP BY m."Day", m."FromKind", CASE WHEN m."FromKind" = 'Recipients' THEN m."FromRef" ELSE 0 END,
                 m."ToKind", CASE WHEN m."ToKind" = 'Recipients' THEN m."ToRef" ELSE 0 END, m."SourceKind", COALESCE(m."ItemId", 0)
        """;

    public static string Backfill => $"INSERT INTO \"LedgerTotals\" ({Columns})\n{Grouped("\"LedgerMovements\"")};";

    /// <summary>PostgreSQL: one statement-level trigger with the inserted rows as a transition table, so a bulk insert
    /// (COPY, INSERT … SELECT) adds its groups once instead of once per row. Rows are upserted in key order, so two
    /// transactions adding to the same totals lock them in the same order (no deadlock).</summary>
    public static readonly string[] CreatePostgres =
    [
        $"""
        CREATE FUNCTION ledger_totals_add() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO "LedgerTotals" ({Columns})
            SELECT * FROM ({Grouped("added")}) g ORDER BY 1, 2, 3, 4, 5, 6, 7
            ON CONFLICT ({Key}) DO UPDATE SET
                "Movements" = "LedgerTotals"."Movements" + EXCLUDED."Movements",
                "Quantity" = "LedgerTotals"."Quantity" + EXCLUDED."Quantity",
                "Value" = "LedgerTotals"."Value" + EXCLUDED."Value",
                "LastAt" = GREATEST("LedgerTotals"."LastAt", EXCLUDED."LastAt");
            RETURN NULL;
        END $$;
        """,
        $"""
        CREATE TRIGGER "{LedgerTotalConfiguration.Trigger}" AFTER INSERT ON "LedgerMovements"
        REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ledger_totals_add();
        """,
    ];

    public static readonly string[] DropPostgres =
    [
        $"DROP TRIGGER IF EXISTS \"{LedgerTotalConfiguration.Trigger}\" ON \"LedgerMovements\";",
        "DROP FUNCTION IF EXISTS ledger_totals_add();",
    ];

    /// <summary>SQLite has row triggers only; an upsert per inserted movement.</summary>
    public static readonly string[] CreateSqlite =
    [
        $"""
        CREATE TRIGGER "{LedgerTotalConfiguration.Trigger}" AFTER INSERT ON "LedgerMovements"
        BEGIN
            INSERT INTO "LedgerTotals" ({Columns})
            VALUES (NEW."Day", NEW."FromKind", CASE WHEN NEW."FromKind" = 'Recipients' THEN NEW."FromRef" ELSE 0 END,
                    NEW."ToKind", CASE WHEN NEW."ToKind" = 'Recipients' THEN NEW."ToRef" ELSE 0 END,
                    NEW."SourceKind", COALESCE(NEW."ItemId", 0), 1, NEW."Quantity", NEW."Value", NEW."At")
            ON CONFLICT ({Key}) DO UPDATE SET
                "Movements" = "Movements" + excluded."Movements",
                "Quantity" = "Quantity" + excluded."Quantity",
                "Value" = "Value" + excluded."Value",
                "LastAt" = MAX("LastAt", excluded."LastAt");
        END;
        """,
    ];

    public static readonly string[] DropSqlite = [$"DROP TRIGGER IF EXISTS \"{LedgerTotalConfiguration.Trigger}\";"];
}
