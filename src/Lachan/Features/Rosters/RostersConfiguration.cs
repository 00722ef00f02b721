using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lachan.Features.Rosters;

/// <summary>The rosters' part of the EF model; LachanDb applies every configuration of the assembly.</summary>
internal sealed class RostersConfiguration :
    IEntityTypeConfiguration<RosterImport>,
    IEntityTypeConfiguration<RosterMapping>
{
    public void Configure(EntityTypeBuilder<RosterImport> e)
    {
        e.ToTable("RosterImports");
        e.HasIndex(x => new { x.EnterpriseId, x.FileHash });
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.FileName).HasMaxLength(260);
        e.Property(x => x.FileHash).HasMaxLength(64);
        e.Property(x => x.StoredPath).HasMaxLength(500);
        e.Property(x => x.CreatedBy).HasMaxLength(100);
        e.Property(x => x.ErrorCode).HasMaxLength(64);
    }

    public void Configure(EntityTypeBuilder<RosterMapping> e)
    {
        e.ToTable("RosterMappings");
        e.HasIndex(x => new { x.EnterpriseId, x.HeaderKey }).IsUnique();
        e.Property(x => x.HeaderKey).HasMaxLength(200);
        e.Property(x => x.Field).HasConversion<string>().HasMaxLength(32);
    }
}
