namespace Lachan.Features.Outbreak.Demo;

/// <summary>The shape of the demo wave: new cases per day from the first confirmation, rising to a peak three weeks later
/// and falling over the following month (Bắc Giang's May–June 2021 wave peaked in early June and was falling by late June).
/// A gamma-like curve, t⁴·e^(−t/5.25), whose peak falls on day 21; the days' counts are rounded from the cumulative
/// share, so they add up to the total exactly and the same total gives the same days.</summary>
public static class WaveCurve
{
    public const int Days = 56;                 // 13/05/2021 … 07/07/2021
    private const double Shape = 4, Scale = 5.25;

    public static int[] DailyCounts(int total)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        var weights = Enumerable.Range(1, Days).Select(t => Math.Pow(t, Shape) * Math.Exp(-t / Scale)).ToArray();
        var sum = weights.Sum();
        var counts = new int[Days];
        double cumulative = 0;
        var given = 0;
        for (var d = 0; d < Days; d++)
        {
            cumulative += weights[d];
            var upTo = d == Days - 1 ? total : (int)Math.Round(total * cumulative / sum, MidpointRounding.AwayFromZero);
            counts[d] = upTo - given;
            given = upTo;
        }
        return counts;
    }
}
