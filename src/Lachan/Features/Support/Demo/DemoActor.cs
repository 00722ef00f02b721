using System.Security.Claims;
using Lachan.Infrastructure.Auth;

namespace Lachan.Features.Support.Demo;

/// <summary>The seed runs outside any request, but the lists' services decide who may draft from the caller (an HR
/// account may draft its own enterprise's lists). So the demo acts through them as the enterprise's HR would, by
/// standing a principal in the request's place for the duration, and puts back what was there.</summary>
internal sealed class DemoActor : IDisposable
{
    private readonly IHttpContextAccessor _http;
    private readonly HttpContext? _before;

    private DemoActor(IHttpContextAccessor http, Role role, string scope)
    {
        _http = http;
        _before = http.HttpContext;
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "demo"), new Claim(LachanClaims.Role, role.ToString()), new Claim(LachanClaims.Scope, scope)],
            "demo", ClaimTypes.Name, ClaimTypes.Role);
        http.HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(identity) };
    }

    public static DemoActor As(IHttpContextAccessor http, Role role, string scope) => new(http, role, scope);

    public void Dispose() => _http.HttpContext = _before;
}
