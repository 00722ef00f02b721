using Lachan.Features.Shared;

namespace Lachan.Features.Rosters;

public sealed record HeaderMatch(int RowIndex, IReadOnlyDictionary<RosterField, int> Columns, IReadOnlyList<string> Headers);

/// <summary>A roster's header row (<see cref="SheetHeaders"/>): it must name a CCCD and a name column, and a column the
/// user mapped by hand on an earlier file counts as known.</summary>
public static class HeaderDetection
{
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
        if (SheetHeaders.Find(firstRows, header => Field(header, remembered)) is not { } header) return new Result.NotFound();
        if (header.Duplicate is var (field, first, second)) return new Result.Duplicated(field, first, second, header.RowIndex);
        var match = new HeaderMatch(header.RowIndex, header.Columns, header.Headers);
        if (!header.Columns.ContainsKey(RosterField.Cccd) || !header.Columns.ContainsKey(RosterField.FullName))
            return new Result.NotFound(header.Columns.Count >= 2 ? match : null);
        return new Result.Found(match);
    }

    private static RosterField? Field(string? header, IReadOnlyDictionary<string, RosterField>? remembered) =>
        header is not null && remembered is not null && remembered.TryGetValue(SheetHeaders.Key(header), out var f)
            ? f
            : RosterHeaders.Recognise(header);
}
