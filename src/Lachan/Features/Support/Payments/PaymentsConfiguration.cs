using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lachan.Features.Support.Payments;

internal sealed class PaymentsConfiguration :
    IEntityTypeConfiguration<PaymentBatch>,
    IEntityTypeConfiguration<PaymentLine>,
    IEntityTypeConfiguration<BankFileLayout>
{
    public void Configure(EntityTypeBuilder<PaymentBatch> e)
    {
        e.ToTable("SupportPaymentBatches", t => t.HasCheckConstraint("CK_SupportPaymentBatches_Total", "\"Total\" > 0"));
        e.HasIndex(x => x.IdempotencyKey).IsUnique();
        e.HasIndex(x => x.Reference).IsUnique();
        e.HasIndex(x => x.SupportListId);
        e.Property(x => x.Reference).HasMaxLength(32);
        e.HasIndex(x => new { x.ProvinceCode, x.DistrictCode });
        e.HasIndex(x => x.TaxCode);
        e.Property(x => x.IdempotencyKey).HasMaxLength(64);
        e.Property(x => x.PolicyCode).HasMaxLength(32);
        e.Property(x => x.TaxCode).HasMaxLength(20);
        e.Property(x => x.DistrictCode).HasMaxLength(16);
        e.Property(x => x.ProvinceCode).HasMaxLength(8);
        e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.CreatedBy).HasMaxLength(100);
        e.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.PaymentBatchId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PaymentLine> e)
    {
        e.ToTable("SupportPaymentLines", t => t.HasCheckConstraint("CK_SupportPaymentLines_Amount", "\"Amount\" > 0"));
        // an approval is paid once: two processes paying the same list cannot both write its lines
        e.HasIndex(x => x.ApprovalId).IsUnique();
        e.HasIndex(x => x.Reference).IsUnique();
        e.HasIndex(x => x.WorkerId);
        e.Property(x => x.Reference).HasMaxLength(32);
        e.Property(x => x.PayeeName).HasMaxLength(200);
        e.Property(x => x.Cccd).HasMaxLength(12);
        e.Property(x => x.Account).HasMaxLength(32);
        e.Property(x => x.Bank).HasMaxLength(100);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.ReturnReason).HasMaxLength(500);
    }

    public void Configure(EntityTypeBuilder<BankFileLayout> e)
    {
        e.ToTable("SupportBankFileLayouts");
        e.HasIndex(x => x.Code).IsUnique();
        e.Property(x => x.Code).HasMaxLength(32);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.ColumnsSpec).HasMaxLength(1000);
        e.HasData(
            new BankFileLayout { Id = 1, Code = "default", Name = "Mẫu chung (chi hộ)", ColumnsSpec = "Mã tham chiếu=Reference;Tên người nhận=PayeeName;Số tài khoản=Account;Ngân hàng=Bank;Số tiền=Amount;Nội dung=Content" },
            new BankFileLayout { Id = 2, Code = "vbsp", Name = "Ngân hàng Chính sách xã hội", ColumnsSpec = "STT tham chiếu=Reference;Họ và tên=PayeeName;Số CCCD=Cccd;Số tài khoản=Account;Số tiền (đồng)=Amount;Diễn giải=Content" });
    }
}
