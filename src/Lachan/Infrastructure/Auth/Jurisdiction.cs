using Lachan.Features.Registry.Contracts;
namespace Lachan.Infrastructure.Auth;

/// <summary>Who the caller is, as access is decided: the role (what areas it may use, each area's own row of the
/// access matrix) and the jurisdiction code (which rows). Each module filters its rows by composing these in its own
/// scope (e.g. the registry's <c>RegistryScope</c>); a record outside the caller's jurisdiction is simply not found (404),
/// so ids cannot be probed.</summary>
public sealed class Jurisdiction(CurrentUser user)
{
    public Role? Role => user.Role;
    public string? Scope => user.Scope;

    public static Access For(Role role, Area area) => area.For(role);

    public bool Can(Area area, Access needed) => Role is { } r && area.For(r) >= needed;

    /// <summary>Roles bound to the whole province (steering, health, labour, social insurance).</summary>
    public bool IsProvinceWide => Role is { } r && Roles.ScopeOf(r) == ScopeKind.Province;

    /// <summary>An IZ board account for every zone (scope "*" or none).</summary>
    public bool AllZones => Role == Auth.Role.IzBoard && Scope is null or "*";
}
