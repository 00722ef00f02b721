using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lachan.Features.Outbreak.Cases;

/// <summary>The cases part of the EF model; LachanDb applies every configuration of the assembly.</summary>
internal sealed class CasesConfiguration :
    IEntityTypeConfiguration<Case>,
    IEntityTypeConfiguration<Contact>,
    IEntityTypeConfiguration<QuarantineRule>,
    IEntityTypeConfiguration<QuarantineOrder>
{
    public void Configure(EntityTypeBuilder<Case> e)
    {
        e.ToTable("Cases");
        e.HasIndex(x => x.Code).IsUnique();
        e.HasIndex(x => x.WorkerId);
        e.HasIndex(x => x.ConfirmedOn);
        e.Property(x => x.Code).HasMaxLength(32);
        e.Property(x => x.TestKind).HasMaxLength(50);
        e.Property(x => x.TestPlace).HasMaxLength(200);
        e.Property(x => x.TreatmentPlace).HasMaxLength(200);
        e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(16);
        e.HasOne(x => x.Worker).WithMany().HasForeignKey(x => x.WorkerId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Contact> e)
    {
        e.ToTable("Contacts");
        // one decision per person per tree: confirmed or dismissed, never suggested twice
        e.HasIndex(x => new { x.CaseId, x.WorkerId }).IsUnique();
        e.HasIndex(x => x.WorkerId);
        e.Property(x => x.Level).HasConversion<string>().HasMaxLength(4);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.DecidedBy).HasMaxLength(100);
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Contact>().WithMany().HasForeignKey(x => x.SourceContactId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Worker).WithMany().HasForeignKey(x => x.WorkerId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<QuarantineRule> e)
    {
        e.ToTable("QuarantineRules");
        e.Property(x => x.Subject).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.DefaultPlace).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.TestDays).HasMaxLength(50);
        e.Property(x => x.Source).HasMaxLength(200);
        e.HasData(QuarantineRules.Seed);
    }

    public void Configure(EntityTypeBuilder<QuarantineOrder> e)
    {
        e.ToTable("QuarantineOrders");
        // the due list reads the open orders of a date
        e.HasIndex(x => new { x.ReleasedOn, x.StartOn });
        e.HasIndex(x => x.WorkerId);
        e.HasIndex(x => x.ContactId);
        e.Property(x => x.PlaceKind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.PlaceText).HasMaxLength(200);
        e.Property(x => x.ReleaseResult).HasMaxLength(200);
        e.HasOne(x => x.Rule).WithMany().HasForeignKey(x => x.QuarantineRuleId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Worker).WithMany().HasForeignKey(x => x.WorkerId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.SetNull);
    }
}
