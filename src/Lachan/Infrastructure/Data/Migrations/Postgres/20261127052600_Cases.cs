using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Lachan.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Cases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Cases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkerId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ConfirmedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    TestKind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    TestDate = table.Column<DateOnly>(type: "date", nullable: false),
                    TestPlace = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TreatmentPlace = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OutcomeOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cases_Workers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QuarantineRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Subject = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Days = table.Column<int>(type: "integer", nullable: false),
                    TestDays = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    DefaultPlace = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    EffectiveTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuarantineRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Contacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    WorkerId = table.Column<int>(type: "integer", nullable: false),
                    SourceContactId = table.Column<int>(type: "integer", nullable: true),
                    Level = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    LastContactOn = table.Column<DateOnly>(type: "date", nullable: true),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Contacts_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Contacts_Contacts_SourceContactId",
                        column: x => x.SourceContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Contacts_Workers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QuarantineOrders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkerId = table.Column<int>(type: "integer", nullable: false),
                    ContactId = table.Column<int>(type: "integer", nullable: true),
                    QuarantineRuleId = table.Column<int>(type: "integer", nullable: false),
                    PlaceKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PlaceText = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    StartOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PlannedEndOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReleasedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReleaseTestDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ReleaseResult = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuarantineOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuarantineOrders_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_QuarantineOrders_QuarantineRules_QuarantineRuleId",
                        column: x => x.QuarantineRuleId,
                        principalTable: "QuarantineRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QuarantineOrders_Workers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "QuarantineRules",
                columns: new[] { "Id", "Days", "DefaultPlace", "EffectiveFrom", "EffectiveTo", "Source", "Subject", "TestDays" },
                values: new object[,]
                {
                    { 1, 14, "Facility", new DateOnly(2021, 1, 1), null, "QĐ 2787/QĐ-BYT (05/06/2021) và hướng dẫn cùng thời kỳ", "F1", "1,7,14" },
                    { 2, 7, "Home", new DateOnly(2021, 1, 1), null, "QĐ 2787/QĐ-BYT (05/06/2021) và hướng dẫn cùng thời kỳ", "F2", "7" },
                    { 3, 14, "Home", new DateOnly(2021, 1, 1), null, "QĐ 2787/QĐ-BYT (05/06/2021) và hướng dẫn cùng thời kỳ", "F0Release", "7,14" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Code",
                table: "Cases",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ConfirmedOn",
                table: "Cases",
                column: "ConfirmedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_WorkerId",
                table: "Cases",
                column: "WorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_CaseId_WorkerId",
                table: "Contacts",
                columns: new[] { "CaseId", "WorkerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_SourceContactId",
                table: "Contacts",
                column: "SourceContactId");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_WorkerId",
                table: "Contacts",
                column: "WorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_QuarantineOrders_ContactId",
                table: "QuarantineOrders",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_QuarantineOrders_QuarantineRuleId",
                table: "QuarantineOrders",
                column: "QuarantineRuleId");

            migrationBuilder.CreateIndex(
                name: "IX_QuarantineOrders_ReleasedOn_StartOn",
                table: "QuarantineOrders",
                columns: new[] { "ReleasedOn", "StartOn" });

            migrationBuilder.CreateIndex(
                name: "IX_QuarantineOrders_WorkerId",
                table: "QuarantineOrders",
                column: "WorkerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QuarantineOrders");

            migrationBuilder.DropTable(
                name: "Contacts");

            migrationBuilder.DropTable(
                name: "QuarantineRules");

            migrationBuilder.DropTable(
                name: "Cases");
        }
    }
}
