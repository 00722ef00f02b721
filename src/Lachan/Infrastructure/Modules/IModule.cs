using Lachan.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Lachan.Infrastructure.Modules;

/// <summary>A feature module: everything it adds to the application, declared in one class and added with one line of
/// Program.cs (ADR-0016). Its EF configurations are found in the assembly; its demo data (<see cref="IDemoData"/>)
/// and profile sections are services it registers. Other modules use only its <c>Contracts</c> namespace.</summary>
public interface IModule
{
    /// <summary>The areas whose access the module decides (its rows of the access matrix); each gets a Read and a
    /// Write policy.</summary>
    IEnumerable<Area> Areas => [];

    void AddServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>Endpoints under /api/v1; the group already requires an authenticated caller.</summary>
    void MapApi(RouteGroupBuilder api) { }

    /// <summary>Who may open the module's pages, per folder or page (policies from <see cref="Areas"/>).</summary>
    void AuthorizePages(PageConventionCollection pages) { }

    IEnumerable<MenuEntry> Menu => [];

    /// <summary>The heading (a localization key) of the menu group the module's entries appear under; an entry may name
    /// another module's group instead (<see cref="MenuEntry.Group"/>).</summary>
    string MenuTitle => GetType().Name.Replace("Module", "", StringComparison.Ordinal);

    IEnumerable<Verb> Verbs => [];
}

/// <summary>A link in the main menu, shown to those who have <paramref name="Needed"/> on <paramref name="Area"/>.
/// <paramref name="Text"/> is a localization key; <paramref name="Icon"/> a Bootstrap Icons name present in
/// wwwroot/icons/bootstrap-icons.svg (scripts/icons.sh adds one); <paramref name="Group"/> another module's
/// <see cref="IModule.MenuTitle"/> to appear under, when the entry belongs with it.</summary>
public sealed record MenuEntry(int Order, string Href, string Text, Area Area, Access Needed = Access.Read, string? TestId = null,
    string Icon = "dot", string? Group = null);

/// <summary>One heading of the sidebar and the entries under it, in menu order.</summary>
public sealed record MenuGroup(string Title, IReadOnlyList<MenuEntry> Entries);

/// <summary>An operator command of the executable (`dotnet run --project src/Lachan -- &lt;name&gt; …`).</summary>
public sealed record Verb(string Name, string Usage, Func<IServiceProvider, string[], Task<int>> RunAsync);

/// <summary>Data a module adds to the invented demo province, in <see cref="Order"/> after the registry's, inside the
/// demo's one transaction. Returns counts of what it wrote, for the seed's audit event.</summary>
public interface IDemoData
{
    int Order { get; }
    Task<IReadOnlyDictionary<string, long>> SeedAsync(DemoRequest request, CancellationToken ct);

    /// <summary>`seed --reset`: empties what this part wrote that the registry's reset does not reach — rows that refer to
    /// no worker, enterprise or place (<see cref="Data.TableReset"/>). Nothing by default.</summary>
    Task ResetAsync(CancellationToken ct) => Task.CompletedTask;
}

/// <summary>How big a demo to make: workers, and extra invented cases for measuring.</summary>
public sealed record DemoRequest(int Workers, int Cases);

/// <summary>The invented demo province, if a module provides one (the registry does): loaded on first start of a demo
/// deployment, with one account per role.</summary>
public interface IDemoProvince
{
    string Password { get; }
    IReadOnlyList<(string UserName, string Description)> Accounts { get; }
    Task<bool> IsLoadedAsync(CancellationToken ct);
    Task LoadAsync(int workers, CancellationToken ct);
    Task EnsureAccountsAsync(CancellationToken ct);
}
