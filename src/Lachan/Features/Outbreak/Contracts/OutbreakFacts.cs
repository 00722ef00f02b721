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

/// <summary>A stretch of days, both ends inclusive; To null: not ended.</summary>
public sealed record DaySpan(DateOnly From, DateOnly? To);

/// <summary>What orders did over a period: for each enterprise stopped and each lodging house locked, the stretches of
/// days (clipped to the period) it was.</summary>
public sealed record PeriodRestrictions(IReadOnlyDictionary<int, IReadOnlyList<DaySpan>> StoppedEnterprises, IReadOnlyDictionary<int, IReadOnlyList<DaySpan>> LockedLodgingHouses);

/// <summary>Why a worker was isolated, as far as support policies need it: a case (treatment, and isolation after
/// discharge), or a contact's quarantine.</summary>
public enum IsolationKind { Case = 0, F1 = 1, F2 = 2 }

/// <summary>A worker's treatment or quarantine over days (inclusive; To null: not ended), without health details.</summary>
public sealed record IsolationSpan(int WorkerId, IsolationKind Kind, DateOnly From, DateOnly? To);

/// <summary>What other modules (relief) may know of the outbreak, read-only and without health details: which
/// enterprises and houses orders restrict on a day, who is in quarantine on a day (a yes, never why), and which houses
/// have a resident who is an active case. The queries are composable with the caller's own (same unit of work).</summary>
public interface IOutbreakFacts
{
    Task<DayRestrictions> RestrictionsOnAsync(DateOnly day, CancellationToken ct = default);

    /// <summary>The same for one enterprise and one lodging house only (null: none), without loading the province's:
    /// one request's priority.</summary>
    Task<DayRestrictions> RestrictionsOfAsync(DateOnly day, int? enterpriseId, int? lodgingHouseId, CancellationToken ct = default);

    /// <summary>Ids of the workers in quarantine on the day.</summary>
    IQueryable<int> QuarantinedOn(DateOnly day);

    /// <summary>The quarantines in force on the day, with their first day.</summary>
    IQueryable<QuarantineSpan> QuarantinesOn(DateOnly day);

    /// <summary>Ids of the lodging houses where, on the day, a resident is a confirmed case not yet recovered.</summary>
    IQueryable<int> HousesWithActiveCaseOn(DateOnly day);

    /// <summary>The enterprises stopped and lodging houses locked by orders on some day of the period, with the days
    /// (support payments: days off work, lockdown of the lodging).</summary>
    Task<PeriodRestrictions> RestrictionsBetweenAsync(DateOnly from, DateOnly to, CancellationToken ct = default);

    /// <summary>Cases and quarantines overlapping the period, of the given workers (null: all).</summary>
    Task<IReadOnlyList<IsolationSpan>> IsolationsBetweenAsync(DateOnly from, DateOnly to, IReadOnlyCollection<int>? workerIds, CancellationToken ct = default);
}
