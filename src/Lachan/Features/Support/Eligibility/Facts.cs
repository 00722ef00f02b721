using Lachan.Features.Registry.Contracts;

namespace Lachan.Features.Support.Eligibility;

/// <summary>Why a worker is (not) eligible: a stable code for machines and lists, the text in Vietnamese and English.</summary>
public sealed record Reason(string Code, string Vi, string En);

/// <summary>A stretch of days, both ends inclusive; To null: not ended.</summary>
public sealed record Span(DateOnly From, DateOnly? To)
{
    public bool Contains(DateOnly day) => From <= day && (To is null || day <= To);
    public bool Overlaps(DateOnly from, DateOnly to) => From <= to && (To is null || To >= from);
}

/// <summary>A job: employer, first and last day (inclusive; null: still employed), contract kind, whether the employer
/// is in an industrial zone, and the days orders stopped that employer. SignedOn is the contract's signing day where an
/// employer's list gives it (the registry knows only the first day of work); ContractMonths its term where known.</summary>
public sealed record EmploymentFact(int EnterpriseId, DateOnly From, DateOnly? To, ContractType Contract, bool AtIzEmployer, IReadOnlyList<Span> Stopped)
{
    public DateOnly? SignedOn { get; init; }
    public int? ContractMonths { get; init; }
    public bool Overlaps(DateOnly from, DateOnly to) => From <= to && (To is null || To >= from);
}

/// <summary>A stay in a lodging house (inclusive days), and the days orders locked that house.</summary>
public sealed record LodgingFact(int LodgingHouseId, DateOnly From, DateOnly? To, IReadOnlyList<Span> Locked)
{
    public bool Overlaps(DateOnly from, DateOnly to) => From <= to && (To is null || To >= from);
}

/// <summary>What the records say of one worker over a period, everything a support rule looks at: jobs, lodging,
/// insured months (first days), quarantines as F1 and treatment or isolation as a case (F0). Built by
/// <see cref="SupportFacts"/> from the registry, this module's insurance months and the outbreak's published facts; a
/// list's own columns (signing day, contract term) may be laid over it with <c>with</c>.</summary>
public sealed record WorkerFacts(int WorkerId, bool InRegistry, IReadOnlyList<EmploymentFact> Employments, IReadOnlyList<LodgingFact> Lodging,
    IReadOnlySet<DateOnly> InsuredMonths, IReadOnlyList<Span> Quarantines, IReadOnlyList<Span> Cases)
{
    /// <summary>What the employer's list declares of the worker (the registry does not know it): pregnant, and how many
    /// children under six the worker claims for. Only the policies with supplements look at them.</summary>
    public bool Pregnant { get; init; }
    public int ChildrenUnder6 { get; init; }

    /// <summary>Someone on a list whom the registry does not know (by CCCD).</summary>
    public static WorkerFacts NotInRegistry { get; } = new(0, false, [], [], new HashSet<DateOnly>(), [], []);
}

/// <summary>The answer for one worker under one policy version: eligible or not, how much (whole đồng), the version that
/// decided it (so the decision stays explainable after the policy changes), and the reasons: why not, or (when eligible)
/// notes such as a cap applied.</summary>
public sealed record Verdict(bool Eligible, long Amount, int PolicyVersionId, IReadOnlyList<Reason> Reasons);
