using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Lachan.Tests.Integration;

/// <summary>Every API endpoint declares the area policy it needs (`RequireArea`) or is marked anonymous on purpose, so
/// a new endpoint cannot rely on a check by hand, or forget it. The /api/v1 group's bare "authenticated" requirement
/// does not count: it says who may call at all, not what the caller may use.</summary>
public sealed class ApiPolicyTests
{
    [Fact]
    public async Task Every_API_endpoint_declares_its_policy_or_is_marked_anonymous()
    {
        await using var app = await LachanApp.StartAsync(DatabaseProvider.Sqlite, Seed.Empty);
        var policies = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var api = new List<string>();
        var undeclared = new List<string>();
        foreach (var source in app.Services.GetServices<EndpointDataSource>())
            foreach (var e in source.Endpoints.OfType<RouteEndpoint>())
            {
                var path = "/" + e.RoutePattern.RawText!.TrimStart('/');
                if (!path.StartsWith("/api/", StringComparison.Ordinal)) continue;
                var name = $"{string.Join(",", e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])} {path}";
                api.Add(name);
                if (e.Metadata.GetMetadata<IAllowAnonymous>() is not null) continue;
                var declared = e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList();
                if (declared.Count == 0) undeclared.Add(name);
                foreach (var policy in declared)
                    Assert.True(await policies.GetPolicyAsync(policy) is not null, $"{name} names the policy '{policy}', which does not exist");
            }
        Assert.Contains("GET /api/v1/workers/", api);   // the enumeration sees the API
        Assert.True(undeclared.Count == 0, "API endpoints without a declared policy (add .RequireArea(area, access), or .AllowAnonymous() on purpose):\n"
            + string.Join("\n", undeclared));
    }
}
