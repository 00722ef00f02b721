using Lachan.Features.Relief.Requests;

namespace Lachan.Tests.Unit.Relief;

/// <summary>The 48-hour rule and the report's quantiles, alone.</summary>
public sealed class ReachAndReportRulesTests
{
    private static readonly DateOnly D = new(2021, 6, 10);

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(-1, false)]
    public void Reached_within_48_hours_means_on_the_day_affected_or_the_next(int offset, bool within) =>
        Assert.Equal(within, ReachTally.Within48Hours(D, [D.AddDays(offset)]));

    [Fact]
    public void A_worker_whose_48_hours_are_not_over_and_not_reached_is_waiting_not_missed()
    {
        var affected = new[] { new Affected(1, D, "C"), new Affected(2, D, "C"), new Affected(3, D.AddDays(-5), "C") };
        var reached = new[] { (Worker: 1, Day: D) }.ToLookup(x => x.Worker, x => x.Day);
        // on D + 1 worker 2 still has time; worker 3's time is over
        Assert.Equal((1, 1), ReachTally.Count(affected, reached, D.AddDays(1)));
        Assert.Equal((1, 0), ReachTally.Count(affected, reached, D.AddDays(2)));
        Assert.Equal(0.5, new ReachRow("C", "C", 3, 1, 1).Share);
        Assert.Null(new ReachRow("C", "C", 1, 0, 1).Share);
    }

    [Fact]
    public void Percentiles_interpolate_like_excel_percentile_inc()
    {
        Assert.Null(RequestReport.Percentile([], 0.5));
        Assert.Equal(7, RequestReport.Percentile([7], 0.9));
        Assert.Equal(2.5, RequestReport.Percentile([4, 1, 3, 2], 0.5));
        Assert.Equal(12, RequestReport.Percentile([2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 100], 0.5));
        Assert.Equal(20, RequestReport.Percentile([2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 100], 0.9));
        Assert.Equal(3.7, RequestReport.Percentile([1, 2, 3, 4], 0.9)!.Value, 10);
    }
}
