using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Lachan.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OutbreakZones : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ControlZones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    IndustrialZoneId = table.Column<int>(type: "integer", nullable: true),
                    CommuneCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: true),
                    ProvinceCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ControlZones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ControlZones_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ControlZones_IndustrialZones_IndustrialZoneId",
                        column: x => x.IndustrialZoneId,
                        principalTable: "IndustrialZones",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "ControlZoneLodging",
                columns: table => new
                {
                    ControlZoneId = table.Column<int>(type: "integer", nullable: false),
                    LodgingHouseId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ControlZoneLodging", x => new { x.ControlZoneId, x.LodgingHouseId });
                    table.ForeignKey(
                        name: "FK_ControlZoneLodging_ControlZones_ControlZoneId",
                        column: x => x.ControlZoneId,
                        principalTable: "ControlZones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ControlZoneLodging_LodgingHouses_LodgingHouseId",
                        column: x => x.LodgingHouseId,
                        principalTable: "LodgingHouses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ZoneOrders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ControlZoneId = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    DecisionNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    IssuedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    EffectiveTo = table.Column<DateOnly>(type: "date", nullable: true),
                    LiftedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LiftedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ZoneOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ZoneOrders_ControlZones_ControlZoneId",
                        column: x => x.ControlZoneId,
                        principalTable: "ControlZones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ZoneOrderExemption",
                columns: table => new
                {
                    ZoneOrderId = table.Column<int>(type: "integer", nullable: false),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ZoneOrderExemption", x => new { x.ZoneOrderId, x.EnterpriseId });
                    table.ForeignKey(
                        name: "FK_ZoneOrderExemption_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ZoneOrderExemption_ZoneOrders_ZoneOrderId",
                        column: x => x.ZoneOrderId,
                        principalTable: "ZoneOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ZoneOrderScans",
                columns: table => new
                {
                    ZoneOrderId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ZoneOrderScans", x => x.ZoneOrderId);
                    table.ForeignKey(
                        name: "FK_ZoneOrderScans_ZoneOrders_ZoneOrderId",
                        column: x => x.ZoneOrderId,
                        principalTable: "ZoneOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ControlZoneLodging_LodgingHouseId",
                table: "ControlZoneLodging",
                column: "LodgingHouseId");

            migrationBuilder.CreateIndex(
                name: "IX_ControlZones_CommuneCode",
                table: "ControlZones",
                column: "CommuneCode");

            migrationBuilder.CreateIndex(
                name: "IX_ControlZones_EnterpriseId",
                table: "ControlZones",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_ControlZones_IndustrialZoneId",
                table: "ControlZones",
                column: "IndustrialZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_ZoneOrderExemption_EnterpriseId",
                table: "ZoneOrderExemption",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_ZoneOrders_ControlZoneId",
                table: "ZoneOrders",
                column: "ControlZoneId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ControlZoneLodging");

            migrationBuilder.DropTable(
                name: "ZoneOrderExemption");

            migrationBuilder.DropTable(
                name: "ZoneOrderScans");

            migrationBuilder.DropTable(
                name: "ZoneOrders");

            migrationBuilder.DropTable(
                name: "ControlZones");
        }
    }
}
