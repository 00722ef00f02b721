using System;
using Lachan.Features.Relief.Supplies;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lachan.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReliefLedgerTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LedgerTotals",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FromKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FromRef = table.Column<int>(type: "INTEGER", nullable: false),
                    ToKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ToRef = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceKind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Movements = table.Column<long>(type: "INTEGER", nullable: false),
                    Quantity = table.Column<long>(type: "INTEGER", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false),
                    LastAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerTotals", x => new { x.Day, x.FromKind, x.FromRef, x.ToKind, x.ToRef, x.SourceKind, x.ItemId });
                });

            // hand-written (keep when regenerating): the totals of the movements already there, then the trigger that
            // adds every later movement in the same statement (LedgerTotalsSql, next to the rule in Features/Relief)
            migrationBuilder.Sql(LedgerTotalsSql.Backfill);
            foreach (var sql in LedgerTotalsSql.CreateSqlite) migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in LedgerTotalsSql.DropSqlite) migrationBuilder.Sql(sql);
            migrationBuilder.DropTable(
                name: "LedgerTotals");
        }
    }
}
