using Lachan.Features.Registry.AdminUnits;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Registry.Demo;
using Lachan.Features.Registry.Enterprises;
using Lachan.Features.Registry.Lodging;
using Lachan.Features.Registry.Transfers;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Registry.Zones;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Lachan.Features.Registry;

/// <summary>The registry: places, enterprises, lodging houses and workers with their histories, and the demo province.</summary>
public sealed class RegistryModule : IModule
{
    public IEnumerable<Area> Areas => RegistryAreas.All;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ApiErrors>();
        services.AddScoped<IJurisdictionNames, RegistryJurisdictionNames>();
        services.AddScoped<WorkerSearch>();
        services.AddScoped<Lachan.Features.Shared.IHomeSections, Home.RegistryHome>();
        services.AddScoped<WorkerProfile>();
        services.AddScoped<WorkerEditor>();
        services.AddSingleton<IWorkerProfileSection, EmploymentsSection>();
        services.AddSingleton<IWorkerProfileSection, ResidencesSection>();
        services.AddSingleton<IWorkerProfileSection, MovementsSection>();
        services.AddScoped<WorkerCounts>();
        services.AddScoped<PlaceLookup>();
        services.AddScoped<AdminUnitList>();
        services.AddScoped<AdminUnitEditor>();
        services.AddScoped<EnterpriseSearch>();
        services.AddScoped<EnterpriseDetail>();
        services.AddScoped<EnterpriseEditor>();
        services.AddScoped<EnterpriseStatusEditor>();
        services.AddScoped<LodgingSearch>();
        services.AddScoped<LodgingDetail>();
        services.AddScoped<LodgingEditor>();
        services.AddScoped<ZoneList>();
        services.AddScoped<ZoneDetail>();
        services.AddScoped<ZoneEditor>();
        services.AddScoped<IDemoProvince, DemoProvinceLoader>();
        // every save of a worker keeps its name words (the search's index)
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(NameWordsInterceptor.Instance);
        services.AddSingleton<IDataBackfill, NameWordsBackfill>();
        services.AddScoped<TransferReview>();
        services.AddScoped<LodgingChoices>();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapWorkersApi();
        api.MapZonesApi();
        api.MapEnterprisesApi();
        api.MapLodgingApi();
        api.MapAdminUnitsApi();
        api.MapTransfersApi();
    }

    public void AuthorizePages(PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/Registry/Workers", RegistryAreas.Workers.Read);
        pages.AuthorizePage("/Registry/Workers/Edit", RegistryAreas.Workers.Write);
        pages.AuthorizeFolder("/Registry/Enterprises", RegistryAreas.Enterprises.Read);
        pages.AuthorizePage("/Registry/Enterprises/Edit", RegistryAreas.Enterprises.Write);
        pages.AuthorizeFolder("/Registry/Lodging", RegistryAreas.Lodging.Read);
        pages.AuthorizePage("/Registry/Lodging/Edit", RegistryAreas.Lodging.Write);
        pages.AuthorizeFolder("/Registry/Zones", RegistryAreas.Places.Read);
        pages.AuthorizePage("/Registry/Zones/Edit", RegistryAreas.Places.Write);
        pages.AuthorizeFolder("/Registry/AdminUnits", RegistryAreas.Places.Read);
        pages.AuthorizePage("/Registry/AdminUnits/Edit", RegistryAreas.Places.Write);
    }

    public IEnumerable<MenuEntry> Menu =>
    [
        new(10, "/Registry/Workers", "Workers", RegistryAreas.Workers, Icon: "people"),
        new(25, "/Registry/Transfers", "Menu.Transfers", RegistryAreas.Transfers, Icon: "arrow-left-right"),
        new(30, "/Registry/Enterprises", "Enterprises", RegistryAreas.Enterprises, Icon: "building"),
        new(60, "/Registry/Zones", "Industrial zones", RegistryAreas.Places, Icon: "buildings"),
        new(70, "/Registry/Lodging", "Lodging houses", RegistryAreas.Lodging, Icon: "house"),
        new(80, "/Registry/AdminUnits", "Administrative units", RegistryAreas.Places, Icon: "map"),
    ];

    public string MenuTitle => "Registry";

    public IEnumerable<Verb> Verbs => [DemoProvinceLoader.SeedVerb];
}
