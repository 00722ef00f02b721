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
          seed [--workers N] [--cases N] [--reset]  load the invented demo province (default 20,000 workers) and its May–July 2021
                                                    wave: one F0 per 40 workers, or --cases F0 in all (docs/demo.md)
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
            var counts = await DemoSeeder.SeedAsync(services, workers, reset, cases);
            await DemoAccounts.EnsureAsync(services);
            Console.WriteLine($"Seeded the demo province with {workers:N0} workers in {sw.Elapsed.TotalSeconds:F1} s.");
            Console.WriteLine(Story(counts));
            return 0;
        });

    /// <summary>What the seed made, said plainly to be invented (docs/demo.md tells the story behind the numbers).</summary>
    private static string Story(IReadOnlyDictionary<string, long> c)
    {
        long N(string key) => c.GetValueOrDefault(key);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"""
            Invented data (dữ liệu mô phỏng): every person, code and number is made up; only the shape of Bắc Giang's May–June 2021 wave is real.
              {N("demoCases") + N("waveCases"):N0} F0 cases confirmed 13/05–07/07/2021 (first at KCN Đình Trám, peak in early June), {N("waveF1"):N0} F1 and {N("waveF2"):N0} F2 in the wave,
              {N("waveQuarantineOrders"):N0} quarantine orders, {N("demoSamples") + N("waveSamples"):N0} samples (pooled and single), {N("zoneOrders") + N("waveZoneOrders"):N0} zone orders
              (four IZs suspended on 18/05/2021, 35 enterprises exempted on 24/05, reopening from 28/05; enterprises and lodging houses with cases isolated 14 days).
            """);
    }
}
