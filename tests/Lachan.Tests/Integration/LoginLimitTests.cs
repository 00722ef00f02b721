using Lachan.Infrastructure.Auth;
using System.Net;
using Lachan.Features.Account;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;

namespace Lachan.Tests.Integration;

/// <summary>Apps with the production login limits (the other tests' apps raise them, since all their logins come
/// from one address).</summary>
public sealed class LimitedApps() : Apps(Seed.Empty, new Dictionary<string, string>
{
    ["Login:RateLimit:PerClient"] = LoginThrottle.DefaultPerClient.ToString(),
    ["Login:RateLimit:PerAccount"] = LoginThrottle.DefaultPerAccount.ToString(),
});

/// <summary>Password guessing is slowed per client address and per account name: past the limit the login answers
/// 429. The client address comes from X-Forwarded-For, as behind the reverse proxy (the test server is trusted as one).</summary>
public sealed class LoginLimitTests(LimitedApps apps) : IClassFixture<LimitedApps>
{
    [Theory, BothProviders]
    public async Task Too_many_logins_from_one_client_are_refused_with_429(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var attacker = From(app, "203.0.113.7");
        for (var i = 0; i < LoginThrottle.DefaultPerClient; i++)
            Assert.Equal(HttpStatusCode.OK, (await attacker.PostLoginAsync($"guess-{provider}-{i}", "Wrong@pass1")).StatusCode);

        var refused = await attacker.PostLoginAsync($"guess-{provider}-x", "Wrong@pass1");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("data-testid=\"error-code-429\"", await refused.PageAsync());
        // another client is not affected, and showing the form is never limited
        var user = await app.NewUserAsync("other");
        Assert.Equal(HttpStatusCode.Redirect, (await From(app, "198.51.100.4").PostLoginAsync(user.UserName!)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await attacker.GetAsync("/Account/Login")).StatusCode);
    }

    [Theory, BothProviders]
    public async Task Too_many_logins_to_one_account_are_refused_with_429_from_any_client(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var user = await app.NewUserAsync("acct");
        for (var i = 0; i < LoginThrottle.DefaultPerAccount - 1; i++)
            await From(app, $"192.0.2.{i + 1}").PostLoginAsync(user.UserName!, $"Wrong@pass{i}");
        // the same account written in other capitals and with spaces counts too
        Assert.Equal(HttpStatusCode.OK, (await From(app, "192.0.2.50").PostLoginAsync($" {user.UserName!.ToUpperInvariant()} ", "Wrong@pass9")).StatusCode);

        var refused = await From(app, "192.0.2.99").PostLoginAsync(user.UserName!);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Null(refused.Cookie("lachan.auth"));
        Assert.Contains("Quá nhiều yêu cầu", await refused.PageAsync());
    }

    private static HttpClient From(LachanApp app, string ip)
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", ip);
        return client;
    }
}
