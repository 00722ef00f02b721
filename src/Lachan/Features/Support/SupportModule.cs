using Lachan.Features.Support.Contracts;
using Lachan.Features.Support.Eligibility;
using Lachan.Features.Support.Insurance;
using Lachan.Features.Support.Lists;
using Lachan.Features.Support.Overview;
using Lachan.Features.Support.Payments;
using Lachan.Features.Support.Policies;
using Lachan.Features.Support.Reports;
using Lachan.Features.Support.Simulation;
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
        services.AddScoped<PolicyVersions>().AddScoped<SupportFacts>().AddScoped<CostSimulation>().AddScoped<InsuranceImport>();
        services.AddScoped<IDemoData, InsuranceDemo>().AddScoped<IDemoData, Demo.SupportDemo>();
        services.AddSupportLists().AddSupportPayments();
        services.AddScoped<SupportFlags>().AddScoped<WorkerOverview>().AddScoped<SupportReports>();
        services.AddScoped<Shared.IHomeSections, Home.SupportHome>();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapPolicyEndpoints();
        api.MapSimulationEndpoints();
        api.MapSupportLists().MapSupportPayments();
        api.MapSupportOverview().MapSupportReports();
    }

    public void AuthorizePages(PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/Support/Policies", SupportAreas.Policies.Read);
        pages.AuthorizeFolder("/Support/Simulation", SupportAreas.Policies.Write);
        pages.AuthorizeFolder("/Support/Insurance", SupportAreas.Insurance.Read);
        pages.AuthorizeFolder("/Support/Lists", SupportAreas.Lists.Read);
        pages.AuthorizeFolder("/Support/Payments", SupportAreas.Payments.Read);
        pages.AuthorizeFolder("/Support/Overview", SupportAreas.Lists.Read);
        pages.AuthorizeFolder("/Support/Reports", SupportAreas.Lists.Read);
    }

    public IEnumerable<MenuEntry> Menu =>
    [
        new(130, "/Support/Policies", "Support policies", SupportAreas.Policies, TestId: "nav-support-policies", Icon: "journal-text"),
        new(132, "/Support/Simulation", "Cost simulation", SupportAreas.Policies, Access.Write, TestId: "nav-support-simulation", Icon: "activity"),
        new(136, "/Support/Lists", "Employer lists", SupportAreas.Lists, TestId: "nav-support-lists", Icon: "list"),
        new(137, "/Support/Payments", "Payments", SupportAreas.Payments, TestId: "nav-support-payments", Icon: "cash-coin"),
        new(138, "/Support/Overview", "Support flags", SupportAreas.Lists, TestId: "nav-support-flags", Icon: "flag"),
        new(139, "/Support/Reports", "Support reports", SupportAreas.Lists, TestId: "nav-support-reports", Icon: "bar-chart"),
        new(134, "/Support/Insurance", "Insurance months", SupportAreas.Insurance, TestId: "nav-support-insurance", Icon: "shield-check"),
    ];

    public string MenuTitle => "Support payments";

    public IEnumerable<Verb> Verbs => [SupportCommands.Verb];
}
