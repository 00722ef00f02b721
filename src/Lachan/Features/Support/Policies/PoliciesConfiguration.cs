using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lachan.Features.Support.Policies;

/// <summary>The policies part of the EF model; LachanDb applies every configuration of the assembly.</summary>
internal sealed class PoliciesConfiguration : IEntityTypeConfiguration<SupportPolicy>, IEntityTypeConfiguration<SupportPolicyVersion>
{
    public void Configure(EntityTypeBuilder<SupportPolicy> e)
    {
        e.ToTable("SupportPolicies");
        e.Property(p => p.Code).HasMaxLength(32);
        e.HasIndex(p => p.Code).IsUnique();
        e.Property(p => p.NameVi).HasMaxLength(300);
        e.Property(p => p.NameEn).HasMaxLength(300);
        e.Property(p => p.LegalBasis).HasMaxLength(300);
        e.Property(p => p.EmployerForm).HasMaxLength(32);
        e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(24);
        e.HasMany(p => p.Versions).WithOne(v => v.Policy).HasForeignKey(v => v.PolicyId);
    }

    public void Configure(EntityTypeBuilder<SupportPolicyVersion> e)
    {
        e.ToTable("SupportPolicyVersions");
        e.Property(v => v.Source).HasMaxLength(300);
        e.Property(v => v.ContractKinds).HasMaxLength(100);
        e.HasIndex(v => new { v.PolicyId, v.EffectiveFrom }).IsUnique();
    }
}
