using Lachan.Infrastructure.Auth;

namespace Lachan.Features.Outbreak.Contracts;

/// <summary>The outbreak module's rows of the access matrix. Health records (cases, contacts, quarantine, tests) are
/// for health roles only (DOMAIN.md §8); zones and who they affect are read by every desk.</summary>
public static class OutbreakAreas
{
    public static readonly Area Zones = new("Zones", r => r is Role.Volunteer or Role.Checkpoint ? Access.None : Access.Read);

    public static readonly Area Health = new("Health", r => r == Role.Health ? Access.Write : Access.None);

    public static IReadOnlyList<Area> All => [Zones, Health];
}
