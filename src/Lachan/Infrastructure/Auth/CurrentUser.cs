using System.Security.Claims;

namespace Lachan.Infrastructure.Auth;

public static class LachanClaims
{
    public const string Role = "lachan:role";
    public const string Scope = "lachan:scope";
    public const string DisplayName = "lachan:name";
    public const string ScopeName = "lachan:scope-name";
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

    /// <summary>The person's name when the account has one, else the login.</summary>
    public string DisplayName => Principal?.FindFirstValue(LachanClaims.DisplayName) ?? Name;

    /// <summary>The jurisdiction's name ("tỉnh Bắc Giang"), or its code when no unit has that code.</summary>
    public string? ScopeName => Principal?.FindFirstValue(LachanClaims.ScopeName) ?? Scope;
}
