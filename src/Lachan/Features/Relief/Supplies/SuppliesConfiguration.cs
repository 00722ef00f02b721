using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lachan.Features.Relief.Supplies;

/// <summary>The supplies part of the EF model (points, stock, issues, donations, the ledger); LachanDb applies it.</summary>
internal sealed class SuppliesConfiguration :
    IEntityTypeConfiguration<SupplyPoint>,
    IEntityTypeConfiguration<SupplyItem>,
    IEntityTypeConfiguration<Holding>,
    IEntityTypeConfiguration<ReliefIssue>,
    IEntityTypeConfiguration<ReliefIssueLine>,
    IEntityTypeConfiguration<IssueLimitRule>,
    IEntityTypeConfiguration<Donor>,
    IEntityTypeConfiguration<Donation>,
    IEntityTypeConfiguration<DonationLine>,
    IEntityTypeConfiguration<Programme>,
    IEntityTypeConfiguration<LedgerMovement>
{
    public void Configure(EntityTypeBuilder<SupplyPoint> e)
    {
        e.ToTable("SupplyPoints");
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.CommuneCode).HasMaxLength(16);
        e.Property(x => x.Address).HasMaxLength(300);
        e.Property(x => x.OpeningHours).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<SupplyItem> e)
    {
        e.ToTable("SupplyItems");
        e.HasIndex(x => x.Code).IsUnique();
        e.Property(x => x.Code).HasMaxLength(32);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Unit).HasMaxLength(32);
        e.HasData(SupplyRules.Items);
    }

    public void Configure(EntityTypeBuilder<Holding> e)
    {
        e.ToTable("SupplyHoldings", t => t.HasCheckConstraint("CK_SupplyHoldings_Quantity", "\"Quantity\" >= 0"));
        e.HasIndex(x => new { x.Kind, x.Ref, x.ItemId });
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.LotCode).HasMaxLength(64);
        // the stock read before an issue is the stock written: a concurrent issue that took it first fails the save
        e.Property(x => x.Quantity).IsConcurrencyToken();
        e.HasOne<SupplyItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Donation).WithMany().HasForeignKey(x => x.DonationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ReliefIssue> e)
    {
        e.ToTable("ReliefIssues", t => t.HasCheckConstraint("CK_ReliefIssues_CashAmount", "\"CashAmount\" >= 0"));
        e.HasIndex(x => x.IdempotencyKey).IsUnique();
        // limits and "received nothing in N days" read a worker's issues by day
        e.HasIndex(x => new { x.WorkerId, x.Day });
        e.HasIndex(x => new { x.TicketCode, x.Day });
        e.HasIndex(x => x.Day);
        e.Property(x => x.TicketCode).HasMaxLength(32);
        e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.IdempotencyKey).HasMaxLength(64);
        e.Property(x => x.By).HasMaxLength(100);
        e.HasOne<SupplyPoint>().WithMany().HasForeignKey(x => x.PointId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.ReliefIssueId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ReliefIssueLine> e)
    {
        e.ToTable("ReliefIssueLines", t => t.HasCheckConstraint("CK_ReliefIssueLines_Quantity", "\"Quantity\" > 0"));
        e.HasOne<SupplyItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<IssueLimitRule> e)
    {
        e.ToTable("IssueLimitRules");
        e.Property(x => x.Code).HasMaxLength(64);
        e.Property(x => x.Source).HasMaxLength(200);
        e.HasOne<SupplyItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        e.HasData(SupplyRules.Limits);
    }

    public void Configure(EntityTypeBuilder<Donor> e)
    {
        e.ToTable("Donors");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.TaxCode).HasMaxLength(20);
    }

    public void Configure(EntityTypeBuilder<Donation> e)
    {
        e.ToTable("Donations", t => t.HasCheckConstraint("CK_Donations_MoneyAmount", "\"MoneyAmount\" >= 0"));
        e.HasIndex(x => x.ReceiptNo).IsUnique();
        e.HasIndex(x => x.Day);
        e.Property(x => x.ReceiptNo).HasMaxLength(32);
        e.Property(x => x.Note).HasMaxLength(500);
        e.Property(x => x.By).HasMaxLength(100);
        e.HasOne(x => x.Donor).WithMany().HasForeignKey(x => x.DonorId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.DonationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DonationLine> e)
    {
        e.ToTable("DonationLines", t => t.HasCheckConstraint("CK_DonationLines_Quantity", "\"Quantity\" > 0"));
        e.Property(x => x.LotCode).HasMaxLength(64);
        e.HasOne<SupplyItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<SupplyPoint>().WithMany().HasForeignKey(x => x.PointId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Programme> e)
    {
        e.ToTable("ReliefProgrammes");
        e.Property(x => x.Name).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<LedgerMovement> e)
    {
        // the trigger adds each movement to LedgerTotals (declared so EF does not rely on RETURNING past it on SQLite)
        e.ToTable("LedgerMovements", t =>
        {
            t.HasCheckConstraint("CK_LedgerMovements_Quantity", "\"Quantity\" > 0");
            t.HasTrigger(LedgerTotalConfiguration.Trigger);
        });
        e.Property(x => x.Reason).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.FromKind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.ToKind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.SourceKind).HasConversion<string>().HasMaxLength(24);
        e.Property(x => x.By).HasMaxLength(100);
        // the public totals: what came in from donors and what reached recipients, read from the index alone
        e.HasIndex(x => new { x.FromKind, x.SourceKind, x.ItemId, x.Day, x.Value });
        e.HasIndex(x => new { x.ToKind, x.ToRef, x.ItemId, x.Day, x.Value });
        e.HasIndex(x => x.DonationId);
        e.HasIndex(x => x.ReliefIssueId);
        e.HasIndex(x => x.ReversesId).IsUnique();
        e.HasOne(x => x.Donation).WithMany().HasForeignKey(x => x.DonationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<SupplyItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
