using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Lachan.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReliefSupplies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Donors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TaxCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Donors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReliefProgrammes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReliefProgrammes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupplyItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UnitValue = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplyItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupplyPoints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CommuneCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OpeningHours = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplyPoints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Donations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DonorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReceiptNo = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MoneyAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    By = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Donations", x => x.Id);
                    table.CheckConstraint("CK_Donations_MoneyAmount", "\"MoneyAmount\" >= 0");
                    table.ForeignKey(
                        name: "FK_Donations_Donors_DonorId",
                        column: x => x.DonorId,
                        principalTable: "Donors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IssueLimitRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: true),
                    MaxPerWindow = table.Column<long>(type: "INTEGER", nullable: false),
                    WindowDays = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EffectiveTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssueLimitRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IssueLimitRules_SupplyItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "SupplyItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReliefIssues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    TicketCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PointId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CashAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReliefIssues", x => x.Id);
                    table.CheckConstraint("CK_ReliefIssues_CashAmount", "\"CashAmount\" >= 0");
                    table.ForeignKey(
                        name: "FK_ReliefIssues_SupplyPoints_PointId",
                        column: x => x.PointId,
                        principalTable: "SupplyPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DonationLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DonationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Quantity = table.Column<long>(type: "INTEGER", nullable: false),
                    UnitValue = table.Column<long>(type: "INTEGER", nullable: false),
                    PointId = table.Column<int>(type: "INTEGER", nullable: false),
                    LotCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DonationLines", x => x.Id);
                    table.CheckConstraint("CK_DonationLines_Quantity", "\"Quantity\" > 0");
                    table.ForeignKey(
                        name: "FK_DonationLines_Donations_DonationId",
                        column: x => x.DonationId,
                        principalTable: "Donations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DonationLines_SupplyItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "SupplyItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DonationLines_SupplyPoints_PointId",
                        column: x => x.PointId,
                        principalTable: "SupplyPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupplyHoldings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Ref = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: true),
                    DonationId = table.Column<int>(type: "INTEGER", nullable: false),
                    LotCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UnitValue = table.Column<long>(type: "INTEGER", nullable: false),
                    Quantity = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplyHoldings", x => x.Id);
                    table.CheckConstraint("CK_SupplyHoldings_Quantity", "\"Quantity\" >= 0");
                    table.ForeignKey(
                        name: "FK_SupplyHoldings_Donations_DonationId",
                        column: x => x.DonationId,
                        principalTable: "Donations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupplyHoldings_SupplyItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "SupplyItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LedgerMovements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FromKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FromRef = table.Column<int>(type: "INTEGER", nullable: false),
                    ToKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ToRef = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: true),
                    DonationId = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceKind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Quantity = table.Column<long>(type: "INTEGER", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false),
                    ReliefIssueId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReversesId = table.Column<long>(type: "INTEGER", nullable: true),
                    By = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerMovements", x => x.Id);
                    table.CheckConstraint("CK_LedgerMovements_Quantity", "\"Quantity\" > 0");
                    table.ForeignKey(
                        name: "FK_LedgerMovements_Donations_DonationId",
                        column: x => x.DonationId,
                        principalTable: "Donations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LedgerMovements_ReliefIssues_ReliefIssueId",
                        column: x => x.ReliefIssueId,
                        principalTable: "ReliefIssues",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_LedgerMovements_SupplyItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "SupplyItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReliefIssueLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReliefIssueId = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Quantity = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReliefIssueLines", x => x.Id);
                    table.CheckConstraint("CK_ReliefIssueLines_Quantity", "\"Quantity\" > 0");
                    table.ForeignKey(
                        name: "FK_ReliefIssueLines_ReliefIssues_ReliefIssueId",
                        column: x => x.ReliefIssueId,
                        principalTable: "ReliefIssues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReliefIssueLines_SupplyItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "SupplyItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "IssueLimitRules",
                columns: new[] { "Id", "Code", "EffectiveFrom", "EffectiveTo", "ItemId", "MaxPerWindow", "Source", "WindowDays" },
                values: new object[] { 2, "cash-30d", new DateOnly(2021, 1, 1), null, null, 1000000L, "Kế hoạch hỗ trợ đời sống công nhân của LĐLĐ tỉnh, 05/2021 (giả định)", 30 });

            migrationBuilder.InsertData(
                table: "SupplyItems",
                columns: new[] { "Id", "Code", "Name", "Unit", "UnitValue" },
                values: new object[,]
                {
                    { 1, "GOI-CB", "Gói nhu yếu phẩm cơ bản", "gói", 500000L },
                    { 2, "GAO-10", "Gạo 10 kg", "bao", 150000L },
                    { 3, "MI-THUNG", "Mì tôm (thùng 30 gói)", "thùng", 110000L },
                    { 4, "DAU-AN", "Dầu ăn 1 lít", "chai", 45000L },
                    { 5, "TRUNG-10", "Trứng gà (vỉ 10 quả)", "vỉ", 30000L }
                });

            migrationBuilder.InsertData(
                table: "IssueLimitRules",
                columns: new[] { "Id", "Code", "EffectiveFrom", "EffectiveTo", "ItemId", "MaxPerWindow", "Source", "WindowDays" },
                values: new object[] { 1, "basic-package-7d", new DateOnly(2021, 1, 1), null, 1, 1L, "Kế hoạch hỗ trợ đời sống công nhân của LĐLĐ tỉnh, 05/2021 (giả định)", 7 });

            migrationBuilder.CreateIndex(
                name: "IX_DonationLines_DonationId",
                table: "DonationLines",
                column: "DonationId");

            migrationBuilder.CreateIndex(
                name: "IX_DonationLines_ItemId",
                table: "DonationLines",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_DonationLines_PointId",
                table: "DonationLines",
                column: "PointId");

            migrationBuilder.CreateIndex(
                name: "IX_Donations_Day",
                table: "Donations",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_Donations_DonorId",
                table: "Donations",
                column: "DonorId");

            migrationBuilder.CreateIndex(
                name: "IX_Donations_ReceiptNo",
                table: "Donations",
                column: "ReceiptNo",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IssueLimitRules_ItemId",
                table: "IssueLimitRules",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerMovements_DonationId",
                table: "LedgerMovements",
                column: "DonationId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerMovements_FromKind_SourceKind_ItemId_Day_Value",
                table: "LedgerMovements",
                columns: new[] { "FromKind", "SourceKind", "ItemId", "Day", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerMovements_ItemId",
                table: "LedgerMovements",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerMovements_ReliefIssueId",
                table: "LedgerMovements",
                column: "ReliefIssueId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerMovements_ReversesId",
                table: "LedgerMovements",
                column: "ReversesId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerMovements_ToKind_ToRef_ItemId_Day_Value",
                table: "LedgerMovements",
                columns: new[] { "ToKind", "ToRef", "ItemId", "Day", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_ReliefIssueLines_ItemId",
                table: "ReliefIssueLines",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ReliefIssueLines_ReliefIssueId",
                table: "ReliefIssueLines",
                column: "ReliefIssueId");

            migrationBuilder.CreateIndex(
                name: "IX_ReliefIssues_Day",
                table: "ReliefIssues",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_ReliefIssues_IdempotencyKey",
                table: "ReliefIssues",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReliefIssues_PointId",
                table: "ReliefIssues",
                column: "PointId");

            migrationBuilder.CreateIndex(
                name: "IX_ReliefIssues_TicketCode_Day",
                table: "ReliefIssues",
                columns: new[] { "TicketCode", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_ReliefIssues_WorkerId_Day",
                table: "ReliefIssues",
                columns: new[] { "WorkerId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplyHoldings_DonationId",
                table: "SupplyHoldings",
                column: "DonationId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplyHoldings_ItemId",
                table: "SupplyHoldings",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplyHoldings_Kind_Ref_ItemId",
                table: "SupplyHoldings",
                columns: new[] { "Kind", "Ref", "ItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplyItems_Code",
                table: "SupplyItems",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DonationLines");

            migrationBuilder.DropTable(
                name: "IssueLimitRules");

            migrationBuilder.DropTable(
                name: "LedgerMovements");

            migrationBuilder.DropTable(
                name: "ReliefIssueLines");

            migrationBuilder.DropTable(
                name: "ReliefProgrammes");

            migrationBuilder.DropTable(
                name: "SupplyHoldings");

            migrationBuilder.DropTable(
                name: "ReliefIssues");

            migrationBuilder.DropTable(
                name: "Donations");

            migrationBuilder.DropTable(
                name: "SupplyItems");

            migrationBuilder.DropTable(
                name: "SupplyPoints");

            migrationBuilder.DropTable(
                name: "Donors");
        }
    }
}
