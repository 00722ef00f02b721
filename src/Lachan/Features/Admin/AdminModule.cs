using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Lachan.Features.Admin;

/// <summary>Administration pages: the audit trail.</summary>
public sealed class AdminModule : IModule
{
    public IEnumerable<Area> Areas => [AdminAreas.Audit, AdminAreas.Users];

    public void AddServices(IServiceCollection services, IConfiguration configuration) { }

    public void AuthorizePages(PageConventionCollection pages) => pages.AuthorizeFolder("/Admin", AdminAreas.Audit.Read);

    public IEnumerable<MenuEntry> Menu =>
    [
        new(100, "/Admin/Audit", "Audit trail", AdminAreas.Audit, Icon: "journal-text"),
        new(101, "/Admin/DemoClock", "Demo clock", AdminAreas.Audit, Icon: "calendar3"),
    ];

    public string MenuTitle => "Administration";
}
