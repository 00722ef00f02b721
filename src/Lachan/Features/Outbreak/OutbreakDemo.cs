using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Outbreak.Contacts;
using Lachan.Features.Outbreak.Demo;
using Lachan.Features.Outbreak.Testing;
using Lachan.Features.Outbreak.Zones;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Modules;

namespace Lachan.Features.Outbreak;

/// <summary>The outbreak's part of the demo province: May 2021's orders, the first cases and their contacts, pooled
/// samples, then the whole wave (<see cref="DemoWave"/>) at the workforce's proportions, or with
/// <see cref="DemoRequest.Cases"/> cases in all when asked.</summary>
internal sealed class OutbreakDemo(LachanDb db) : IDemoData
{
    public int Order => 10;

    /// <summary>What this demo wrote that refers to no worker, enterprise or place (`seed --reset`).</summary>
    public Task ResetAsync(CancellationToken ct) => TableReset.DeleteWithDependentsAsync(db, [typeof(ControlZone), typeof(TestSample)], ct);

    public async Task<IReadOnlyDictionary<string, long>> SeedAsync(DemoRequest request, CancellationToken ct)
    {
        var counts = new Dictionary<string, long>
        {
            ["zoneOrders"] = await DemoZoneOrders.AddAsync(db, DemoProvince.DemoCommuneCode, ct),
            ["demoCases"] = await DemoCases.SeedAsync(db, ct),
            ["demoSamples"] = await DemoTesting.SeedAsync(db, ct),
        };
        // the wave around the first cases: proportional to the workforce, or as many cases as asked (for measuring)
        var wave = await DemoWave.AddAsync(db, request.Cases > 0 ? request.Cases : DemoWave.CasesFor(request.Workers), ct);
        (counts["waveCases"], counts["waveF1"], counts["waveF2"], counts["waveQuarantineOrders"], counts["waveSamples"], counts["waveZoneOrders"]) =
            (wave.Cases, wave.F1, wave.F2, wave.QuarantineOrders, wave.Samples, wave.ZoneOrders);
        return counts;
    }
}
