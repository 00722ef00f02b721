using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Lachan.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Testing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PoolRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MaxPoolSize = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    EffectiveTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PoolRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScreeningSchedules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    IntervalDays = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScreeningSchedules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScreeningSchedules_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TestSamples",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Pooled = table.Column<bool>(type: "boolean", nullable: false),
                    CollectedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CollectedTime = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Site = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Result = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ResultOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TestSamples", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SampleMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TestSampleId = table.Column<int>(type: "integer", nullable: false),
                    WorkerId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SampleMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SampleMembers_TestSamples_TestSampleId",
                        column: x => x.TestSampleId,
                        principalTable: "TestSamples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SampleMembers_Workers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "PoolRules",
                columns: new[] { "Id", "EffectiveFrom", "EffectiveTo", "MaxPoolSize", "Source" },
                values: new object[] { 1, new DateOnly(2021, 5, 1), null, 10, "Hướng dẫn gộp mẫu xét nghiệm SARS-CoV-2 của Bộ Y tế (2021)" });

            migrationBuilder.CreateIndex(
                name: "IX_SampleMembers_TestSampleId_WorkerId",
                table: "SampleMembers",
                columns: new[] { "TestSampleId", "WorkerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SampleMembers_WorkerId",
                table: "SampleMembers",
                column: "WorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningSchedules_EnterpriseId",
                table: "ScreeningSchedules",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_TestSamples_Code",
                table: "TestSamples",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TestSamples_Result_Pooled",
                table: "TestSamples",
                columns: new[] { "Result", "Pooled" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PoolRules");

            migrationBuilder.DropTable(
                name: "SampleMembers");

            migrationBuilder.DropTable(
                name: "ScreeningSchedules");

            migrationBuilder.DropTable(
                name: "TestSamples");
        }
    }
}
