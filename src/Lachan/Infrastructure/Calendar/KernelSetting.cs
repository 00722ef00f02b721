using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lachan.Infrastructure.Calendar;

/// <summary>A setting an administrator changes at run time and that must survive a restart (the demo's day), kept in
/// the database rather than in appsettings: every node reads the same value.</summary>
public sealed class KernelSetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
}

public sealed class KernelSettingConfiguration : IEntityTypeConfiguration<KernelSetting>
{
    public void Configure(EntityTypeBuilder<KernelSetting> builder)
    {
        builder.ToTable("KernelSettings");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(64);
        builder.Property(s => s.Value).HasMaxLength(200);
    }
}
