using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lachan.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CoveringPeriodIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Residences_LodgingHouseId_To",
                table: "Residences");

            migrationBuilder.DropIndex(
                name: "IX_Residences_WorkerId",
                table: "Residences");

            migrationBuilder.DropIndex(
                name: "IX_Employments_EnterpriseId_To",
                table: "Employments");

            migrationBuilder.DropIndex(
                name: "IX_Employments_WorkerId",
                table: "Employments");

            migrationBuilder.CreateIndex(
                name: "IX_Residences_LodgingHouseId_To_From_WorkerId",
                table: "Residences",
                columns: new[] { "LodgingHouseId", "To", "From", "WorkerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Residences_WorkerId_To_From_LodgingHouseId",
                table: "Residences",
                columns: new[] { "WorkerId", "To", "From", "LodgingHouseId" });

            migrationBuilder.CreateIndex(
                name: "IX_Employments_EnterpriseId_To_From_WorkerId",
                table: "Employments",
                columns: new[] { "EnterpriseId", "To", "From", "WorkerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Employments_WorkerId_To_From_EnterpriseId",
                table: "Employments",
                columns: new[] { "WorkerId", "To", "From", "EnterpriseId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Residences_LodgingHouseId_To_From_WorkerId",
                table: "Residences");

            migrationBuilder.DropIndex(
                name: "IX_Residences_WorkerId_To_From_LodgingHouseId",
                table: "Residences");

            migrationBuilder.DropIndex(
                name: "IX_Employments_EnterpriseId_To_From_WorkerId",
                table: "Employments");

            migrationBuilder.DropIndex(
                name: "IX_Employments_WorkerId_To_From_EnterpriseId",
                table: "Employments");

            migrationBuilder.CreateIndex(
                name: "IX_Residences_LodgingHouseId_To",
                table: "Residences",
                columns: new[] { "LodgingHouseId", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_Residences_WorkerId",
                table: "Residences",
                column: "WorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_Employments_EnterpriseId_To",
                table: "Employments",
                columns: new[] { "EnterpriseId", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_Employments_WorkerId",
                table: "Employments",
                column: "WorkerId");
        }
    }
}
