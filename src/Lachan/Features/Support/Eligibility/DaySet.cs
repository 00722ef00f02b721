namespace Lachan.Features.Support.Eligibility;

/// <summary>A set of days as sorted, disjoint, inclusive ranges of day numbers: union and intersection in one pass each,
/// so counting a worker's days off over eight months costs a few comparisons, not 245 lookups (a province's simulation
/// evaluates 300,000 workers).</summary>
internal readonly struct DaySet
{
    private readonly List<(int From, int To)> _ranges;
    private DaySet(List<(int, int)> ranges) => _ranges = ranges;

    public static DaySet Empty => new([]);

    public static DaySet Of(DateOnly from, DateOnly to) => from > to ? Empty : new([(from.DayNumber, to.DayNumber)]);

    /// <summary>The spans' days inside [from, to].</summary>
    public static DaySet Of(IEnumerable<Span> spans, DateOnly from, DateOnly to) =>
        Merge(spans.Where(s => s.Overlaps(from, to))
            .Select(s => (Math.Max(s.From.DayNumber, from.DayNumber), Math.Min((s.To ?? to).DayNumber, to.DayNumber))));

    public bool IsEmpty => _ranges.Count == 0;
    public int Count => _ranges.Sum(r => r.To - r.From + 1);
    public DateOnly First => DateOnly.FromDayNumber(_ranges[0].From);

    public DaySet Union(DaySet other) => other.IsEmpty ? this : IsEmpty ? other : Merge(_ranges.Concat(other._ranges));

    public DaySet Intersect(DaySet other)
    {
        var result = new List<(int, int)>();
        int i = 0, j = 0;
        while (i < _ranges.Count && j < other._ranges.Count)
        {
            var (a, b) = (_ranges[i], other._ranges[j]);
            var (from, to) = (Math.Max(a.From, b.From), Math.Min(a.To, b.To));
            if (from <= to) result.Add((from, to));
            if (a.To < b.To) i++; else j++;
        }
        return new(result);
    }

    public DaySet Except(DaySet other) => other.IsEmpty ? this : Intersect(Complement(other));

    private static DaySet Complement(DaySet set)
    {
        var result = new List<(int, int)>();
        var next = DateOnly.MinValue.DayNumber;
        foreach (var (from, to) in set._ranges)
        {
            if (from > next) result.Add((next, from - 1));
            next = to + 1;
        }
        if (next <= DateOnly.MaxValue.DayNumber) result.Add((next, DateOnly.MaxValue.DayNumber));
        return new(result);
    }

    private static DaySet Merge(IEnumerable<(int From, int To)> ranges)
    {
        var result = new List<(int, int)>();
        foreach (var (from, to) in ranges.OrderBy(r => r.From))
        {
            if (result.Count > 0 && from <= result[^1].Item2 + 1)
                result[^1] = (result[^1].Item1, Math.Max(result[^1].Item2, to));
            else result.Add((from, to));
        }
        return new(result);
    }
}
