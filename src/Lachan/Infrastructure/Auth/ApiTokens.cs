using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Lachan.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Lachan.Infrastructure.Auth;

public static class ApiTokens
{
    public const string Scheme = "Bearer";

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Issues a new random token for a user; returns the token, which is never stored.</summary>
    public static async Task<string> IssueAsync(LachanDb db, LachanUser user, TimeProvider time)
    {
        var token = "lch_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.ApiTokens.Add(new ApiToken { UserId = user.Id, TokenHash = Hash(token), CreatedAt = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
        return token;
    }
}

/// <summary>Authenticates `Authorization: Bearer lch_…` against the stored token hashes.</summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    LachanDb db, IUserClaimsPrincipalFactory<LachanUser> claims, IMemoryCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>How long a verified token is trusted without asking the database again: a revocation or lockout
    /// takes effect within this time on every node.</summary>
    public static readonly TimeSpan Trust = TimeSpan.FromSeconds(30);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var hash = ApiTokens.Hash(header["Bearer ".Length..].Trim());
        var principal = await cache.GetOrCreateAsync("api-token:" + hash, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Trust;
            var user = await db.ApiTokens.Where(t => t.TokenHash == hash && t.RevokedAt == null)
                .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => u).FirstOrDefaultAsync();
            return user is null || (user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow) ? null : await claims.CreateAsync(user);
        });
        return principal is null
            ? AuthenticateResult.Fail("invalid token")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }
}
