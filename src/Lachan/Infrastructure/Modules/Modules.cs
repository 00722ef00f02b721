using Lachan.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Infrastructure.Modules;

/// <summary>The modules of this application, in the order Program.cs added them.</summary>
public sealed class ModuleList
{
    private readonly List<IModule> _modules = [];
    public IReadOnlyList<IModule> All => _modules;
    internal void Add(IModule module) => _modules.Add(module);

    public IEnumerable<MenuEntry> Menu => _modules.SelectMany(m => m.Menu).OrderBy(e => e.Order);

    /// <summary>The entries the caller may open, grouped under their module's heading; a group without a visible entry
    /// is left out, so a role sees only what it can use.</summary>
    public IReadOnlyList<MenuGroup> MenuFor(Func<MenuEntry, bool> visible) =>
        _modules.SelectMany(m => m.Menu.Where(visible).Select(e => (Title: e.Group ?? m.MenuTitle, Entry: e)))
            .GroupBy(x => x.Title)
            .Select(g => new MenuGroup(g.Key, g.Select(x => x.Entry).OrderBy(e => e.Order).ToList()))
            .OrderBy(g => g.Entries[0].Order)
            .ToList();
    public IEnumerable<Verb> Verbs => _modules.SelectMany(m => m.Verbs);
}

public static class ModuleRegistration
{
    /// <summary>Adds a module: its services, its areas' policies, its pages' authorization.</summary>
    public static WebApplicationBuilder AddModule<TModule>(this WebApplicationBuilder builder) where TModule : IModule, new()
    {
        var module = new TModule();
        var list = ListOf(builder.Services);
        list.Add(module);
        module.AddServices(builder.Services, builder.Configuration);
        builder.Services.AddAuthorizationBuilder().AddAreaPolicies(module.Areas);
        builder.Services.Configure<RazorPagesOptions>(o => module.AuthorizePages(o.Conventions));
        return builder;
    }

    /// <summary>Every module's API under /api/v1, for authenticated callers.</summary>
    public static WebApplication MapModules(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization();
        foreach (var module in app.Services.GetRequiredService<ModuleList>().All) module.MapApi(api);
        return app;
    }

    private static ModuleList ListOf(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(ModuleList))?.ImplementationInstance is ModuleList existing)
            return existing;
        var list = new ModuleList();
        services.AddSingleton(list);
        return list;
    }
}
