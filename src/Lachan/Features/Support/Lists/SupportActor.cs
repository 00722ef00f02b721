using Lachan.Infrastructure.Auth;

namespace Lachan.Features.Support.Lists;

/// <summary>Who acts in the support module, said outright: the user's name (for the decision, the batch and the audit
/// event), the desk (role) and its jurisdiction code. The web layer builds it from the signed-in user
/// (<see cref="FromRequest"/>); the demo seed builds one for each desk of its story, so no service reads the user from
/// anywhere else and nothing stands a fake principal in a request's place.</summary>
public sealed record SupportActor(string UserName, Role? Role, string? Scope)
{
    public static SupportActor FromRequest(CurrentUser user) => new(user.Name, user.Role, user.Scope);

    public bool Can(Area area, Access needed) => Role is { } r && area.For(r) >= needed;

    /// <summary>Roles bound to the whole province (steering, health, labour, social insurance).</summary>
    public bool IsProvinceWide => Role is { } r && Roles.ScopeOf(r) == ScopeKind.Province;

    /// <summary>An IZ board account for every zone (scope "*" or none).</summary>
    public bool AllZones => Role == Infrastructure.Auth.Role.IzBoard && Scope is null or "*";
}
