using Lachan.Features.Outbreak.Testing;
using Lachan.Infrastructure;

namespace Lachan.Tests.Unit.Testing;

public sealed class TestingRulesTests
{
    private static readonly DateOnly D = new(2021, 6, 1);

    [Fact]
    public void PoolSize_IsTheRuleInForceOnTheCollectionDate()
    {
        Assert.Equal(10, TestingRules.InForce(TestingRules.Seed, new DateOnly(2021, 5, 1)).MaxPoolSize);
        PoolRule[] rules =
        [
            new() { Id = 1, MaxPoolSize = 10, EffectiveFrom = new(2021, 5, 1), EffectiveTo = new(2021, 7, 31) },
            new() { Id = 2, MaxPoolSize = 5, EffectiveFrom = new(2021, 8, 1) },
        ];
        Assert.Equal(10, TestingRules.InForce(rules, new DateOnly(2021, 7, 31)).MaxPoolSize);
        Assert.Equal(5, TestingRules.InForce(rules, new DateOnly(2021, 8, 1)).MaxPoolSize);
    }

    [Fact]
    public void PoolSize_BeforeAnyRule_IsRefused() =>
        Assert.Equal("Testing.NoPoolRule", Assert.Throws<DomainException>(() => TestingRules.InForce(TestingRules.Seed, new DateOnly(2021, 4, 30))).Code);

    [Theory]
    [InlineData(false, 1, null)]
    [InlineData(false, 2, "Testing.SingleHasOneMember")]
    [InlineData(true, 1, "Testing.PoolTooSmall")]
    [InlineData(true, 2, null)]
    [InlineData(true, 10, null)]
    [InlineData(true, 11, "Testing.PoolTooLarge")]
    [InlineData(true, 0, "Field.Required")]
    public void Members_SingleIsOne_PoolIsTwoToTheMaximum(bool pooled, int count, string? problem) =>
        Assert.Equal(problem, TestingRules.MemberCountProblem(pooled, count, 10));

    [Fact]
    public void Retest_UntilAnIndividualSampleIsCollectedAfterThePool()
    {
        var pool = new DateTime(2021, 5, 20, 8, 0, 0);
        Assert.True(TestingRules.NeedsRetest(pool, []));
        Assert.True(TestingRules.NeedsRetest(pool, [pool.AddDays(-3), pool]));   // before, or the same tube time, does not count
        Assert.False(TestingRules.NeedsRetest(pool, [pool.AddHours(6)]));
    }

    [Fact]
    public void Result_IsEnteredOnce_NotBeforeTheCollection()
    {
        var s = new TestSample { Code = "M1", Site = "Trạm y tế", CollectedOn = new(2021, 5, 20), CollectedTime = new(8, 0) };
        Assert.Equal("Testing.ResultBeforeCollection", Assert.Throws<DomainException>(() => s.SetResult(TestResult.Positive, new(2021, 5, 19))).Code);
        s.SetResult(TestResult.Positive, new(2021, 5, 21));
        Assert.Equal(TestResult.Positive, s.Result);
        Assert.Equal("Testing.ResultAlreadyEntered", Assert.Throws<DomainException>(() => s.SetResult(TestResult.Negative, new(2021, 5, 22))).Code);
    }

    [Fact]
    public void Screening_DueWhenTheIntervalHasPassed_MissedAfterAWholeFurtherInterval()
    {
        var start = new DateOnly(2021, 5, 28);
        Assert.Equal(Screening.NotDue, TestingRules.Classify(D, 7, D.AddDays(-6), start));
        Assert.Equal(Screening.Due, TestingRules.Classify(D, 7, D.AddDays(-7), start));
        Assert.Equal(Screening.Due, TestingRules.Classify(D, 7, D.AddDays(-13), start));
        Assert.Equal(Screening.Missed, TestingRules.Classify(D, 7, D.AddDays(-14), start));
    }

    [Fact]
    public void Screening_NeverSampled_IsDueFromTheStart_MissedAnIntervalLater()
    {
        Assert.Equal(Screening.NotDue, TestingRules.Classify(D, 7, null, D.AddDays(1)));
        Assert.Equal(Screening.Due, TestingRules.Classify(D, 7, null, D));
        Assert.Equal(Screening.Due, TestingRules.Classify(D, 7, null, D.AddDays(-6)));
        Assert.Equal(Screening.Missed, TestingRules.Classify(D, 7, null, D.AddDays(-7)));
    }
}

public sealed class LabImportParseTests
{
    [Fact]
    public void Rows_AreReadAfterTheHeader_WithVietnameseOrEnglishResults()
    {
        var (lines, errors) = LabImport.Parse([
            ["Mã mẫu", "Kết quả", "Ngày"], ["M1", "Âm tính", "21/05/2021"], ["M2", "DƯƠNG TÍNH", "2021-05-21"], [null, null, null], ["M3", "negative", "1/6/2021"]]);
        Assert.Empty(errors);
        Assert.Equal([TestResult.Negative, TestResult.Positive, TestResult.Negative], lines.Select(l => l.Result));
        Assert.Equal([2, 3, 5], lines.Select(l => l.Row));
        Assert.Equal(new DateOnly(2021, 6, 1), lines[2].On);
    }

    [Fact]
    public void Every_wrong_cell_is_reported_with_its_row()
    {
        var (_, errors) = LabImport.Parse([["h"], ["M1", "?", "21/05/2021"], ["M1", "Âm tính", "21-05-2021"], ["", "Âm tính", "21/05/2021"]]);
        Assert.Equal(["2 B LabImport.UnknownResult", "3 A LabImport.DuplicateCode", "3 C Date.Format", "4 A Field.Required"],
            errors.Select(e => $"{e.Row} {e.Column} {e.Code}"));
    }
}
