using Lachan.Features.Registry.Contracts;
using Lachan.Features.Support.Eligibility;
using static Lachan.Tests.Unit.Support.SupportRulesTests;

namespace Lachan.Tests.Unit.Support;

/// <summary>Issue 12, item 4: the pregnancy and child supplements of Resolution 68 as the seeded versions' data — added to
/// an eligible worker's amount as the list declares them, each a line of the breakdown; a policy without supplements
/// ignores the columns, and an ineligible worker gets none.</summary>
public sealed class SupportSupplementsTests
{
    private static readonly DateOnly From = D("01/05/2021"), To = D("31/12/2021");

    /// <summary>Terminated on 15/06/2021 after five insured months (eligible: 3,710,000), F1 for ten days in June.</summary>
    private static WorkerFacts Worker(bool pregnant, int children, bool insured = true)
    {
        var months = new HashSet<DateOnly>();
        for (var m = D("01/01/2021"); m <= D("01/05/2021"); m = m.AddMonths(1)) if (insured) months.Add(m);
        return new WorkerFacts(1, true, [new EmploymentFact(1, D("01/01/2020"), D("15/06/2021"), ContractType.Indefinite, true, [])],
            [], months, [new Span(D("01/06/2021"), D("10/06/2021"))], [])
        { Pregnant = pregnant, ChildrenUnder6 = children };
    }

    [Theory]
    [InlineData("NQ68-TERMINATED", false, 0, 3_710_000, "")]
    [InlineData("NQ68-TERMINATED", true, 0, 4_710_000, "supplement-pregnant")]
    [InlineData("NQ68-TERMINATED", false, 1, 4_710_000, "supplement-children")]
    [InlineData("NQ68-TERMINATED", false, 2, 5_710_000, "supplement-children")]
    [InlineData("NQ68-TERMINATED", true, 2, 6_710_000, "supplement-pregnant,supplement-children")]
    [InlineData("NQ68-MEALS", false, 0, 10 * 80_000, "")]
    [InlineData("NQ68-MEALS", true, 0, 10 * 80_000, "")]                        // meals pay no pregnancy supplement
    [InlineData("NQ68-MEALS", false, 1, 10 * 80_000 + 1_000_000, "supplement-children")]
    [InlineData("NQ68-MEALS", false, 2, 10 * 80_000 + 2_000_000, "supplement-children")]
    [InlineData("NQ68-STOPPAGE", true, 2, 0, "")]                               // not stopped: not eligible, and no supplement either
    public void Supplements_are_added_as_the_version_says(string policy, bool pregnant, int children, long amount, string notes)
    {
        var v = Version(policy);
        var verdict = SupportRules.Evaluate(v, Worker(pregnant, children), From, To, 1);
        Assert.Equal(amount, verdict.Amount);
        var supplements = verdict.Reasons.Where(r => r.Code.StartsWith("supplement-", StringComparison.Ordinal)).Select(r => r.Code);
        Assert.Equal(notes, string.Join(",", supplements));
        if (children > 0 && notes.Contains("children", StringComparison.Ordinal))
            Assert.Contains(verdict.Reasons, r => r.Vi.Contains($"{children} trẻ em dưới 6 tuổi", StringComparison.Ordinal));
    }

    [Fact]
    public void A_version_without_supplements_ignores_the_columns()
    {
        var v = Version("NQ68-TERMINATED");
        v.PregnancySupplement = null;
        v.ChildSupplement = null;
        var verdict = SupportRules.Evaluate(v, Worker(pregnant: true, children: 3), From, To, 1);
        Assert.Equal(3_710_000, verdict.Amount);
        Assert.Empty(verdict.Reasons);
    }

    [Fact]
    public void An_ineligible_worker_gets_no_supplement()
    {
        var v = Version("NQ68-TERMINATED");
        var verdict = SupportRules.Evaluate(v, Worker(pregnant: true, children: 2, insured: false), From, To, 1);
        Assert.False(verdict.Eligible);
        Assert.Equal(0, verdict.Amount);
        Assert.DoesNotContain(verdict.Reasons, r => r.Code.StartsWith("supplement-", StringComparison.Ordinal));
    }
}
