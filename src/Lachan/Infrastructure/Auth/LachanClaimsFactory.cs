using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lachan.Infrastructure.Auth;

/// <summary>Puts the role and jurisdiction into the cookie / token principal so no request needs the user row.</summary>
public sealed class LachanClaimsFactory(UserManager<LachanUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<LachanUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(LachanUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(LachanClaims.Role, user.Role.ToString()));
        if (user.ScopeCode is not null)
            identity.AddClaim(new Claim(LachanClaims.Scope, user.ScopeCode));
        return identity;
    }
}
