using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Outbreak.Contacts;
using Lachan.Features.Outbreak.Testing;
using Lachan.Features.Outbreak.Zones;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Modules;

namespace Lachan.Features.Outbreak;

/// <summary>The outbreak's part of the demo province: May 2021's orders, the first cases and their contacts, pooled
/// samples; with <see cref="DemoRequest.Cases"/> also that many invented cases for measuring.</summary>
internal sealed class OutbreakDemo(LachanDb db) : IDemoData
{
    public int Order => 10;

    public async Task<IReadOnlyDictionary<string, long>> SeedAsync(DemoRequest request, CancellationToken ct)
    {
        var counts = new Dictionary<string, long>
        {
            ["zoneOrders"] = await DemoZoneOrders.AddAsync(db, DemoProvince.DemoCommuneCode, ct),
            ["demoCases"] = await DemoCases.SeedAsync(db, ct),
            ["demoSamples"] = await DemoTesting.SeedAsync(db, ct),
        };
        if (request.Cases > 0)
            (counts["scaleCases"], counts["scaleContacts"], counts["scaleQuarantineOrders"]) = await ScaleCases.AddAsync(db, request.Cases, ct);
        return counts;
    }
}
