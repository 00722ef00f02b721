using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lachan.Infrastructure.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NameVi = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    EmployerForm = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupportPolicyVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PolicyId = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EffectiveTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RentFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RentTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ContractBefore = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ContractFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ContractTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ContractKinds = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MinContractMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    InsuredMonthBefore = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequiresIzEmployer = table.Column<bool>(type: "INTEGER", nullable: false),
                    MinDays = table.Column<int>(type: "INTEGER", nullable: true),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    UpperTierDays = table.Column<int>(type: "INTEGER", nullable: true),
                    UpperTierAmount = table.Column<long>(type: "INTEGER", nullable: true),
                    MaxDays = table.Column<int>(type: "INTEGER", nullable: true),
                    MaxDaysCase = table.Column<int>(type: "INTEGER", nullable: true),
                    MaxMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    ListDeadlineDay = table.Column<int>(type: "INTEGER", nullable: true),
                    UnemploymentInsuredMonths = table.Column<int>(type: "INTEGER", nullable: true)
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
