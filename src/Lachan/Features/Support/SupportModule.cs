using Lachan.Features.Support.Contracts;
using Lachan.Features.Support.Eligibility;
using Lachan.Features.Support.Lists;
using Lachan.Features.Support.Payments;
using Lachan.Features.Support.Policies;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Lachan.Features.Support;

/// <summary>Support payments (issue 12, DOMAIN.md §6): policies as versioned rule sets, insurance months recorded by
/// social insurance, eligibility from the records, cost simulation; employer lists, the review chain and payments
/// (Lists, Payments).</summary>
public sealed class SupportModule : IModule
{
    public IEnumerable<Area> Areas => SupportAreas.All;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IDataBackfill, PolicySeedBackfill>();
        services.AddScoped<SupportFacts>();
        services.AddSupportLists().AddSupportPayments();
    }

    public void MapApi(RouteGroupBuilder api) => api.MapSupportLists().MapSupportPayments();

    public void AuthorizePages(PageConventionCollection pages) { }
}
