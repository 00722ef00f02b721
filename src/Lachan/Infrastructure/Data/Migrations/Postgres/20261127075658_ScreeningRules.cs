using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Lachan.Infrastructure.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IntervalDays = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    EffectiveTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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
