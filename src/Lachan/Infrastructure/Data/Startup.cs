using Lachan.Features.Registry.Contracts;
using Lachan.Features.Registry.Demo;
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
        if (DemoEnabled(app.Configuration) && !await db.Set<Enterprise>().AnyAsync())
        {
            var workers = app.Configuration.GetValue("Demo:Workers", 20_000);
            app.Logger.LogInformation("Empty database: loading the demo province with {Workers} workers…", workers);
            await DemoSeeder.SeedAsync(scope.ServiceProvider, workers);
        }
        if (DemoEnabled(app.Configuration))
            await DemoAccounts.EnsureAsync(scope.ServiceProvider);
    }

    public static void PrintWelcomeWhenStarted(WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            Console.WriteLine();
            Console.WriteLine("Lá Chắn (Lachan) is running at: " + string.Join(", ", addresses));
            if (DemoEnabled(app.Configuration))
            {
                Console.WriteLine("Demo province (invented data). Accounts, all with password " + DemoAccounts.Password + ":");
                foreach (var a in DemoAccounts.All)
                    Console.WriteLine($"  {a.UserName,-12} {a.Description}");
            }
            Console.WriteLine();
        });
}
