using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Lachan.Features.Registry.Contracts;

namespace Lachan.Features.Outbreak.Zones;

/// <summary>The zones part of the EF model; LachanDb applies every configuration of the assembly.</summary>
internal sealed class ZoneControlConfiguration :
    IEntityTypeConfiguration<ControlZone>,
    IEntityTypeConfiguration<ControlZoneLodging>,
    IEntityTypeConfiguration<ZoneOrder>,
    IEntityTypeConfiguration<ZoneOrderExemption>,
    IEntityTypeConfiguration<ZoneOrderScan>
{
    public void Configure(EntityTypeBuilder<ControlZone> e)
    {
        e.ToTable("ControlZones");
        e.Property(z => z.Name).HasMaxLength(200);
        e.Property(z => z.CommuneCode).HasMaxLength(16);
        e.Property(z => z.ProvinceCode).HasMaxLength(3);
        e.HasOne<IndustrialZone>().WithMany().HasForeignKey(z => z.IndustrialZoneId);
        e.HasOne<Enterprise>().WithMany().HasForeignKey(z => z.EnterpriseId);
        e.HasIndex(z => z.IndustrialZoneId);
        e.HasIndex(z => z.CommuneCode);
        e.HasIndex(z => z.EnterpriseId);
        e.HasMany(z => z.LodgingHouses).WithOne().HasForeignKey(l => l.ControlZoneId);
        e.HasMany(z => z.Orders).WithOne().HasForeignKey(o => o.ControlZoneId);
    }

    public void Configure(EntityTypeBuilder<ControlZoneLodging> e)
    {
        e.HasKey(l => new { l.ControlZoneId, l.LodgingHouseId });
        e.HasOne<LodgingHouse>().WithMany().HasForeignKey(l => l.LodgingHouseId);
        e.HasIndex(l => l.LodgingHouseId);
    }

    public void Configure(EntityTypeBuilder<ZoneOrder> e)
    {
        e.ToTable("ZoneOrders");
        e.Property(o => o.DecisionNumber).HasMaxLength(64);
        e.Property(o => o.IssuedBy).HasMaxLength(200);
        e.Property(o => o.LiftedBy).HasMaxLength(64);
        e.HasMany(o => o.Exemptions).WithOne().HasForeignKey(x => x.ZoneOrderId);
        e.HasOne(o => o.Scan).WithOne().HasForeignKey<ZoneOrderScan>(s => s.ZoneOrderId);
    }

    public void Configure(EntityTypeBuilder<ZoneOrderExemption> e)
    {
        e.HasKey(x => new { x.ZoneOrderId, x.EnterpriseId });
        e.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId);
    }

    public void Configure(EntityTypeBuilder<ZoneOrderScan> e)
    {
        e.ToTable("ZoneOrderScans");
        e.HasKey(s => s.ZoneOrderId);
        e.Property(s => s.FileName).HasMaxLength(200);
        e.Property(s => s.ContentType).HasMaxLength(100);
    }
}
