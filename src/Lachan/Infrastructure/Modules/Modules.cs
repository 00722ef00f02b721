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
