using System.Security.Claims;
using Lachan.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lachan.Infrastructure.Auth;

/// <summary>Ending an account's sessions and tokens, and checking a session on every request.</summary>
/// <remarks>Two kinds of lockout: the automatic one after failed passwords (15 minutes) only stops password logins;
/// a lock by an operator (<see cref="LockAsync"/>, lockout end <see cref="DisabledFrom"/> or later) ends everything.</remarks>
public sealed class Accounts(UserManager<LachanUser> users, LachanDb db, TimeProvider time)
{
    /// <summary>A lockout ending this late was set by an operator, never by failed passwords.</summary>
    public static readonly DateTimeOffset DisabledFrom = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static bool IsDisabled(DateTimeOffset? lockoutEnd) => lockoutEnd >= DisabledFrom;

    /// <summary>A new security stamp (every cookie of the account stops working) and every token revoked.</summary>
    public async Task<int> RevokeAllAsync(LachanUser user)
    {
        await users.UpdateSecurityStampAsync(user);
        var now = time.GetUtcNow().UtcDateTime;
        return await db.ApiTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now));
    }

    /// <summary>Locks the account until an operator sets a new password, and ends its sessions and tokens.</summary>
    public async Task LockAsync(LachanUser user)
    {
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DisabledFrom.AddYears(999));
        await RevokeAllAsync(user);
    }

    public Task<List<ApiToken>> TokensAsync(LachanUser user) =>
        db.ApiTokens.AsNoTracking().Where(t => t.UserId == user.Id).OrderBy(t => t.Id).ToListAsync();

    /// <summary>The cookie's security stamp is compared with the account's on every request (one read by key), not
    /// every 30 minutes as Identity's validator does: a logout, a new password or a revocation ends every copy of
    /// the cookie at once, on every node.</summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext ctx)
    {
        var claimTypes = ctx.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var id = ctx.Principal?.FindFirstValue(claimTypes.UserIdClaimType);
        var stamp = ctx.Principal?.FindFirstValue(claimTypes.SecurityStampClaimType);
        if (int.TryParse(id, out var userId) && stamp is not null)
        {
            var db = ctx.HttpContext.RequestServices.GetRequiredService<LachanDb>();
            var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new { u.SecurityStamp, u.LockoutEnd }).FirstOrDefaultAsync(ctx.HttpContext.RequestAborted);
            if (account is not null && account.SecurityStamp == stamp && !IsDisabled(account.LockoutEnd))
                return;
        }
        ctx.RejectPrincipal();
        await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
