using Lachan.Features.Registry.Contracts;

namespace Lachan.Features.Outbreak.Zones;

/// <summary>On the enterprise page: when outbreak orders stopped it, with the order behind each period (derived from the
/// orders, not stored).</summary>
internal sealed class StoppedByOrdersSection(ZoneStatus zones) : IEnterpriseSection
{
    public int Order => 10;
    public string PartialName => "~/Features/Outbreak/Zones/_StoppedByOrders.cshtml";

    public async Task<object?> LoadAsync(Enterprise enterprise, CancellationToken ct) =>
        await zones.StoppedPeriodsAsync(enterprise, ct) is { Count: > 0 } periods ? periods : null;
}
