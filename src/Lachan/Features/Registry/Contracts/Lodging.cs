namespace Lachan.Features.Registry.Contracts;

public sealed class Landlord
{
    public int Id { get; set; }
    public required string FullName { get; set; }
    public required string NameSearch { get; set; }
    public string? Phone { get; set; }
    public string? Cccd { get; set; }
}

public sealed class LodgingHouse
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string NameSearch { get; set; }
    public required string Address { get; set; }
    public required string CommuneCode { get; set; }
    /// <summary>Kept beside the commune so district-level jurisdiction needs no join.</summary>
    public required string DistrictCode { get; set; }
    public required string ProvinceCode { get; set; }
    public int LandlordId { get; set; }
    public Landlord? Landlord { get; set; }
    public int Rooms { get; set; }
    public int Capacity { get; set; }
}
