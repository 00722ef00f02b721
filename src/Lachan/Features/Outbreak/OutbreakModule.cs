using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Outbreak.Contacts;
using Lachan.Features.Outbreak.Contracts;
using Lachan.Features.Outbreak.Dashboard;
using Lachan.Features.Outbreak.Quarantine;
using Lachan.Features.Outbreak.Rules;
using Lachan.Features.Outbreak.Testing;
using Lachan.Features.Outbreak.Zones;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Lachan.Features.Outbreak;

/// <summary>Outbreak control: zones and their orders, who they affect, cases, contacts, quarantine, testing, the dated
/// rules, and the outbreak picture.</summary>
public sealed class OutbreakModule : IModule
{
    public IEnumerable<Area> Areas => OutbreakAreas.All;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ZoneOrders>().AddScoped<ZoneStatus>().AddScoped<AffectedWorkers>().AddScoped<OutbreakPicture>();
        services.AddScoped<CaseScope>();
        services.AddScoped<CaseEditor>();
        services.AddScoped<CaseList>();
        services.AddScoped<CaseDetail>();
        services.AddScoped<ContactSuggestions>();
        services.AddScoped<ContactDecisions>();
        services.AddScoped<Clusters>();
        services.AddScoped<ContactList>();
        services.AddScoped<QuarantineList>();
        services.AddScoped<QuarantineRelease>();
        services.AddScoped<DueList>();
        services.AddScoped<Lachan.Features.Shared.IHomeSections, Home.OutbreakHome>();
        services.AddScoped<Lachan.Features.Shared.IHomeSections, Home.ZonesHome>();
        // scoped, unlike the registry's sections: what it shows depends on the user's role
        services.AddScoped<IWorkerProfileSection, HealthSection>();
        services.AddScoped<TestingScope>();
        services.AddScoped<SampleEditor>();
        services.AddScoped<RetestList>();
        services.AddScoped<SampleList>();
        services.AddScoped<LabImport>();
        services.AddScoped<ScreeningSchedules>();
        services.AddScoped<RuleVersions>();
        services.AddScoped<IDemoData, OutbreakDemo>();
        services.AddScoped<IEnterpriseSection, StoppedByOrdersSection>();
        services.AddScoped<IOutbreakFacts, OutbreakFacts>();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapZoneEndpoints();
        api.MapCaseEndpoints();
        api.MapContactEndpoints();
        api.MapQuarantineEndpoints();
        api.MapTestingEndpoints();
    }

    public void AuthorizePages(PageConventionCollection pages)
    {
        pages.AuthorizePage("/Outbreak/Dashboard/Index", OutbreakAreas.Zones.Read);
        pages.AuthorizeFolder("/Outbreak/Zones", OutbreakAreas.Zones.Read);
        pages.AuthorizePage("/Outbreak/Zones/New", OutbreakAreas.Zones.Write);
        pages.AuthorizeFolder("/Outbreak/Cases", OutbreakAreas.Health.Read);
        pages.AuthorizeFolder("/Outbreak/Contacts", OutbreakAreas.Health.Read);
        pages.AuthorizeFolder("/Outbreak/Quarantine", OutbreakAreas.Health.Read);
        pages.AuthorizeFolder("/Outbreak/Testing", OutbreakAreas.Health.Read);
        pages.AuthorizeFolder("/Outbreak/Rules", OutbreakAreas.Health.Read);
    }

    public IEnumerable<MenuEntry> Menu =>
    [
        new(40, "/Outbreak", "Outbreak picture", OutbreakAreas.Zones, Icon: "activity"),
        new(50, "/Outbreak/Zones", "Outbreak zones", OutbreakAreas.Zones, Icon: "sign-stop"),
        new(90, "/Outbreak/Cases", "Cases and quarantine", OutbreakAreas.Health, TestId: "nav-cases", Icon: "clipboard2-pulse"),
    ];

    public string MenuTitle => "Outbreak";
}
