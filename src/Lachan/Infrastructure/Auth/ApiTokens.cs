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
        if (Accounts.IsDisabled(user.LockoutEnd))
            throw new InvalidOperationException($"The account {user.UserName} is locked by an operator; unlock it with `users password` first.");
        var token = "lch_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.ApiTokens.Add(new ApiToken { UserId = user.Id, TokenHash = Hash(token), CreatedAt = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
        return token;
    }
}

/// <summary>Authenticates `Authorization: Bearer lch_…` against the stored token hashes.</summary>
/// <remarks>Every request asks the database whether the token is still valid (one indexed read), so a revoked
/// token, a deleted or operator-locked account is refused at once on every node. Only the principal built from
/// the account is cached, keyed on the account's security stamp. The automatic lockout after failed passwords does
/// not refuse tokens: an anonymous attacker guessing passwords must not be able to cut off an API client.</remarks>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    LachanDb db, IUserClaimsPrincipalFactory<LachanUser> claims, IMemoryCache cache, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>A token's last use is written at most this often: the list shows when it was last used, give or take.</summary>
    private static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var hash = ApiTokens.Hash(header["Bearer ".Length..].Trim());
        var row = await db.ApiTokens.AsNoTracking().Where(t => t.TokenHash == hash && t.RevokedAt == null)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { TokenId = t.Id, t.LastUsedAt, UserId = u.Id, u.SecurityStamp, u.LockoutEnd })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (row is null || Accounts.IsDisabled(row.LockoutEnd))
            return AuthenticateResult.Fail("invalid token");

        var principal = await cache.GetOrCreateAsync($"api-token:{hash}:{row.SecurityStamp}", async entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(5);
            var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == row.UserId);
            return await claims.CreateAsync(user);
        });

        var now = time.GetUtcNow().UtcDateTime;
        if (row.LastUsedAt is not { } last || now - last > LastUseResolution)
            await db.ApiTokens.Where(t => t.Id == row.TokenId).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        return AuthenticateResult.Success(new AuthenticationTicket(principal!, Scheme.Name));
    }
}
