using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Lachan.Infrastructure.Auth;

/// <summary>Limits password logins per client address (the `login` rate-limit policy, on the login page's POST)
/// and per account name (in the handler, since the name is in the form body). Per node: with several nodes an
/// attacker gets that many times the budget, and the account lockout (in the database) still holds.</summary>
/// <remarks>Settings: Login:RateLimit:PerClient (default 10) and Login:RateLimit:PerAccount (default 5) attempts a minute.</remarks>
public sealed class LoginThrottle : IDisposable
{
    public const string Policy = "login";
    public const int DefaultPerClient = 10;
    public const int DefaultPerAccount = 5;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<string> _perAccount;

    public LoginThrottle(IConfiguration config)
    {
        var limit = config.GetValue("Login:RateLimit:PerAccount", DefaultPerAccount);
        _perAccount = PartitionedRateLimiter.Create<string, string>(name => RateLimitPartition.GetFixedWindowLimiter(name,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = Window }));
    }

    /// <summary>False when this account name (case and surrounding spaces ignored) had too many attempts lately.</summary>
    public bool TryAttempt(string userName)
    {
        using var lease = _perAccount.AttemptAcquire(userName.Trim().ToUpperInvariant());
        return lease.IsAcquired;
    }

    public static void AddPolicy(RateLimiterOptions o, IConfiguration config)
    {
        var limit = config.GetValue("Login:RateLimit:PerClient", DefaultPerClient);
        // Only the POST is an attempt; showing the form is free.
        o.AddPolicy(Policy, ctx => HttpMethods.IsPost(ctx.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "?",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = Window })
            : RateLimitPartition.GetNoLimiter("get"));
    }

    public void Dispose() => _perAccount.Dispose();
}
