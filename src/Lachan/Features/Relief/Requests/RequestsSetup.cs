using System.Threading.RateLimiting;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Relief.Contracts;
using Lachan.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;
using Quartz;

namespace Lachan.Features.Relief.Requests;

/// <summary>What the Requests half of the relief module adds (its services, endpoints, pages and menu).</summary>
public static class RequestsSetup
{
    public static IServiceCollection AddRequests(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<RequestScope>().AddScoped<Reach>().AddScoped<Situation>().AddScoped<HelpRequests>().AddScoped<RequestQueue>()
            .AddScoped<Deliveries>().AddScoped<Unreached>().AddScoped<Worklists>().AddScoped<HotlineLookup>()
            .AddScoped<ReachShare>().AddScoped<RequestReport>();
        services.AddSingleton<RequestReference>();
        services.AddScoped<IWorkerProfileSection, ReliefSection>().AddScoped<Contracts.IReliefReceived, ReliefReceived>();
        services.AddScoped<IDemoData, RequestsDemo>();
        services.ConfigureAllQuartzSchedulers(Escalation.Schedule);
        // The public form and ticket pages, per client address: a flood from one client is refused (429) while the
        // others go through. The limit is a setting so that tests from one address can raise it.
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((o, config) =>
        {
            var limit = config.GetValue("Relief:PublicRateLimit:PerMinute", 20);
            o.AddPolicy(RequestsApi.PublicPolicy, ctx => RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "?",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1) }));
        });
        return services;
    }

    public static RouteGroupBuilder MapRequestEndpoints(this RouteGroupBuilder api) => RequestsApi.Map(api);

    public static void AuthorizePages(PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/Relief/Requests", ReliefAreas.Requests.Read);
        pages.AllowAnonymousToPage("/Relief/Requests/Help");
    }

    public static IEnumerable<MenuEntry> Menu =>
    [
        new(110, "/Relief/Requests", "Help requests", ReliefAreas.Requests, TestId: "nav-relief-requests", Icon: "telephone"),
        new(112, "/Relief/Requests/Deliveries", "My deliveries", ReliefAreas.Requests, Infrastructure.Auth.Access.Write, TestId: "nav-relief-deliveries", Icon: "truck"),
        new(114, "/Relief/Requests/Unreached", "No one left hungry", ReliefAreas.Requests, TestId: "nav-relief-unreached", Icon: "basket"),
    ];
}
