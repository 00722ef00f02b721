using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Lachan.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SupportChildClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SupportChildClaims",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RowId = table.Column<int>(type: "integer", nullable: false),
                    PolicyCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PeriodKey = table.Column<DateOnly>(type: "date", nullable: false),
                    ChildId = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportChildClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportChildClaims_SupportListRows_RowId",
                        column: x => x.RowId,
                        principalTable: "SupportListRows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupportChildClaims_PolicyCode_PeriodKey_ChildId",
                table: "SupportChildClaims",
                columns: new[] { "PolicyCode", "PeriodKey", "ChildId" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportChildClaims_RowId",
                table: "SupportChildClaims",
                column: "RowId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SupportChildClaims");
        }
    }
}
