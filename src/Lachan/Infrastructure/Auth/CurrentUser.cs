using System.Security.Claims;

namespace Lachan.Infrastructure.Auth;

public static class LachanClaims
{
    public const string Role = "lachan:role";
    public const string Scope = "lachan:scope";
}

/// <summary>Who is asking, read from the authenticated principal. Anonymous callers have no role.</summary>
public sealed class CurrentUser(IHttpContextAccessor http)
{
    private ClaimsPrincipal? Principal => http.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;
    public string Name => IsAuthenticated ? Principal!.Identity!.Name ?? "?" : "anonymous";

    public Role? Role =>
        Principal?.FindFirstValue(LachanClaims.Role) is { } r && Roles.TryParse(r, out var role) ? role : null;

    public string? Scope => Principal?.FindFirstValue(LachanClaims.Scope);
}
