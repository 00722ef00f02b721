namespace Lachan.Features.Rosters;

public sealed record HeaderMatch(int RowIndex, IReadOnlyDictionary<RosterField, int> Columns, IReadOnlyList<string> Headers);

/// <summary>Finds the header row below any title rows ("DANH SÁCH NGƯỜI LAO ĐỘNG…", merged cells) by looking for
/// the row in the first 30 where most cells are known header names, and maps each known field to its column.</summary>
public static class HeaderDetection
{
    public const int RowsToScan = 30;

    public abstract record Result
    {
        public sealed record Found(HeaderMatch Match) : Result;
        /// <summary>No row names both a CCCD column and a name column. Partial: the likeliest header row when it has
        /// at least two known columns (e.g. the name is under a header no one uses), so the user can map the rest.</summary>
        public sealed record NotFound(HeaderMatch? Partial = null) : Result;
        /// <summary>Two columns of the header row carry the same field (e.g. two "Ngày sinh").</summary>
        public sealed record Duplicated(RosterField Field, int FirstColumn, int SecondColumn, int RowIndex) : Result;
    }

    public static Result Detect(IReadOnlyList<string?[]> firstRows, IReadOnlyDictionary<string, RosterField>? remembered = null)
    {
        var best = -1;
        var bestScore = 0;
        for (var i = 0; i < Math.Min(RowsToScan, firstRows.Count); i++)
        {
            var score = firstRows[i].Count(c => Field(c, remembered) is not null);
            if (score > bestScore) (best, bestScore) = (i, score);
        }
        if (best < 0) return new Result.NotFound();

        var row = firstRows[best];
        var columns = new Dictionary<RosterField, int>();
        for (var c = 0; c < row.Length; c++)
        {
            if (Field(row[c], remembered) is not RosterField f) continue;
            if (columns.TryGetValue(f, out var first))
                return new Result.Duplicated(f, first, c, best);
            columns[f] = c;
        }
        var match = new HeaderMatch(best, columns, row.Select(h => h ?? "").ToList());
        if (!columns.ContainsKey(RosterField.Cccd) || !columns.ContainsKey(RosterField.FullName))
            return new Result.NotFound(columns.Count >= 2 ? match : null);
        return new Result.Found(match);
    }

    private static RosterField? Field(string? header, IReadOnlyDictionary<string, RosterField>? remembered) =>
        header is not null && remembered is not null && remembered.TryGetValue(RosterHeaders.Key(header), out var f)
            ? f
            : RosterHeaders.Recognise(header);
}
