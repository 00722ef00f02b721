namespace Lachan.Features.Registry.Contracts;

public enum AdminLevel { Province = 1, District = 2, Commune = 3 }

/// <summary>A province, district or commune. Units change over time, so each has a validity period.</summary>
public sealed class AdminUnit
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public AdminLevel Level { get; set; }
    /// <summary>e.g. "huyện", "thành phố", "thị xã", "xã", "phường", "thị trấn".</summary>
    public required string Kind { get; set; }
    public string? ParentCode { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
}

public sealed class IndustrialZone
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public decimal AreaHectares { get; set; }
    /// <summary>District-level unit the zone lies in.</summary>
    public required string DistrictCode { get; set; }
    public required string ProvinceCode { get; set; }
}
