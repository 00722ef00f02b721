using Lachan.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Lachan.Features.Relief.Requests;

/// <summary>What the Requests half of the relief module adds (its services, endpoints, pages and menu).</summary>
public static class RequestsSetup
{
    public static IServiceCollection AddRequests(this IServiceCollection services, IConfiguration configuration) => services;

    public static RouteGroupBuilder MapRequestEndpoints(this RouteGroupBuilder api) => api;

    public static void AuthorizePages(PageConventionCollection pages) { }

    public static IEnumerable<MenuEntry> Menu => [];
}
