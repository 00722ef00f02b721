using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Quartz;

namespace Lachan.Features.Rosters;

/// <summary>Employer rosters: an enterprise's list of workers imported, previewed and committed to the registry.</summary>
public sealed class RostersModule : IModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<RosterPlanner>();
        services.AddScoped<RosterCommitter>();
        services.AddSingleton<RosterLeavers>();
        services.AddScoped<RosterCommitStart>();
        services.AddScoped<RosterImports>();
        services.AddScoped<RosterUpload>();
        services.AddSingleton<RosterJobs>();
        services.ConfigureAllQuartzSchedulers(UploadRetention.Schedule);
    }

    public void MapApi(RouteGroupBuilder api) => api.MapRosterEndpoints();

    public void AuthorizePages(PageConventionCollection pages) => pages.AuthorizeFolder("/Rosters", RegistryAreas.Workers.Write);

    public IEnumerable<MenuEntry> Menu =>
        [new(20, "/Rosters", "Menu.Rosters", RegistryAreas.Workers, Access.Write, Icon: "file-earmark-spreadsheet", Group: "Registry")];

    public IEnumerable<Verb> Verbs =>
    [
        new("import", """
              import roster <file> --enterprise <tax code> [--as-of dd/MM/yyyy] [--commit [--confirm-leavers N]] [--json]
                                                        preview (and with --commit write) an employer roster
            """,
            async (services, args) =>
            {
                if (args is not ["roster", var file, .. var rest])
                    throw new Infrastructure.Cli.CommandLineException("Usage: import roster <file> --enterprise <tax code> [--as-of dd/MM/yyyy] [--commit [--confirm-leavers N]] [--json]");
                await DataModule.MigrateAsync(services.GetRequiredService<LachanDb>());
                return await RosterCommand.RunAsync(services, file, rest);
            }),
    ];
}
