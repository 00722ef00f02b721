using Lachan.Infrastructure.Modules;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Infrastructure.Data;

public static class Startup
{
    /// <summary>Demo mode (invented province, one account per role with a known password) is the default on the
    /// embedded database only; a PostgreSQL deployment must ask for it with Demo:Enabled=true.</summary>
    public static bool DemoEnabled(IConfiguration config) =>
        config.GetValue<bool?>("Demo:Enabled") ?? DataModule.Provider(config) == DatabaseProvider.Sqlite;

    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LachanDb>();
        await DataModule.MigrateAsync(db);
        if (!DemoEnabled(app.Configuration) || scope.ServiceProvider.GetService<IDemoProvince>() is not { } demo) return;
        if (!await demo.IsLoadedAsync(default))
        {
            var workers = app.Configuration.GetValue("Demo:Workers", 20_000);
            app.Logger.LogInformation("Empty database: loading the demo province with {Workers} workers…", workers);
            await demo.LoadAsync(workers, default);
        }
        await demo.EnsureAccountsAsync(default);
    }

    public static void PrintWelcomeWhenStarted(WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            Console.WriteLine();
            Console.WriteLine("Lá Chắn (Lachan) is running at: " + string.Join(", ", addresses));
            using var scope = app.Services.CreateScope();
            if (DemoEnabled(app.Configuration) && scope.ServiceProvider.GetService<IDemoProvince>() is { } demo)
            {
                Console.WriteLine("Demo province (invented data). Accounts, all with password " + demo.Password + ":");
                foreach (var (userName, description) in demo.Accounts)
                    Console.WriteLine($"  {userName,-12} {description}");
            }
            Console.WriteLine();
        });
}
