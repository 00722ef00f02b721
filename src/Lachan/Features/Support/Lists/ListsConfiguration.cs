using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lachan.Features.Support.Lists;

/// <summary>The lists part of the EF model: lists, rows, disputes, decisions, approvals and the chain's deadlines.</summary>
internal sealed class ListsConfiguration :
    IEntityTypeConfiguration<SupportList>,
    IEntityTypeConfiguration<SupportListRow>,
    IEntityTypeConfiguration<ListDispute>,
    IEntityTypeConfiguration<SupportApproval>,
    IEntityTypeConfiguration<SupportDecision>,
    IEntityTypeConfiguration<ChainStepRule>
{
    public void Configure(EntityTypeBuilder<SupportList> e)
    {
        e.ToTable("SupportLists");
        e.Property(x => x.PolicyCode).HasMaxLength(32);
        e.Property(x => x.TaxCode).HasMaxLength(20);
        e.Property(x => x.ZoneCode).HasMaxLength(16);
        e.Property(x => x.DistrictCode).HasMaxLength(16);
        e.Property(x => x.ProvinceCode).HasMaxLength(8);
        e.Property(x => x.Form).HasMaxLength(32);
        e.Property(x => x.Origin).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(24);
        e.Property(x => x.CreatedBy).HasMaxLength(100);
        e.Property(x => x.DecisionNo).HasMaxLength(64);
        e.Property(x => x.RefusalReason).HasMaxLength(1000);
        e.Property(x => x.Version).IsConcurrencyToken();
        // worklists: by state (and due day), by enterprise, by district
        e.HasIndex(x => new { x.State, x.DueOn });
        e.HasIndex(x => new { x.EnterpriseId, x.PolicyCode, x.PeriodStart });
        e.HasIndex(x => new { x.PolicyCode, x.PeriodKey });
        e.HasIndex(x => new { x.DistrictCode, x.State });
        e.HasMany(x => x.Rows).WithOne().HasForeignKey(x => x.SupportListId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Disputes).WithOne().HasForeignKey(x => x.SupportListId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SupportListRow> e)
    {
        e.ToTable("SupportListRows", t => t.HasCheckConstraint("CK_SupportListRows_Amounts", "\"AmountAsked\" >= 0 AND \"AmountComputed\" >= 0"));
        e.HasIndex(x => new { x.SupportListId, x.RowNo }).IsUnique();
        // the cross-list checks: the same worker on another list of the same policy period
        e.HasIndex(x => x.WorkerId);
        e.Property(x => x.Cccd).HasMaxLength(12);
        e.Property(x => x.FullName).HasMaxLength(200);
        e.Property(x => x.ReasonsJson).HasMaxLength(4000);
        e.Property(x => x.BankAccount).HasMaxLength(32);
        e.Property(x => x.BankName).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<ListDispute> e)
    {
        e.ToTable("SupportListDisputes");
        e.Property(x => x.Text).HasMaxLength(1000);
        e.Property(x => x.Resolution).HasMaxLength(1000);
    }

    public void Configure(EntityTypeBuilder<SupportApproval> e)
    {
        e.ToTable("SupportApprovals", t => t.HasCheckConstraint("CK_SupportApprovals_Amount", "\"Amount\" > 0"));
        // a worker is approved once per policy period, whichever process approves (issue 12, item 5)
        e.HasIndex(x => new { x.PolicyCode, x.PeriodStart, x.WorkerId }).IsUnique();
        e.HasIndex(x => x.SupportListId);
        e.HasIndex(x => x.WorkerId);
        e.Property(x => x.PolicyCode).HasMaxLength(32);
        e.Property(x => x.DecisionNo).HasMaxLength(64);
        e.HasOne<SupportList>().WithMany().HasForeignKey(x => x.SupportListId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<SupportListRow>().WithMany().HasForeignKey(x => x.RowId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<SupportDecision> e)
    {
        e.ToTable("SupportDecisions");
        // one decision per list: a second approval (another process, a doubled click) fails in the database
        e.HasIndex(x => x.SupportListId).IsUnique();
        e.Property(x => x.Number).HasMaxLength(64);
        e.Property(x => x.Reason).HasMaxLength(1000);
        e.Property(x => x.By).HasMaxLength(100);
        e.HasOne<SupportList>().WithMany().HasForeignKey(x => x.SupportListId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ChainStepRule> e)
    {
        e.ToTable("SupportChainStepRules");
        e.Property(x => x.Step).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Source).HasMaxLength(200);
        e.HasData(ChainRules.Seed);
    }
}
