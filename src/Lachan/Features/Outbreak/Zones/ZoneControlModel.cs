using Lachan.Features.Registry.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Zones;

public enum ControlZoneKind { IndustrialZone = 1, Commune = 2, LodgingCluster = 3, EnterpriseSite = 4 }

/// <summary>Levels of an area (DOMAIN.md §3), mildest first so "at least medical isolation" is a comparison.</summary>
public enum ZoneLevel { Normal = 0, SocialDistancing = 1, MedicalIsolation = 2, Lockdown = 3 }

/// <summary>An area an order can put under control: an IZ, a commune, a cluster of lodging houses or one enterprise's
/// site. Exactly one of the target fields is set, by its kind.</summary>
public sealed class ControlZone
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public ControlZoneKind Kind { get; set; }
    public int? IndustrialZoneId { get; set; }
    public string? CommuneCode { get; set; }
    public int? EnterpriseId { get; set; }
    /// <summary>Kept for jurisdiction filters and the province-wide view.</summary>
    public required string ProvinceCode { get; set; }
    public List<ControlZoneLodging> LodgingHouses { get; set; } = [];
    public List<ZoneOrder> Orders { get; set; } = [];
}

/// <summary>A lodging house in a lodging-cluster zone.</summary>
public sealed class ControlZoneLodging
{
    public int ControlZoneId { get; set; }
    public int LodgingHouseId { get; set; }
}

/// <summary>A decision that puts a zone at a level from a date (optionally to a date). A later order supersedes an
/// earlier one from its effective date; lifting ends it (back to normal). See <see cref="ZoneTimeline"/>.</summary>
public sealed class ZoneOrder
{
    public int Id { get; set; }
    public int ControlZoneId { get; set; }
    public ZoneLevel Level { get; set; }
    public required string DecisionNumber { get; set; }
    public DateOnly DecisionDate { get; set; }
    public required string IssuedBy { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    /// <summary>Last day in force, inclusive; null while open-ended.</summary>
    public DateOnly? EffectiveTo { get; set; }
    /// <summary>First day no longer in force after it was lifted; on or before EffectiveFrom it was cancelled.</summary>
    public DateOnly? LiftedOn { get; set; }
    public string? LiftedBy { get; set; }
    public List<ZoneOrderExemption> Exemptions { get; set; } = [];
    public ZoneOrderScan? Scan { get; set; }
}

/// <summary>An enterprise the order lets keep working (e.g. assessed safe, three-on-site).</summary>
public sealed class ZoneOrderExemption
{
    public int ZoneOrderId { get; set; }
    public int EnterpriseId { get; set; }
}

/// <summary>The scanned decision, kept in the database so every app node can serve it.</summary>
public sealed class ZoneOrderScan
{
    public int ZoneOrderId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
}

public static class ZoneControlModel
{
    /// <summary>Zones with everything <see cref="ZoneTimeline"/> needs to evaluate them: orders, exemptions, cluster houses.</summary>
    public static IQueryable<ControlZone> WithOrders(this IQueryable<ControlZone> zones) =>
        zones.AsNoTracking().Include(z => z.Orders).ThenInclude(o => o.Exemptions).Include(z => z.LodgingHouses).AsSplitQuery();
}
