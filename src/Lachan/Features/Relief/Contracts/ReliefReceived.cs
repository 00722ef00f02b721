namespace Lachan.Features.Relief.Contracts;

/// <summary>Something the relief module delivered to a worker: the day and the items as recorded.</summary>
public sealed record InKindDelivery(DateOnly DeliveredOn, string Items);

/// <summary>What a worker received in kind (relief deliveries), for another module's view across programmes (issue 12,
/// item 7). The caller decides who may see it; this answers for one worker.</summary>
public interface IReliefReceived
{
    Task<IReadOnlyList<InKindDelivery>> DeliveriesToAsync(int workerId, CancellationToken ct);
}
