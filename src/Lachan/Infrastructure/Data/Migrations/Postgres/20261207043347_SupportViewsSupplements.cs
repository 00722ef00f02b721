using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lachan.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SupportViewsSupplements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ChildSupplement",
                table: "SupportPolicyVersions",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PregnancySupplement",
                table: "SupportPolicyVersions",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ChildrenUnder6",
                table: "SupportListRows",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "Pregnant",
                table: "SupportListRows",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // the supplements Resolution 68 always had, on the seeded versions of a database made before they were data
            migrationBuilder.Sql("""
                UPDATE "SupportPolicyVersions" SET "PregnancySupplement" = 1000000, "ChildSupplement" = 1000000
                WHERE "PolicyId" IN (SELECT "Id" FROM "SupportPolicies" WHERE "Code" = 'NQ68-TERMINATED') AND "PregnancySupplement" IS NULL AND "ChildSupplement" IS NULL;
                UPDATE "SupportPolicyVersions" SET "ChildSupplement" = 1000000
                WHERE "PolicyId" IN (SELECT "Id" FROM "SupportPolicies" WHERE "Code" = 'NQ68-MEALS') AND "ChildSupplement" IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ChildSupplement",
                table: "SupportPolicyVersions");

            migrationBuilder.DropColumn(
                name: "PregnancySupplement",
                table: "SupportPolicyVersions");

            migrationBuilder.DropColumn(
                name: "ChildrenUnder6",
                table: "SupportListRows");

            migrationBuilder.DropColumn(
                name: "Pregnant",
                table: "SupportListRows");
        }
    }
}
