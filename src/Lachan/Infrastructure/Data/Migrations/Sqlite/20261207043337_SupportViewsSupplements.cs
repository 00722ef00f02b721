using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lachan.Infrastructure.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PregnancySupplement",
                table: "SupportPolicyVersions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ChildrenUnder6",
                table: "SupportListRows",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "Pregnant",
                table: "SupportListRows",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
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
