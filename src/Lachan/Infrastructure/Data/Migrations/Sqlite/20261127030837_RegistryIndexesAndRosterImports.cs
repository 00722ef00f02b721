using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lachan.Infrastructure.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    FileHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StoredPath = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MappingJson = table.Column<string>(type: "TEXT", nullable: true),
                    PreviewJson = table.Column<string>(type: "TEXT", nullable: true),
                    OutcomeJson = table.Column<string>(type: "TEXT", nullable: true),
                    ErrorCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RosterImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RosterMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: false),
                    HeaderKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
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
