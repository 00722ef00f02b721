using Lachan.Features.Outbreak.Quarantine;

namespace Lachan.Tests.Unit.Cases;

public sealed class DueListTests
{
    private static readonly DateOnly Start = new(2021, 5, 18);
    private static readonly DateOnly End = new(2021, 6, 1); // 14 days
    private static readonly int[] TestDays = [1, 7, 14];

    private static Due On(DateOnly d) => DueList.Classify(Start, End, TestDays, d);

    [Fact]
    public void TestDays_CountFromDayOne_TheStartDate()
    {
        Assert.Equal(Due.Test, On(Start));
        Assert.Equal(Due.Test, On(new DateOnly(2021, 5, 24)));
        Assert.Equal(Due.Test, On(new DateOnly(2021, 5, 31)));
        Assert.Equal(Due.None, On(new DateOnly(2021, 5, 19)));
    }

    [Fact]
    public void PlannedEnd_MayBeReleased_AfterIt_Overdue()
    {
        Assert.Equal(Due.Release, On(End));
        Assert.Equal(Due.Overdue, On(End.AddDays(1)));
        Assert.Equal(Due.Overdue, On(End.AddDays(30)));
    }

    [Fact]
    public void BeforeTheStart_NothingIsDue() => Assert.Equal(Due.None, On(Start.AddDays(-1)));

    [Fact]
    public void ATestOnTheLastDay_IsBothATestAndARelease() =>
        Assert.Equal(Due.Test | Due.Release, DueList.Classify(Start, Start.AddDays(7), [8], Start.AddDays(7)));
}
