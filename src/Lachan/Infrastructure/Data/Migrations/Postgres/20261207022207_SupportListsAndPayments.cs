using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Lachan.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SupportListsAndPayments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PublicHolidays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicHolidays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupportBankFileLayouts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ColumnsSpec = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportBankFileLayouts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupportChainStepRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Step = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    WorkingDays = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    EffectiveTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportChainStepRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupportLists",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PolicyCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PolicyVersionId = table.Column<int>(type: "integer", nullable: true),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    TaxCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ZoneCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    DistrictCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodKey = table.Column<DateOnly>(type: "date", nullable: false),
                    Form = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Origin = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PostedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    InsuranceConfirmedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AppraisedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionNo = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RefusalReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportLists", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupportPaymentBatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IdempotencyKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reference = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SupportListId = table.Column<int>(type: "integer", nullable: false),
                    PolicyCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    TaxCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DistrictCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Total = table.Column<long>(type: "bigint", nullable: false),
                    ExportedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportPaymentBatches", x => x.Id);
                    table.CheckConstraint("CK_SupportPaymentBatches_Total", "\"Total\" > 0");
                });

            migrationBuilder.CreateTable(
                name: "SupportDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SupportListId = table.Column<int>(type: "integer", nullable: false),
                    Approved = table.Column<bool>(type: "boolean", nullable: false),
                    Number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    Workers = table.Column<int>(type: "integer", nullable: false),
                    By = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportDecisions_SupportLists_SupportListId",
                        column: x => x.SupportListId,
                        principalTable: "SupportLists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupportListDisputes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SupportListId = table.Column<int>(type: "integer", nullable: false),
                    RowNo = table.Column<int>(type: "integer", nullable: true),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ResolvedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Resolution = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportListDisputes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportListDisputes_SupportLists_SupportListId",
                        column: x => x.SupportListId,
                        principalTable: "SupportLists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupportListRows",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SupportListId = table.Column<int>(type: "integer", nullable: false),
                    RowNo = table.Column<int>(type: "integer", nullable: false),
                    Cccd = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    WorkerId = table.Column<int>(type: "integer", nullable: true),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AmountAsked = table.Column<long>(type: "bigint", nullable: false),
                    AmountComputed = table.Column<long>(type: "bigint", nullable: false),
                    Eligible = table.Column<bool>(type: "boolean", nullable: false),
                    ReasonsJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Insured = table.Column<bool>(type: "boolean", nullable: true),
                    Withdrawn = table.Column<bool>(type: "boolean", nullable: false),
                    BankAccount = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    BankName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportListRows", x => x.Id);
                    table.CheckConstraint("CK_SupportListRows_Amounts", "\"AmountAsked\" >= 0 AND \"AmountComputed\" >= 0");
                    table.ForeignKey(
                        name: "FK_SupportListRows_SupportLists_SupportListId",
                        column: x => x.SupportListId,
                        principalTable: "SupportLists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupportPaymentLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PaymentBatchId = table.Column<int>(type: "integer", nullable: false),
                    ApprovalId = table.Column<int>(type: "integer", nullable: false),
                    WorkerId = table.Column<int>(type: "integer", nullable: false),
                    Reference = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    PayeeName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Cccd = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    Account = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Bank = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReturnedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportPaymentLines", x => x.Id);
                    table.CheckConstraint("CK_SupportPaymentLines_Amount", "\"Amount\" > 0");
                    table.ForeignKey(
                        name: "FK_SupportPaymentLines_SupportPaymentBatches_PaymentBatchId",
                        column: x => x.PaymentBatchId,
                        principalTable: "SupportPaymentBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupportApprovals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SupportListId = table.Column<int>(type: "integer", nullable: false),
                    RowId = table.Column<int>(type: "integer", nullable: false),
                    WorkerId = table.Column<int>(type: "integer", nullable: false),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    PolicyCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DecisionNo = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportApprovals", x => x.Id);
                    table.CheckConstraint("CK_SupportApprovals_Amount", "\"Amount\" > 0");
                    table.ForeignKey(
                        name: "FK_SupportApprovals_SupportListRows_RowId",
                        column: x => x.RowId,
                        principalTable: "SupportListRows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupportApprovals_SupportLists_SupportListId",
                        column: x => x.SupportListId,
                        principalTable: "SupportLists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "PublicHolidays",
                columns: new[] { "Id", "Day", "Name", "Source" },
                values: new object[,]
                {
                    { 1, new DateOnly(2021, 1, 1), "Tết Dương lịch", "BLLĐ 2019 Đ.112" },
                    { 2, new DateOnly(2021, 2, 10), "Tết Nguyên đán Tân Sửu", "TB 6150/TB-LĐTBXH" },
                    { 3, new DateOnly(2021, 2, 11), "Tết Nguyên đán Tân Sửu", "TB 6150/TB-LĐTBXH" },
                    { 4, new DateOnly(2021, 2, 12), "Tết Nguyên đán Tân Sửu", "TB 6150/TB-LĐTBXH" },
                    { 5, new DateOnly(2021, 2, 13), "Tết Nguyên đán Tân Sửu", "TB 6150/TB-LĐTBXH" },
                    { 6, new DateOnly(2021, 2, 14), "Tết Nguyên đán Tân Sửu", "TB 6150/TB-LĐTBXH" },
                    { 7, new DateOnly(2021, 4, 21), "Giỗ Tổ Hùng Vương", "BLLĐ 2019 Đ.112" },
                    { 8, new DateOnly(2021, 4, 30), "Ngày Chiến thắng", "BLLĐ 2019 Đ.112" },
                    { 9, new DateOnly(2021, 5, 3), "Quốc tế Lao động (nghỉ bù 1/5)", "BLLĐ 2019 Đ.112" },
                    { 10, new DateOnly(2021, 9, 2), "Quốc khánh", "BLLĐ 2019 Đ.112" },
                    { 11, new DateOnly(2021, 9, 3), "Quốc khánh", "BLLĐ 2019 Đ.112" },
                    { 12, new DateOnly(2022, 1, 3), "Tết Dương lịch (nghỉ bù)", "TB 4997/TB-LĐTBXH" },
                    { 13, new DateOnly(2022, 1, 31), "Tết Nguyên đán Nhâm Dần", "TB 4997/TB-LĐTBXH" },
                    { 14, new DateOnly(2022, 2, 1), "Tết Nguyên đán Nhâm Dần", "TB 4997/TB-LĐTBXH" },
                    { 15, new DateOnly(2022, 2, 2), "Tết Nguyên đán Nhâm Dần", "TB 4997/TB-LĐTBXH" },
                    { 16, new DateOnly(2022, 2, 3), "Tết Nguyên đán Nhâm Dần", "TB 4997/TB-LĐTBXH" },
                    { 17, new DateOnly(2022, 2, 4), "Tết Nguyên đán Nhâm Dần", "TB 4997/TB-LĐTBXH" },
                    { 18, new DateOnly(2022, 4, 11), "Giỗ Tổ Hùng Vương (nghỉ bù)", "TB 4997/TB-LĐTBXH" },
                    { 19, new DateOnly(2022, 5, 2), "Ngày Chiến thắng (nghỉ bù)", "TB 4997/TB-LĐTBXH" },
                    { 20, new DateOnly(2022, 5, 3), "Quốc tế Lao động (nghỉ bù)", "TB 4997/TB-LĐTBXH" },
                    { 21, new DateOnly(2022, 9, 1), "Quốc khánh", "TB 4997/TB-LĐTBXH" },
                    { 22, new DateOnly(2022, 9, 2), "Quốc khánh", "BLLĐ 2019 Đ.112" }
                });

            migrationBuilder.InsertData(
                table: "SupportBankFileLayouts",
                columns: new[] { "Id", "Code", "ColumnsSpec", "Name" },
                values: new object[,]
                {
                    { 1, "default", "Mã tham chiếu=Reference;Tên người nhận=PayeeName;Số tài khoản=Account;Ngân hàng=Bank;Số tiền=Amount;Nội dung=Content", "Mẫu chung (chi hộ)" },
                    { 2, "vbsp", "STT tham chiếu=Reference;Họ và tên=PayeeName;Số CCCD=Cccd;Số tài khoản=Account;Số tiền (đồng)=Amount;Diễn giải=Content", "Ngân hàng Chính sách xã hội" }
                });

            migrationBuilder.InsertData(
                table: "SupportChainStepRules",
                columns: new[] { "Id", "EffectiveFrom", "EffectiveTo", "Source", "Step", "WorkingDays" },
                values: new object[,]
                {
                    { 1, new DateOnly(2021, 5, 1), null, "QĐ 23/2021/QĐ-TTg; QĐ 08/2022/QĐ-TTg", "Notice", 3 },
                    { 2, new DateOnly(2021, 5, 1), null, "QĐ 08/2022/QĐ-TTg Đ.6", "Dispute", 2 },
                    { 3, new DateOnly(2021, 5, 1), null, "QĐ 23/2021/QĐ-TTg", "Insurance", 2 },
                    { 4, new DateOnly(2021, 5, 1), null, "QĐ 23/2021/QĐ-TTg", "Appraisal", 2 },
                    { 5, new DateOnly(2021, 5, 1), null, "QĐ 23/2021/QĐ-TTg", "Decision", 2 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_PublicHolidays_Day",
                table: "PublicHolidays",
                column: "Day",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupportApprovals_PolicyCode_PeriodStart_WorkerId",
                table: "SupportApprovals",
                columns: new[] { "PolicyCode", "PeriodStart", "WorkerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupportApprovals_RowId",
                table: "SupportApprovals",
                column: "RowId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportApprovals_SupportListId",
                table: "SupportApprovals",
                column: "SupportListId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportApprovals_WorkerId",
                table: "SupportApprovals",
                column: "WorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportBankFileLayouts_Code",
                table: "SupportBankFileLayouts",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupportDecisions_SupportListId",
                table: "SupportDecisions",
                column: "SupportListId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupportListDisputes_SupportListId",
                table: "SupportListDisputes",
                column: "SupportListId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportListRows_SupportListId_RowNo",
                table: "SupportListRows",
                columns: new[] { "SupportListId", "RowNo" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupportListRows_WorkerId",
                table: "SupportListRows",
                column: "WorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportLists_DistrictCode_State",
                table: "SupportLists",
                columns: new[] { "DistrictCode", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportLists_EnterpriseId_PolicyCode_PeriodStart",
                table: "SupportLists",
                columns: new[] { "EnterpriseId", "PolicyCode", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportLists_PolicyCode_PeriodKey",
                table: "SupportLists",
                columns: new[] { "PolicyCode", "PeriodKey" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportLists_State_DueOn",
                table: "SupportLists",
                columns: new[] { "State", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportPaymentBatches_IdempotencyKey",
                table: "SupportPaymentBatches",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupportPaymentBatches_ProvinceCode_DistrictCode",
                table: "SupportPaymentBatches",
                columns: new[] { "ProvinceCode", "DistrictCode" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportPaymentBatches_Reference",
                table: "SupportPaymentBatches",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupportPaymentBatches_SupportListId",
                table: "SupportPaymentBatches",
                column: "SupportListId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportPaymentBatches_TaxCode",
                table: "SupportPaymentBatches",
                column: "TaxCode");

            migrationBuilder.CreateIndex(
                name: "IX_SupportPaymentLines_ApprovalId",
                table: "SupportPaymentLines",
                column: "ApprovalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupportPaymentLines_PaymentBatchId",
                table: "SupportPaymentLines",
                column: "PaymentBatchId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportPaymentLines_Reference",
                table: "SupportPaymentLines",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupportPaymentLines_WorkerId",
                table: "SupportPaymentLines",
                column: "WorkerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PublicHolidays");

            migrationBuilder.DropTable(
                name: "SupportApprovals");

            migrationBuilder.DropTable(
                name: "SupportBankFileLayouts");

            migrationBuilder.DropTable(
                name: "SupportChainStepRules");

            migrationBuilder.DropTable(
                name: "SupportDecisions");

            migrationBuilder.DropTable(
                name: "SupportListDisputes");

            migrationBuilder.DropTable(
                name: "SupportPaymentLines");

            migrationBuilder.DropTable(
                name: "SupportListRows");

            migrationBuilder.DropTable(
                name: "SupportPaymentBatches");

            migrationBuilder.DropTable(
                name: "SupportLists");
        }
    }
}
