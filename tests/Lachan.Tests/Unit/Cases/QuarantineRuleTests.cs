using Lachan.Features.Outbreak.Cases;
using Lachan.Infrastructure;

namespace Lachan.Tests.Unit.Cases;

public sealed class QuarantineRuleTests
{
    private static QuarantineRule Rule(int id, RuleSubject s, int days, DateOnly from, DateOnly? to = null, string tests = "1") =>
        new() { Id = id, Subject = s, Days = days, TestDays = tests, DefaultPlace = QuarantinePlace.Facility, EffectiveFrom = from, EffectiveTo = to };

    [Fact]
    public void PlannedEnd_IsTheStartPlusTheDaysOfTheRuleInForce()
    {
        var f1 = QuarantineRules.InForce(QuarantineRules.Seed, RuleSubject.F1, new DateOnly(2021, 5, 18));
        Assert.Equal(14, f1.Days);
        Assert.Equal([1, 7, 14], f1.TestDayNumbers());
        Assert.Equal(new DateOnly(2021, 6, 1), QuarantineRules.PlannedEnd(f1, new DateOnly(2021, 5, 18)));
        var f2 = QuarantineRules.InForce(QuarantineRules.Seed, RuleSubject.F2, new DateOnly(2021, 5, 18));
        Assert.Equal(new DateOnly(2021, 5, 25), QuarantineRules.PlannedEnd(f2, new DateOnly(2021, 5, 18)));
    }

    [Fact]
    public void RuleChange_OrdersStartingOnTheDayOfTheChangeTakeTheNewRule()
    {
        var rules = new[]
        {
            Rule(1, RuleSubject.F1, 14, new DateOnly(2021, 1, 1), to: new DateOnly(2021, 10, 10)),
            Rule(2, RuleSubject.F1, 7, new DateOnly(2021, 10, 11)),
            Rule(3, RuleSubject.F2, 7, new DateOnly(2021, 1, 1)),
        };
        var lastDayOfOld = new DateOnly(2021, 10, 10);
        var firstDayOfNew = new DateOnly(2021, 10, 11);
        Assert.Equal(new DateOnly(2021, 10, 24), QuarantineRules.PlannedEnd(QuarantineRules.InForce(rules, RuleSubject.F1, lastDayOfOld), lastDayOfOld));
        Assert.Equal(new DateOnly(2021, 10, 18), QuarantineRules.PlannedEnd(QuarantineRules.InForce(rules, RuleSubject.F1, firstDayOfNew), firstDayOfNew));
    }

    [Fact]
    public void RuleOverlap_TheLaterStartingRuleWins()
    {
        var rules = new[] { Rule(1, RuleSubject.F1, 14, new DateOnly(2021, 1, 1)), Rule(2, RuleSubject.F1, 21, new DateOnly(2021, 6, 1)) };
        Assert.Equal(21, QuarantineRules.InForce(rules, RuleSubject.F1, new DateOnly(2021, 6, 5)).Days);
        Assert.Equal(14, QuarantineRules.InForce(rules, RuleSubject.F1, new DateOnly(2021, 5, 31)).Days);
    }

    [Fact]
    public void NoRuleInForce_IsRefused()
    {
        var rules = new[] { Rule(1, RuleSubject.F1, 14, new DateOnly(2021, 1, 1), to: new DateOnly(2021, 12, 31)) };
        Assert.Equal("Quarantine.NoRule", Assert.Throws<DomainException>(() => QuarantineRules.InForce(rules, RuleSubject.F1, new DateOnly(2022, 1, 1))).Code);
        Assert.Equal("Quarantine.NoRule", Assert.Throws<DomainException>(() => QuarantineRules.InForce(rules, RuleSubject.F2, new DateOnly(2021, 5, 1))).Code);
    }

    private static QuarantineOrder Order() => new()
    {
        WorkerId = 1, QuarantineRuleId = 1, PlaceKind = QuarantinePlace.Facility, StartOn = new DateOnly(2021, 5, 18), PlannedEndOn = new DateOnly(2021, 6, 1),
    };

    [Fact]
    public void Release_BeforePlannedEnd_IsRefused() =>
        Assert.Equal("Quarantine.BeforePlannedEnd", Assert.Throws<DomainException>(() => Order().Release(new DateOnly(2021, 5, 31), new DateOnly(2021, 5, 31), "Âm tính")).Code);

    [Fact]
    public void Release_WithATestOutsideTheQuarantine_IsRefused() =>
        Assert.Equal("Quarantine.TestDateOutside", Assert.Throws<DomainException>(() => Order().Release(new DateOnly(2021, 6, 1), new DateOnly(2021, 5, 10), "Âm tính")).Code);

    [Fact]
    public void Release_Twice_IsRefused()
    {
        var o = Order();
        o.Release(new DateOnly(2021, 6, 1), new DateOnly(2021, 5, 31), " Âm tính RT-PCR ");
        Assert.Equal("Âm tính RT-PCR", o.ReleaseResult);
        Assert.Equal("Quarantine.AlreadyReleased", Assert.Throws<DomainException>(() => o.Release(new DateOnly(2021, 6, 2), new DateOnly(2021, 5, 31), "Âm tính")).Code);
    }

    [Fact]
    public void Outcome_BeforeConfirmation_IsRefused()
    {
        var c = new Case { WorkerId = 1, Code = "BN1", TestKind = "RT-PCR", ConfirmedOn = new DateOnly(2021, 5, 18), TestDate = new DateOnly(2021, 5, 17) };
        Assert.Equal("Case.OutcomeBeforeConfirmed", Assert.Throws<DomainException>(() => c.SetOutcome(CaseOutcome.Recovered, new DateOnly(2021, 5, 1))).Code);
        Assert.Equal("Case.OutcomeDateRequired", Assert.Throws<DomainException>(() => c.SetOutcome(CaseOutcome.Recovered, null)).Code);
        c.SetOutcome(CaseOutcome.Recovered, new DateOnly(2021, 6, 10));
        Assert.Equal(CaseOutcome.Recovered, c.Outcome);
    }
}
