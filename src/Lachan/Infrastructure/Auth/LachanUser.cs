using Microsoft.AspNetCore.Identity;

namespace Lachan.Infrastructure.Auth;

/// <summary>An account. One role per account, and one jurisdiction code whose meaning the role gives
/// (province code, IZ code or "*" for all IZs, district or commune code, enterprise tax code).</summary>
public sealed class LachanUser : IdentityUser<int>
{
    public Role Role { get; set; }
    public string? ScopeCode { get; set; }
    public string? DisplayName { get; set; }
}

/// <summary>A bearer token for the API. Only its SHA-256 is stored; the token itself is shown once.</summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Written at most once a minute (see ApiTokenHandler).</summary>
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
