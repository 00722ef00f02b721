using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lachan.Infrastructure.Auth;

/// <summary>Puts the role and jurisdiction into the cookie / token principal so no request needs the user row; the
/// person's display name and the jurisdiction's name too, read once at login, for the header.</summary>
public sealed class LachanClaimsFactory(UserManager<LachanUser> users, IOptions<IdentityOptions> options,
    IEnumerable<IJurisdictionNames> jurisdictionNames)
    : UserClaimsPrincipalFactory<LachanUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(LachanUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(LachanClaims.Role, user.Role.ToString()));
        if (!string.IsNullOrWhiteSpace(user.DisplayName))
            identity.AddClaim(new Claim(LachanClaims.DisplayName, user.DisplayName));
        if (user.ScopeCode is not null)
        {
            identity.AddClaim(new Claim(LachanClaims.Scope, user.ScopeCode));
            foreach (var names in jurisdictionNames)
                if (await names.NameAsync(user.Role, user.ScopeCode, CancellationToken.None) is { } name)
                {
                    identity.AddClaim(new Claim(LachanClaims.ScopeName, name));
                    break;
                }
        }
        return identity;
    }
}
