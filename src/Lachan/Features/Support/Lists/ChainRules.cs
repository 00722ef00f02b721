using Lachan.Infrastructure;
using Lachan.Infrastructure.Calendar;

namespace Lachan.Features.Support.Lists;

/// <summary>The chain's deadlines: which rule is in force on a day and the day a step is due.</summary>
public static class ChainRules
{
    private static readonly DateOnly Res68 = new(2021, 5, 1);

    /// <summary>Decision 23/2021 and Decision 08/2022: public notice ≥ 3 working days, disputes resolved within 2,
    /// insurance confirms in 2, the district appraises in 2, the province decides in 2.</summary>
    public static readonly ChainStepRule[] Seed =
    [
        new() { Id = 1, Step = ChainStep.Notice, WorkingDays = 3, EffectiveFrom = Res68, Source = "QĐ 23/2021/QĐ-TTg; QĐ 08/2022/QĐ-TTg" },
        new() { Id = 2, Step = ChainStep.Dispute, WorkingDays = 2, EffectiveFrom = Res68, Source = "QĐ 08/2022/QĐ-TTg Đ.6" },
        new() { Id = 3, Step = ChainStep.Insurance, WorkingDays = 2, EffectiveFrom = Res68, Source = "QĐ 23/2021/QĐ-TTg" },
        new() { Id = 4, Step = ChainStep.Appraisal, WorkingDays = 2, EffectiveFrom = Res68, Source = "QĐ 23/2021/QĐ-TTg" },
        new() { Id = 5, Step = ChainStep.Decision, WorkingDays = 2, EffectiveFrom = Res68, Source = "QĐ 23/2021/QĐ-TTg" },
    ];

    /// <summary>The step's working days in force on the day it starts (the newest rule in force wins).</summary>
    public static int DaysFor(IEnumerable<ChainStepRule> rules, ChainStep step, DateOnly day) =>
        rules.Where(r => r.Step == step && r.InForceOn(day)).OrderByDescending(r => r.EffectiveFrom).FirstOrDefault()?.WorkingDays
        ?? throw new DomainException("SupportList.NoChainRule");

    public static DateOnly Due(IEnumerable<ChainStepRule> rules, WorkingDays days, ChainStep step, DateOnly day) =>
        days.Add(day, DaysFor(rules, step, day));
}
