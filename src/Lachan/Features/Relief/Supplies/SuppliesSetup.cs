using Lachan.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Lachan.Features.Relief.Supplies;

/// <summary>What the Supplies half of the relief module adds (its services, endpoints, pages and menu).</summary>
public static class SuppliesSetup
{
    public static IServiceCollection AddSupplies(this IServiceCollection services, IConfiguration configuration) =>
        services.AddScoped<SupplyIssues>();

    public static RouteGroupBuilder MapSupplyEndpoints(this RouteGroupBuilder api) => api;

    public static void AuthorizePages(PageConventionCollection pages) { }

    public static IEnumerable<MenuEntry> Menu => [];
}
