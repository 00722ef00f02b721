using Lachan.Features.Registry.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lachan.Features.Support.Insurance;

/// <summary>A worker was on an employer's compulsory social-insurance list in a month, as social insurance recorded it
/// (the "insured in the month before" condition). Month is the month's first day.</summary>
public sealed class InsuredMonth
{
    public long Id { get; set; }
    public int WorkerId { get; set; }
    public DateOnly Month { get; set; }
    public int EnterpriseId { get; set; }

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);
}

internal sealed class InsuranceConfiguration : IEntityTypeConfiguration<InsuredMonth>
{
    public void Configure(EntityTypeBuilder<InsuredMonth> e)
    {
        e.ToTable("SupportInsuredMonths");
        e.HasOne<Worker>().WithMany().HasForeignKey(m => m.WorkerId);
        e.HasOne<Enterprise>().WithMany().HasForeignKey(m => m.EnterpriseId);
        // one row per worker, month and employer; the facts loader reads a period's months of many workers
        e.HasIndex(m => new { m.WorkerId, m.Month, m.EnterpriseId }).IsUnique();
        e.HasIndex(m => new { m.Month, m.WorkerId });
    }
}
