using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lachan.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReliefHelpRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HelpRequestRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MergeWindowDays = table.Column<int>(type: "INTEGER", nullable: false),
                    UrgentDueHours = table.Column<int>(type: "INTEGER", nullable: false),
                    NormalDueHours = table.Column<int>(type: "INTEGER", nullable: false),
                    UrgentFrom = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EffectiveTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelpRequestRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReliefTeams",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CommuneCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReliefTeams", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HelpRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Ticket = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Cccd = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    CommuneCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    LodgingHouseId = table.Column<int>(type: "INTEGER", nullable: true),
                    WorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Needs = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    VolunteerUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeliveredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EscalatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MergedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelpRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HelpRequests_LodgingHouses_LodgingHouseId",
                        column: x => x.LodgingHouseId,
                        principalTable: "LodgingHouses",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_HelpRequests_ReliefTeams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "ReliefTeams",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_HelpRequests_Workers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "ReliefDeliveries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HelpRequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DeliveredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    VolunteerUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Items = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReliefDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReliefDeliveries_HelpRequests_HelpRequestId",
                        column: x => x.HelpRequestId,
                        principalTable: "HelpRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReliefDeliveries_Workers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_HelpRequests_Cccd",
                table: "HelpRequests",
                column: "Cccd");

            migrationBuilder.CreateIndex(
                name: "IX_HelpRequests_LodgingHouseId",
                table: "HelpRequests",
                column: "LodgingHouseId");

            migrationBuilder.CreateIndex(
                name: "IX_HelpRequests_Phone",
                table: "HelpRequests",
                column: "Phone");

            migrationBuilder.CreateIndex(
                name: "IX_HelpRequests_Status_CommuneCode",
                table: "HelpRequests",
                columns: new[] { "Status", "CommuneCode" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpRequests_Status_DueAt",
                table: "HelpRequests",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpRequests_TeamId",
                table: "HelpRequests",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_HelpRequests_Ticket",
                table: "HelpRequests",
                column: "Ticket",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HelpRequests_VolunteerUserName_Status",
                table: "HelpRequests",
                columns: new[] { "VolunteerUserName", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpRequests_WorkerId",
                table: "HelpRequests",
                column: "WorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_ReliefDeliveries_HelpRequestId",
                table: "ReliefDeliveries",
                column: "HelpRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_ReliefDeliveries_IdempotencyKey",
                table: "ReliefDeliveries",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReliefDeliveries_WorkerId_DeliveredOn",
                table: "ReliefDeliveries",
                columns: new[] { "WorkerId", "DeliveredOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HelpRequestRules");

            migrationBuilder.DropTable(
                name: "ReliefDeliveries");

            migrationBuilder.DropTable(
                name: "HelpRequests");

            migrationBuilder.DropTable(
                name: "ReliefTeams");
        }
    }
}
