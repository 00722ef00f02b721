using Lachan.Features.Registry.Contracts;
namespace Lachan.Features.Registry.Workers;

/// <summary>The registry's own blocks of the worker profile; other modules register theirs the same way.</summary>
public sealed class EmploymentsSection : IWorkerProfileSection
{
    public int Order => 10;
    public string PartialName => "~/Features/Registry/Workers/_Employments.cshtml";
    public Task<object?> LoadAsync(WorkerProfileData profile, CancellationToken ct) => Task.FromResult<object?>(profile.Employments);
}

public sealed class ResidencesSection : IWorkerProfileSection
{
    public int Order => 20;
    public string PartialName => "~/Features/Registry/Workers/_Residences.cshtml";
    public Task<object?> LoadAsync(WorkerProfileData profile, CancellationToken ct) => Task.FromResult<object?>(profile.Residences);
}

public sealed class MovementsSection : IWorkerProfileSection
{
    public int Order => 30;
    public string PartialName => "~/Features/Registry/Workers/_Movements.cshtml";
    public Task<object?> LoadAsync(WorkerProfileData profile, CancellationToken ct) => Task.FromResult<object?>(profile.Movements);
}
