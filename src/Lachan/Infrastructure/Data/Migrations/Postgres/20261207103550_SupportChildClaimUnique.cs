using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lachan.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SupportChildClaimUnique : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // claims of refused lists and withdrawn rows were kept before (and skipped by the check); they are deleted now
            // that a refusal or withdrawal deletes them. A child claimed twice (two imports at once, what the unique
            // index now prevents) keeps its first claim.
            migrationBuilder.Sql("""
                DELETE FROM "SupportChildClaims" WHERE "RowId" IN (
                    SELECT r."Id" FROM "SupportListRows" r JOIN "SupportLists" l ON l."Id" = r."SupportListId"
                    WHERE r."Withdrawn" OR l."State" = 'Refused');
                """);
            migrationBuilder.Sql("""
                DELETE FROM "SupportChildClaims" WHERE EXISTS (
                    SELECT 1 FROM "SupportChildClaims" d
                    WHERE d."PolicyCode" = "SupportChildClaims"."PolicyCode" AND d."PeriodKey" = "SupportChildClaims"."PeriodKey"
                      AND d."ChildId" = "SupportChildClaims"."ChildId" AND d."Id" < "SupportChildClaims"."Id");
                """);

            migrationBuilder.DropIndex(
                name: "IX_SupportChildClaims_PolicyCode_PeriodKey_ChildId",
                table: "SupportChildClaims");

            migrationBuilder.CreateIndex(
                name: "IX_SupportChildClaims_PolicyCode_PeriodKey_ChildId",
                table: "SupportChildClaims",
                columns: new[] { "PolicyCode", "PeriodKey", "ChildId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupportChildClaims_PolicyCode_PeriodKey_ChildId",
                table: "SupportChildClaims");

            migrationBuilder.CreateIndex(
                name: "IX_SupportChildClaims_PolicyCode_PeriodKey_ChildId",
                table: "SupportChildClaims",
                columns: new[] { "PolicyCode", "PeriodKey", "ChildId" });
        }
    }
}
