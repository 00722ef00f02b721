using Lachan.Features.Relief.Contracts;
using Lachan.Features.Relief.Requests;
using Lachan.Features.Relief.Supplies;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Lachan.Features.Relief;

/// <summary>Worker life support (PRODUCT.md module 3): help requests from the hotline and the public form, triage,
/// dispatch and proof of delivery (Requests); zero-đồng supermarkets, stock, donations and the ledger (Supplies).
/// Requests uses Supplies (a delivery is an issue of goods); Supplies knows nothing of requests.</summary>
public sealed class ReliefModule : IModule
{
    public IEnumerable<Area> Areas => ReliefAreas.All;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddRequests(configuration);
        services.AddSupplies(configuration);
        services.AddScoped<Shared.IHomeSections, Home.ReliefHome>();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapRequestEndpoints();
        api.MapSupplyEndpoints();
    }

    public void AuthorizePages(PageConventionCollection pages)
    {
        RequestsSetup.AuthorizePages(pages);
        SuppliesSetup.AuthorizePages(pages);
    }

    public IEnumerable<MenuEntry> Menu => [.. RequestsSetup.Menu, .. SuppliesSetup.Menu];
}
