using Microsoft.AspNetCore.Authorization;

namespace Lachan.Infrastructure.Auth;

/// <summary>"Area:Read" / "Area:Write" policies for every area a module declares: the one place an endpoint group or a
/// page folder's access is checked. Rows inside an area are still filtered by the module's scope.</summary>
public static class AreaPolicies
{
    public static AuthorizationBuilder AddAreaPolicies(this AuthorizationBuilder auth, IEnumerable<Area> areas)
    {
        foreach (var area in areas)
        {
            auth.AddPolicy(area.Read, p => p.RequireAuthenticatedUser().AddRequirements(new AreaRequirement(area, Access.Read)));
            auth.AddPolicy(area.Write, p => p.RequireAuthenticatedUser().AddRequirements(new AreaRequirement(area, Access.Write)));
        }
        return auth;
    }
}

public sealed record AreaRequirement(Area Area, Access Needed) : IAuthorizationRequirement;

internal sealed class AreaHandler : AuthorizationHandler<AreaRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AreaRequirement requirement)
    {
        if (context.User.FindFirst(LachanClaims.Role)?.Value is { } r && Roles.TryParse(r, out var role) && requirement.Area.For(role) >= requirement.Needed)
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
