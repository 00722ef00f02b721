using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lachan.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WorkerCountIndexes : Migration
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

            migrationBuilder.CreateIndex(
                name: "IX_Workers_CurrentEnterpriseId_ProvinceCode",
                table: "Workers",
                columns: new[] { "CurrentEnterpriseId", "ProvinceCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Workers_CurrentLodgingHouseId_ProvinceCode",
                table: "Workers",
                columns: new[] { "CurrentLodgingHouseId", "ProvinceCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
