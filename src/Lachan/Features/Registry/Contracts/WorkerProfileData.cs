namespace Lachan.Features.Registry.Contracts;

public sealed record WorkerIdentity(int Id, string Cccd, string? Cmnd, string? BhxhNumber, string FullName, Sex Sex,
    DateOnly DateOfBirth, string? Phone, string HomeProvinceCode, string HomeProvinceName, string? PermanentAddress,
    int? CurrentEnterpriseId, int? CurrentLodgingHouseId);

public sealed record EmploymentRow(int EnterpriseId, string EnterpriseName, string TaxCode, DateOnly From, DateOnly? To,
    ContractType ContractType, string? Workshop, int InsuredMonths);

public sealed record ResidenceRow(int LodgingHouseId, string LodgingHouseName, string Address, DateOnly From, DateOnly? To, string? Room);

public sealed record MovementRow(DateOnly Date, MovementKind Kind, string? Enterprise, string? PreviousEnterprise, string? LodgingHouse, string? PreviousLodgingHouse);

/// <summary>Everything the registry knows about one person. Later modules (outbreak, relief, vaccination,
/// support) add their own sections to the profile page through <see cref="IWorkerProfileSection"/>.</summary>
public sealed record WorkerProfileData(WorkerIdentity Identity, IReadOnlyList<EmploymentRow> Employments,
    IReadOnlyList<ResidenceRow> Residences, IReadOnlyList<MovementRow> Movements);

/// <summary>A block on the worker profile contributed by a module. The page renders <see cref="PartialName"/> with the
/// model returned by <see cref="LoadAsync"/>; a section returns null to stay hidden (e.g. the user's role may not see it).</summary>
public interface IWorkerProfileSection
{
    int Order { get; }
    string PartialName { get; }
    Task<object?> LoadAsync(WorkerProfileData profile, CancellationToken ct);
}

/// <summary>A block on the enterprise page contributed by another module (e.g. the periods outbreak orders stopped it),
/// rendered inside the status card; null hides it.</summary>
public interface IEnterpriseSection
{
    int Order { get; }
    string PartialName { get; }
    Task<object?> LoadAsync(Enterprise enterprise, CancellationToken ct);
}
