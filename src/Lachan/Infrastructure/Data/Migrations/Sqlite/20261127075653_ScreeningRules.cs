using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lachan.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScreeningRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ScreeningRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IntervalDays = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EffectiveTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScreeningRules", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "ScreeningRules",
                columns: new[] { "Id", "EffectiveFrom", "EffectiveTo", "IntervalDays", "Source" },
                values: new object[] { 1, new DateOnly(2021, 5, 1), null, 7, "Phương án \"một cung đường, hai điểm đến\" cho doanh nghiệp hoạt động trở lại (2021)" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScreeningRules");
        }
    }
}
