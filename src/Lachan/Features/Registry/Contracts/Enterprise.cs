namespace Lachan.Features.Registry.Contracts;

using Lachan.Infrastructure;

public enum EnterpriseStatus { Operating = 1, Suspended = 2, Closed = 3 }

public sealed class Enterprise
{
    public int Id { get; set; }
    public required string TaxCode { get; set; }
    public required string Name { get; set; }
    /// <summary>Lower-case name without diacritics, for search.</summary>
    public required string NameSearch { get; set; }
    public int? IndustrialZoneId { get; set; }
    public IndustrialZone? IndustrialZone { get; set; }
    public required string CommuneCode { get; set; }
    /// <summary>Kept beside the commune so district-level jurisdiction needs no join.</summary>
    public required string DistrictCode { get; set; }
    public required string ProvinceCode { get; set; }
    public string? Address { get; set; }
    public string? Sector { get; set; }
    public string? ContactPhone { get; set; }
    public EnterpriseStatus Status { get; set; } = EnterpriseStatus.Operating;
    public List<EnterpriseStatusChange> StatusHistory { get; set; } = [];

    /// <summary>Changes the status and keeps the history; a no-op change is refused so history stays meaningful.</summary>
    public void ChangeStatus(EnterpriseStatus status, DateOnly from, string reason)
    {
        if (status == Status)
            throw new DomainException("Enterprise.StatusUnchanged");
        Status = status;
        StatusHistory.Add(new EnterpriseStatusChange { Status = status, From = from, Reason = reason });
    }
}

public sealed class EnterpriseStatusChange
{
    public int Id { get; set; }
    public int EnterpriseId { get; set; }
    public EnterpriseStatus Status { get; set; }
    public DateOnly From { get; set; }
    public required string Reason { get; set; }
}
