using Lachan.Infrastructure.Localization;

namespace Lachan.Features.Shared;

/// <summary>The names a file's columns go by ("Họ và tên", "Họ tên", "Full name"), compared as header keys.</summary>
public sealed class HeaderNames<T> where T : struct
{
    private readonly Dictionary<string, T> byKey;

    public HeaderNames(params (T Column, string[] Names)[] synonyms) =>
        byKey = synonyms.SelectMany(s => s.Names.Select(n => (Key: SheetHeaders.Key(n), s.Column))).ToDictionary(x => x.Key, x => x.Column);

    public T? Recognise(string? header) =>
        string.IsNullOrWhiteSpace(header) ? null : byKey.TryGetValue(SheetHeaders.Key(header), out var c) ? c : null;
}

/// <summary>A sheet's header row: its index, the column of each known name, the header texts, and the first name that two
/// of its cells carry (two "Ngày sinh"), which makes the file ambiguous.</summary>
public sealed record SheetHeader<T>(int RowIndex, IReadOnlyDictionary<T, int> Columns, IReadOnlyList<string> Headers, (T Column, int First, int Second)? Duplicate)
    where T : struct;

/// <summary>Finds the header row of an uploaded sheet below its title rows ("DANH SÁCH NGƯỜI LAO ĐỘNG…", merged cells,
/// blank lines): the row among the first ones where most cells are known header names. Every importer (rosters,
/// insurance months, support lists, bank returns) reads its headers this way.</summary>
public static class SheetHeaders
{
    public const int RowsToScan = 30;

    /// <summary>"Họ và tên (*)", "HỌ  TÊN:" and "ho_va_ten" all give "ho va ten".</summary>
    public static string Key(string header)
    {
        var s = VietnameseText.SearchKey(header);
        var chars = s.Select(c => char.IsLetterOrDigit(c) || c == '/' ? c : ' ').ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Null when no row among the first <see cref="RowsToScan"/> has a known name.</summary>
    public static SheetHeader<T>? Find<T>(IReadOnlyList<string?[]> firstRows, Func<string?, T?> recognise) where T : struct
    {
        var best = -1;
        var bestScore = 0;
        for (var i = 0; i < Math.Min(RowsToScan, firstRows.Count); i++)
        {
            var score = firstRows[i].Count(c => recognise(c) is not null);
            if (score > bestScore) (best, bestScore) = (i, score);
        }
        if (best < 0) return null;

        var row = firstRows[best];
        var columns = new Dictionary<T, int>();
        (T, int, int)? duplicate = null;
        for (var c = 0; c < row.Length; c++)
        {
            if (recognise(row[c]) is not T column) continue;
            if (columns.TryGetValue(column, out var first)) duplicate ??= (column, first, c);
            else columns[column] = c;
        }
        return new SheetHeader<T>(best, columns, row.Select(h => h ?? "").ToList(), duplicate);
    }
}
