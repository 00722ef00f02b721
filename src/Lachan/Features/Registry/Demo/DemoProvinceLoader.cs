using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Cli;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Modules;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Registry.Demo;

/// <summary>The registry's demo province for the start-up and the `seed` verb.</summary>
internal sealed class DemoProvinceLoader(IServiceProvider services, LachanDb db) : IDemoProvince
{
    public string Password => DemoAccounts.Password;
    public IReadOnlyList<(string UserName, string Description)> Accounts => DemoAccounts.All.Select(a => (a.UserName, a.Description)).ToList();
    public Task<bool> IsLoadedAsync(CancellationToken ct) => db.Set<Enterprise>().AnyAsync(ct);
    public Task LoadAsync(int workers, CancellationToken ct) => DemoSeeder.SeedAsync(services, workers);
    public Task EnsureAccountsAsync(CancellationToken ct) => DemoAccounts.EnsureAsync(services);

    public static readonly Verb SeedVerb = new("seed",
        """
          seed [--workers N] [--cases N] [--reset]  load the invented demo province (default 20,000 workers; --cases adds
                                                    that many invented cases with contacts and quarantine, for benchmarks)
        """,
        async (services, args) =>
        {
            var db = services.GetRequiredService<LachanDb>();
            await DataModule.MigrateAsync(db);
            var workers = CommandLine.IntOption(args, "--workers") ?? 20_000;
            var cases = CommandLine.IntOption(args, "--cases") ?? 0;
            var reset = args.Contains("--reset");
            if (await db.Set<Enterprise>().AnyAsync() && !reset)
            {
                Console.Error.WriteLine("The database already has data; add --reset to replace it with the demo province.");
                return 2;
            }
            var sw = System.Diagnostics.Stopwatch.StartNew();
            await DemoSeeder.SeedAsync(services, workers, reset, cases);
            await DemoAccounts.EnsureAsync(services);
            Console.WriteLine($"Seeded the demo province with {workers:N0} workers in {sw.Elapsed.TotalSeconds:F1} s.");
            return 0;
        });
}
