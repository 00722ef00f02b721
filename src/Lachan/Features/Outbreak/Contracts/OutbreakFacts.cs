namespace Lachan.Features.Outbreak.Contracts;

/// <summary>What the orders in force on a day stop and lock: the enterprises an order suspends and the lodging houses
/// inside a locked zone, each with the first day of the order that does it (for "reached within 48 hours").</summary>
public sealed record DayRestrictions(DateOnly Day, IReadOnlyDictionary<int, DateOnly> StoppedEnterprises, IReadOnlyDictionary<int, DateOnly> LockedLodgingHouses);

/// <summary>A worker's quarantine in force on a day: who and since when, nothing else.</summary>
public sealed class QuarantineSpan
{
    public int WorkerId { get; init; }
    public DateOnly StartOn { get; init; }
}

/// <summary>What other modules (relief) may know of the outbreak, read-only and without health details: which
/// enterprises and houses orders restrict on a day, who is in quarantine on a day (a yes, never why), and which houses
/// have a resident who is an active case. The queries are composable with the caller's own (same unit of work).</summary>
public interface IOutbreakFacts
{
    Task<DayRestrictions> RestrictionsOnAsync(DateOnly day, CancellationToken ct = default);

    /// <summary>Ids of the workers in quarantine on the day.</summary>
    IQueryable<int> QuarantinedOn(DateOnly day);

    /// <summary>The quarantines in force on the day, with their first day.</summary>
    IQueryable<QuarantineSpan> QuarantinesOn(DateOnly day);

    /// <summary>Ids of the lodging houses where, on the day, a resident is a confirmed case not yet recovered.</summary>
    IQueryable<int> HousesWithActiveCaseOn(DateOnly day);
}
