using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Lachan.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RegistryIndexesAndRosterImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Workers_CurrentEnterpriseId",
                table: "Workers");

            migrationBuilder.DropIndex(
                name: "IX_Workers_CurrentLodgingHouseId",
                table: "Workers");

            migrationBuilder.CreateTable(
                name: "RosterImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    FileHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StoredPath = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Progress = table.Column<int>(type: "integer", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MappingJson = table.Column<string>(type: "text", nullable: true),
                    PreviewJson = table.Column<string>(type: "text", nullable: true),
                    OutcomeJson = table.Column<string>(type: "text", nullable: true),
                    ErrorCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RosterImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RosterMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    HeaderKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Field = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RosterMappings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Workers_CurrentEnterpriseId_ProvinceCode",
                table: "Workers",
                columns: new[] { "CurrentEnterpriseId", "ProvinceCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Workers_CurrentLodgingHouseId_ProvinceCode",
                table: "Workers",
                columns: new[] { "CurrentLodgingHouseId", "ProvinceCode" });

            migrationBuilder.CreateIndex(
                name: "IX_RosterImports_EnterpriseId_FileHash",
                table: "RosterImports",
                columns: new[] { "EnterpriseId", "FileHash" });

            migrationBuilder.CreateIndex(
                name: "IX_RosterMappings_EnterpriseId_HeaderKey",
                table: "RosterMappings",
                columns: new[] { "EnterpriseId", "HeaderKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RosterImports");

            migrationBuilder.DropTable(
                name: "RosterMappings");

            migrationBuilder.DropIndex(
                name: "IX_Workers_CurrentEnterpriseId_ProvinceCode",
                table: "Workers");

            migrationBuilder.DropIndex(
                name: "IX_Workers_CurrentLodgingHouseId_ProvinceCode",
                table: "Workers");

            migrationBuilder.CreateIndex(
                name: "IX_Workers_CurrentEnterpriseId",
                table: "Workers",
                column: "CurrentEnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_Workers_CurrentLodgingHouseId",
                table: "Workers",
                column: "CurrentLodgingHouseId");
        }
    }
}
