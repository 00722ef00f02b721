using Lachan.Features.Relief.Contracts;
using Lachan.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Lachan.Features.Relief.Supplies;

/// <summary>What the Supplies half of the relief module adds (its services, endpoints, pages and menu).</summary>
public static class SuppliesSetup
{
    public static IServiceCollection AddSupplies(this IServiceCollection services, IConfiguration configuration) =>
        services.AddScoped<SupplyIssues>().AddScoped<SupplyLedger>().AddScoped<Transparency>()
            .AddScoped<SupplyPoints>().AddScoped<SupplyReport>().AddScoped<IDemoData, SuppliesDemo>();

    public static void AuthorizePages(PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/Relief/Supplies", ReliefAreas.Supplies.Read);
        pages.AuthorizePage("/Relief/Supplies/Counter", ReliefAreas.Supplies.Write);
        // the public page: totals only, no personal data (issue 11, item 6)
        pages.AllowAnonymousToPage("/Relief/Supplies/Transparency");
    }

    public static IEnumerable<MenuEntry> Menu =>
    [
        new(120, "/Relief/Supplies", "Zero-đồng supermarkets", ReliefAreas.Supplies, TestId: "nav-supplies", Icon: "shop"),
    ];
}
