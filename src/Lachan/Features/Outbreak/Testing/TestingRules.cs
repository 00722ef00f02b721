using Lachan.Infrastructure;

namespace Lachan.Features.Outbreak.Testing;

public enum Screening { NotDue = 0, Due = 1, Missed = 2 }

/// <summary>The rules of testing as pure functions, so they are tested without a database.</summary>
public static class TestingRules
{
    /// <summary>Plausible 2021 value (pools of up to 10 for RT-PCR screening); a province corrects it as data.</summary>
    public static readonly PoolRule[] Seed =
    [
        new() { Id = 1, MaxPoolSize = 10, EffectiveFrom = new(2021, 5, 1), Source = "Hướng dẫn gộp mẫu xét nghiệm SARS-CoV-2 của Bộ Y tế (2021)" },
    ];

    /// <summary>Plausible 2021 value: "one route, two destinations" enterprises tested their workers every 7 days.</summary>
    public static readonly ScreeningRule[] ScreeningSeed =
    [
        new() { Id = 1, IntervalDays = 7, EffectiveFrom = new(2021, 5, 1), Source = "Phương án \"một cung đường, hai điểm đến\" cho doanh nghiệp hoạt động trở lại (2021)" },
    ];

    /// <summary>The screening interval in force on a schedule's first day; null when none is (the officer must give one).</summary>
    public static ScreeningRule? ScreeningInForce(IEnumerable<ScreeningRule> rules, DateOnly on) =>
        rules.Where(r => r.InForceOn(on)).OrderByDescending(r => r.EffectiveFrom).FirstOrDefault();

    /// <summary>The pool rule in force on the collection date; refused when none is (the province must configure one).</summary>
    public static PoolRule InForce(IEnumerable<PoolRule> rules, DateOnly on) =>
        rules.Where(r => r.InForceOn(on)).OrderByDescending(r => r.EffectiveFrom).FirstOrDefault()
        ?? throw new DomainException("Testing.NoPoolRule");

    /// <summary>A single sample is one person; a pool is 2 to the maximum. Null when the count is right.</summary>
    public static string? MemberCountProblem(bool pooled, int count, int maxPoolSize) => (pooled, count) switch
    {
        (_, 0) => "Field.Required",
        (false, > 1) => "Testing.SingleHasOneMember",
        (true, 1) => "Testing.PoolTooSmall",
        (true, var n) when n > maxPoolSize => "Testing.PoolTooLarge",
        _ => null,
    };

    /// <summary>A member of a positive pool is to be retested until an individual sample of theirs is collected after the pool.</summary>
    public static bool NeedsRetest(DateTime poolCollectedAt, IEnumerable<DateTime> individualSamplesOfMember) =>
        !individualSamplesOfMember.Any(t => t > poolCollectedAt);

    /// <summary>A worker is due once the interval has passed since their last sample (or, never sampled, from the day
    /// the schedule or their employment started); missed once they have been due for a whole further interval.</summary>
    public static Screening Classify(DateOnly on, int intervalDays, DateOnly? lastSampleOn, DateOnly dueFromIfNever)
    {
        var dueSince = lastSampleOn is DateOnly last ? last.AddDays(intervalDays) : dueFromIfNever;
        if (on < dueSince) return Screening.NotDue;
        return on.DayNumber - dueSince.DayNumber >= intervalDays ? Screening.Missed : Screening.Due;
    }

    public static DateOnly DueSince(int intervalDays, DateOnly? lastSampleOn, DateOnly dueFromIfNever) =>
        lastSampleOn is DateOnly last ? last.AddDays(intervalDays) : dueFromIfNever;
}
