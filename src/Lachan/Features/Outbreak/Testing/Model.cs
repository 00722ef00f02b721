using Lachan.Features.Shared;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure;

namespace Lachan.Features.Outbreak.Testing;

public enum TestResult { Pending = 1, Negative = 2, Positive = 3 }

/// <summary>A sample taken from one person, or pooled from several (one swab tube for 2..MaxPoolSize people). A positive
/// pool says only that someone in it is infected, so its members must be sampled again one by one.</summary>
public sealed class TestSample
{
    public int Id { get; set; }
    /// <summary>The tube's code as the lab writes it on its result sheet.</summary>
    public required string Code { get; set; }
    public bool Pooled { get; set; }
    /// <summary>Local date and wall-clock time at the collection site, kept apart so no time zone can shift the date.</summary>
    public DateOnly CollectedOn { get; set; }
    public TimeOnly CollectedTime { get; set; }
    public required string Site { get; set; }
    public TestResult Result { get; set; } = TestResult.Pending;
    public DateOnly? ResultOn { get; set; }
    public List<SampleMember> Members { get; set; } = [];

    public DateTime CollectedAt => CollectedOn.ToDateTime(CollectedTime);

    /// <summary>A result is entered once; it cannot be dated before the collection.</summary>
    public void SetResult(TestResult result, DateOnly on)
    {
        if (Result != TestResult.Pending) throw new DomainException("Testing.ResultAlreadyEntered");
        if (result == TestResult.Pending) throw new DomainException("Testing.ResultRequired");
        if (on < CollectedOn) throw new DomainException("Testing.ResultBeforeCollection");
        Result = result;
        ResultOn = on;
    }
}

public sealed class SampleMember
{
    public int Id { get; set; }
    public int TestSampleId { get; set; }
    public int WorkerId { get; set; }
    public Worker? Worker { get; set; }
}

/// <summary>How many people one pooled tube may hold (DOMAIN.md: rules are data with effective dates). EffectiveTo is the
/// last day in force.</summary>
public sealed class PoolRule : IDatedRule
{
    public int Id { get; set; }
    public int MaxPoolSize { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }
    public string? Source { get; set; }

    public bool InForceOn(DateOnly d) => EffectiveFrom <= d && (EffectiveTo is null || d <= EffectiveTo);
}

/// <summary>How often a reopened enterprise's workers are screened by default (DOMAIN.md: rules are data with effective
/// dates). A new schedule takes the interval in force on its first day unless the officer gives another, and keeps it.</summary>
public sealed class ScreeningRule : IDatedRule
{
    public int Id { get; set; }
    public int IntervalDays { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }
    public string? Source { get; set; }

    public bool InForceOn(DateOnly d) => EffectiveFrom <= d && (EffectiveTo is null || d <= EffectiveTo);
}

/// <summary>Periodic screening of an enterprise's workers while it runs (e.g. every 7 days under "one route, two
/// destinations"). To is the last day of the schedule.</summary>
public sealed class ScreeningSchedule
{
    public int Id { get; set; }
    public int EnterpriseId { get; set; }
    public Enterprise? Enterprise { get; set; }
    public int IntervalDays { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }

    public bool InForceOn(DateOnly d) => From <= d && (To is null || d <= To);
}
