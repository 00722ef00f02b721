using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Testing;

public static class TestingModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<TestSample>(e =>
        {
            e.HasIndex(x => x.Code).IsUnique();
            // the retest list reads positive pools
            e.HasIndex(x => new { x.Result, x.Pooled });
            e.Property(x => x.Code).HasMaxLength(32);
            e.Property(x => x.Site).HasMaxLength(200);
            e.Property(x => x.Result).HasConversion<string>().HasMaxLength(16);
            e.Ignore(x => x.CollectedAt);
            e.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.TestSampleId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<SampleMember>(e =>
        {
            e.HasIndex(x => new { x.TestSampleId, x.WorkerId }).IsUnique();
            // "last sample of each worker" for the screening due list
            e.HasIndex(x => x.WorkerId);
            e.HasOne(x => x.Worker).WithMany().HasForeignKey(x => x.WorkerId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<PoolRule>(e =>
        {
            e.Property(x => x.Source).HasMaxLength(200);
            e.HasData(TestingRules.Seed);
        });
        b.Entity<ScreeningRule>(e =>
        {
            e.Property(x => x.Source).HasMaxLength(200);
            e.HasData(TestingRules.ScreeningSeed);
        });
        b.Entity<ScreeningSchedule>(e =>
        {
            e.HasIndex(x => x.EnterpriseId);
            e.HasOne(x => x.Enterprise).WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
