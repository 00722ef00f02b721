using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lachan.Features.Outbreak.Testing;

/// <summary>The testing part of the EF model; LachanDb applies every configuration of the assembly.</summary>
internal sealed class TestingConfiguration :
    IEntityTypeConfiguration<TestSample>,
    IEntityTypeConfiguration<SampleMember>,
    IEntityTypeConfiguration<PoolRule>,
    IEntityTypeConfiguration<ScreeningRule>,
    IEntityTypeConfiguration<ScreeningSchedule>
{
    public void Configure(EntityTypeBuilder<TestSample> e)
    {
        e.ToTable("TestSamples");
        e.HasIndex(x => x.Code).IsUnique();
        // the retest list reads positive pools
        e.HasIndex(x => new { x.Result, x.Pooled });
        e.Property(x => x.Code).HasMaxLength(32);
        e.Property(x => x.Site).HasMaxLength(200);
        e.Property(x => x.Result).HasConversion<string>().HasMaxLength(16);
        e.Ignore(x => x.CollectedAt);
        e.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.TestSampleId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SampleMember> e)
    {
        e.ToTable("SampleMembers");
        e.HasIndex(x => new { x.TestSampleId, x.WorkerId }).IsUnique();
        // "last sample of each worker" for the screening due list
        e.HasIndex(x => x.WorkerId);
        e.HasOne(x => x.Worker).WithMany().HasForeignKey(x => x.WorkerId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<PoolRule> e)
    {
        e.ToTable("PoolRules");
        e.Property(x => x.Source).HasMaxLength(200);
        e.HasData(TestingRules.Seed);
    }

    public void Configure(EntityTypeBuilder<ScreeningRule> e)
    {
        e.ToTable("ScreeningRules");
        e.Property(x => x.Source).HasMaxLength(200);
        e.HasData(TestingRules.ScreeningSeed);
    }

    public void Configure(EntityTypeBuilder<ScreeningSchedule> e)
    {
        e.ToTable("ScreeningSchedules");
        e.HasIndex(x => x.EnterpriseId);
        e.HasOne(x => x.Enterprise).WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
    }
}
