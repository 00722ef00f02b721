using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lachan.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditLinkedAfterCommit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Seq",
                table: "AuditEvents",
                type: "bigint",
                nullable: true);

            // the events chained before this release were chained in id order (ADR-0005): that is their place (ADR-0024)
            migrationBuilder.Sql("""UPDATE "AuditEvents" SET "Seq" = "Id" """);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_Seq",
                table: "AuditEvents",
                column: "Seq",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_Seq",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "Seq",
                table: "AuditEvents");
        }
    }
}
