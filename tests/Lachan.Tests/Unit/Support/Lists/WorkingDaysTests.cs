using Lachan.Infrastructure.Calendar;

namespace Lachan.Tests.Unit.Support.Lists;

/// <summary>Deadlines in working days skip weekends and the public holidays held as data.</summary>
public sealed class WorkingDaysTests
{
    private static readonly WorkingDays Days2021 = new(new HashSet<DateOnly>
    {
        new(2021, 2, 10), new(2021, 2, 11), new(2021, 2, 12), new(2021, 2, 15), new(2021, 2, 16),
        new(2021, 4, 30), new(2021, 5, 3), new(2021, 9, 2), new(2021, 9, 3),
    });

    [Theory]
    [InlineData("2021-05-25", 2, "2021-05-27")]   // Tuesday + 2 → Thursday
    [InlineData("2021-05-28", 2, "2021-06-01")]   // Friday + 2 → Tuesday (the weekend does not count)
    [InlineData("2021-04-29", 1, "2021-05-04")]   // Thursday before 30/4, 1/5 (Saturday) and the day in lieu 3/5
    [InlineData("2021-02-09", 3, "2021-02-19")]   // the day before Tết: its five weekdays off do not count
    [InlineData("2021-09-01", 2, "2021-09-07")]   // National Day 2/9 and 3/9 off
    [InlineData("2021-05-29", 0, "2021-05-29")]   // nothing to add: the day itself
    [InlineData("2021-05-29", 1, "2021-05-31")]   // from a Saturday: the first working day is Monday
    public void Add_SkipsWeekendsAndHolidays(string from, int n, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), Days2021.Add(DateOnly.Parse(from), n));

    [Fact]
    public void Add_WithoutTheHoliday_CountsItAsAWorkingDay()
    {
        var none = new WorkingDays(new HashSet<DateOnly>());
        Assert.Equal(new DateOnly(2021, 5, 3), none.Add(new(2021, 4, 29), 2));
        Assert.Equal(new DateOnly(2021, 5, 5), Days2021.Add(new(2021, 4, 29), 2));
    }

    [Fact]
    public void Between_CountsTheWorkingDaysAfterTheFirstDay()
    {
        Assert.Equal(3, Days2021.Between(new(2021, 5, 24), new(2021, 5, 27)));
        Assert.Equal(0, Days2021.Between(new(2021, 5, 29), new(2021, 5, 30)));
        Assert.Equal(1, Days2021.Between(new(2021, 4, 29), new(2021, 5, 4)));
    }

    [Fact]
    public void Add_NegativeIsRefused() => Assert.Throws<ArgumentOutOfRangeException>(() => Days2021.Add(new(2021, 5, 25), -1));
}
