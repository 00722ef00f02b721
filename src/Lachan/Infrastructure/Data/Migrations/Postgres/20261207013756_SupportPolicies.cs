using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Lachan.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SupportPolicies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SupportInsuredMonths",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkerId = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportInsuredMonths", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportInsuredMonths_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SupportInsuredMonths_Workers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupportPolicies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    NameVi = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    EmployerForm = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupportPolicyVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PolicyId = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    EffectiveTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    RentFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    RentTo = table.Column<DateOnly>(type: "date", nullable: true),
                    ContractBefore = table.Column<DateOnly>(type: "date", nullable: true),
                    ContractFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ContractTo = table.Column<DateOnly>(type: "date", nullable: true),
                    ContractKinds = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    MinContractMonths = table.Column<int>(type: "integer", nullable: false),
                    InsuredMonthBefore = table.Column<bool>(type: "boolean", nullable: false),
                    RequiresIzEmployer = table.Column<bool>(type: "boolean", nullable: false),
                    MinDays = table.Column<int>(type: "integer", nullable: true),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    UpperTierDays = table.Column<int>(type: "integer", nullable: true),
                    UpperTierAmount = table.Column<long>(type: "bigint", nullable: true),
                    MaxDays = table.Column<int>(type: "integer", nullable: true),
                    MaxDaysCase = table.Column<int>(type: "integer", nullable: true),
                    MaxMonths = table.Column<int>(type: "integer", nullable: true),
                    ListDeadlineDay = table.Column<int>(type: "integer", nullable: true),
                    UnemploymentInsuredMonths = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportPolicyVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportPolicyVersions_SupportPolicies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "SupportPolicies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupportInsuredMonths_EnterpriseId",
                table: "SupportInsuredMonths",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportInsuredMonths_Month_WorkerId",
                table: "SupportInsuredMonths",
                columns: new[] { "Month", "WorkerId" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportInsuredMonths_WorkerId_Month_EnterpriseId",
                table: "SupportInsuredMonths",
                columns: new[] { "WorkerId", "Month", "EnterpriseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupportPolicies_Code",
                table: "SupportPolicies",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupportPolicyVersions_PolicyId_EffectiveFrom",
                table: "SupportPolicyVersions",
                columns: new[] { "PolicyId", "EffectiveFrom" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SupportInsuredMonths");

            migrationBuilder.DropTable(
                name: "SupportPolicyVersions");

            migrationBuilder.DropTable(
                name: "SupportPolicies");
        }
    }
}
