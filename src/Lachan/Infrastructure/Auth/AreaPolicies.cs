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

/// <summary>How an API endpoint or route group declares the area it needs, checked by the area policies before the
/// handler runs (so a handler does not repeat it). Which rows the caller sees is still the module's scope.</summary>
public static class AreaEndpoints
{
    public static TBuilder RequireArea<TBuilder>(this TBuilder endpoints, Area area, Access access) where TBuilder : IEndpointConventionBuilder =>
        access switch
        {
            Access.Read => endpoints.RequireAuthorization(area.Read),
            Access.Write => endpoints.RequireAuthorization(area.Write),
            _ => throw new ArgumentOutOfRangeException(nameof(access), access, "An endpoint needs read or write access to its area."),
        };
}
