using System.Globalization;
using System.Text;
using Lachan.Features.Registry.Contracts;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Lachan.Features.Rosters;

/// <summary>How messy a generated roster is. Shares are fractions of the data rows.</summary>
public sealed record SampleOptions
{
    /// <summary>Rows with exactly one problem: bad CCCD, sex or birth year at odds with the CCCD, bad date, #N/A, …</summary>
    public double InvalidShare { get; init; } = 0.03;
    /// <summary>Rows that state an earlier row's person again with the same content (typed differently).</summary>
    public double IdenticalDuplicateShare { get; init; } = 0.01;
    /// <summary>Rows that reuse an earlier row's CCCD with different content.</summary>
    public double ConflictingDuplicateShare { get; init; } = 0.005;
    /// <summary>Valid CCCDs stored as numbers, so the leading zero is lost (11 digits).</summary>
    public double NumericCccdShare { get; init; } = 0.25;
    /// <summary>NFD text, doubled spaces, upper case, dates as date cells / d/M/yy / Excel serials, phones as +84….</summary>
    public bool Messy { get; init; } = true;
    public bool TitleRows { get; init; } = true;
    public bool SexColumn { get; init; } = true;
    /// <summary>The roster's as-of date: the title names its month and every hire date is before it.</summary>
    public DateOnly AsOf { get; init; } = new(2021, 5, 31);
    /// <summary>Lodging texts to draw from (e.g. the lodging houses a database knows); null: invented ones.</summary>
    public IReadOnlyList<string>? Lodgings { get; init; }

    public static SampleOptions Default { get; } = new();
    /// <summary>Every row valid and typed tidily: the roster offered as a template to download.</summary>
    public static SampleOptions Clean { get; } = new()
    {
        InvalidShare = 0, IdenticalDuplicateShare = 0, ConflictingDuplicateShare = 0, NumericCccdShare = 0, Messy = false,
    };
}

public enum SampleRowKind { Valid, IdenticalDuplicate, ConflictingDuplicate, Invalid }

/// <summary>One generated data row: its cells as a spreadsheet holds them (string, long, double serial, DateTime or
/// null) and what an importer should make of it. Expected is the person the row states, normalised (for an invalid
/// row: before the damage); Problem names the one field and error code of an invalid row; DuplicateOf is the row a
/// duplicate repeats.</summary>
public sealed record SampleRow(int RowNumber, object?[] Cells, SampleRowKind Kind, RosterRow Expected,
    RosterField? ProblemField = null, string? ProblemCode = null, int? DuplicateOf = null);

/// <summary>What parsing a sample roster must report.</summary>
public sealed record SampleTally(int DataRows, int Valid, int InvalidRows, int DuplicatesMerged, int RecoveredLeadingZeros);

/// <summary>A generated roster. Rows is lazy and yields the same rows on every enumeration, so a 500,000-row roster
/// is written without being held in memory.</summary>
public sealed class SampleRoster(IReadOnlyList<object?[]> titleRows, IReadOnlyList<string> headers,
    IReadOnlyList<RosterField> fields, IEnumerable<SampleRow> rows)
{
    /// <summary>Title rows and the blank row under them, padded to the header's width as Excel saves them.</summary>
    public IReadOnlyList<object?[]> TitleRows { get; } = titleRows;
    public IReadOnlyList<string> Headers { get; } = headers;
    public IReadOnlyList<RosterField> Fields { get; } = fields;
    public IEnumerable<SampleRow> Rows { get; } = rows;
    public int HeaderRowNumber => TitleRows.Count + 1;

    /// <summary>Every row of the sheet: titles, header, data.</summary>
    public IEnumerable<object?[]> Cells() => TitleRows.Append(Headers.ToArray<object?>()).Concat(Rows.Select(r => r.Cells));

    public SampleTally Tally()
    {
        var all = Rows.ToList();
        var conflicted = all.Where(r => r.Kind == SampleRowKind.ConflictingDuplicate).Select(r => r.DuplicateOf!.Value).ToHashSet();
        bool Kept(SampleRow r) => r.Kind == SampleRowKind.Valid && !conflicted.Contains(r.RowNumber);
        return new SampleTally(all.Count, all.Count(Kept),
            all.Count(r => r.Kind is SampleRowKind.Invalid or SampleRowKind.ConflictingDuplicate) + conflicted.Count,
            all.Count(r => r.Kind == SampleRowKind.IdenticalDuplicate), all.Count(r => Kept(r) && r.Expected.RecoveredLeadingZero));
    }
}

/// <summary>Deterministic (seeded) generator of realistic, messy employer rosters, and writers for xlsx and csv. Used by
/// the tests and the benchmark only (compiled into both, never into the app). Every valid CCCD agrees with the row's sex and
/// birth year (Cccd.Compose) and is unique in the file.</summary>
public static partial class SampleRosters
{
    public static SampleRoster Generate(int rows, int seed, SampleOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        var o = options ?? SampleOptions.Default;
        var rnd = new Random(seed);
        var fields = Enum.GetValues<RosterField>().Where(f => f != RosterField.Cmnd && (o.SexColumn || f != RosterField.Sex)).ToArray();
        var headers = Headers(rnd, fields, o.Messy);
        var titles = o.TitleRows ? Titles(rnd, o.AsOf, fields.Length) : [];
        return new SampleRoster(titles, headers, fields, DataRows(rows, unchecked(seed * 7919 + 1), o, fields, titles.Length + 2));
    }

    private static IEnumerable<SampleRow> DataRows(int count, int seed, SampleOptions o, RosterField[] fields, int firstRowNumber)
    {
        var g = new PersonMaker(new Random(seed), o);
        var pool = new List<(Person P, int Row)>();   // earlier valid rows a duplicate may repeat, each at most once
        for (var i = 0; i < count; i++)
        {
            var rowNumber = firstRowNumber + i;
            var u = g.Rnd.NextDouble();
            if (u < o.InvalidShare)
            {
                yield return g.Invalid(rowNumber, i + 1, fields);
                continue;
            }
            u -= o.InvalidShare;
            var duplicate = u < o.IdenticalDuplicateShare ? SampleRowKind.IdenticalDuplicate
                : u < o.IdenticalDuplicateShare + o.ConflictingDuplicateShare ? SampleRowKind.ConflictingDuplicate : SampleRowKind.Valid;
            if (duplicate != SampleRowKind.Valid && pool.Count > 0)
            {
                var k = g.Rnd.Next(pool.Count);
                var (p, first) = pool[k];
                pool[k] = pool[^1];
                pool.RemoveAt(pool.Count - 1);
                if (duplicate == SampleRowKind.ConflictingDuplicate) p = g.Differently(p);
                yield return g.Row(rowNumber, i + 1, fields, p, duplicate, first);
                continue;
            }
            var person = g.NewPerson();
            var row = g.Row(rowNumber, i + 1, fields, person, SampleRowKind.Valid, null);
            if (pool.Count < 5_000) pool.Add((person, rowNumber));
            else pool[g.Rnd.Next(pool.Count)] = (person, rowNumber);
            yield return row;
        }
    }

    private static readonly (RosterField Field, string[] Names)[] HeaderNames =
    [
        (RosterField.Stt, ["STT", "TT", "Số thứ tự"]),
        (RosterField.FullName, ["Họ và tên", "Họ tên", "Tên NLĐ", "Họ và tên người lao động", "Họ tên NLĐ"]),
        (RosterField.DateOfBirth, ["Ngày sinh", "Ngày tháng năm sinh", "Ngày, tháng, năm sinh"]),
        (RosterField.Sex, ["Giới tính", "Nam/Nữ"]),
        (RosterField.Cccd, ["Số CCCD/CMND", "Số CCCD", "CCCD", "Số định danh cá nhân", "CMND/CCCD"]),
        (RosterField.Bhxh, ["Mã số BHXH", "Số sổ BHXH", "Mã BHXH"]),
        (RosterField.Phone, ["SĐT", "Số điện thoại", "Điện thoại"]),
        (RosterField.PermanentAddress, ["Quê quán", "Nơi thường trú", "Địa chỉ thường trú", "Hộ khẩu thường trú"]),
        (RosterField.Lodging, ["Nơi ở hiện tại", "Địa chỉ tạm trú", "Nhà trọ", "Chỗ ở hiện nay"]),
        (RosterField.HiredOn, ["Ngày vào làm", "Ngày vào công ty", "Ngày bắt đầu làm việc"]),
        (RosterField.ContractType, ["Loại HĐLĐ", "Loại hợp đồng", "Loại hợp đồng lao động"]),
        (RosterField.Workshop, ["Bộ phận", "Bộ phận/Chuyền", "Phòng ban", "Xưởng"]),
    ];

    /// <summary>The header texts the generator writes for each field (before case and diacritics are varied).</summary>
    public static IReadOnlyDictionary<RosterField, string[]> HeaderVariants { get; } = HeaderNames.ToDictionary(h => h.Field, h => h.Names);

    /// <summary>One header style per file: with or without diacritics, as written / UPPER / lower, "(*)" on required columns.</summary>
    private static string[] Headers(Random rnd, RosterField[] fields, bool messy)
    {
        var plain = messy && rnd.Next(5) == 0;
        var casing = messy ? rnd.Next(3) : 0;
        var star = messy && rnd.Next(4) == 0;
        return fields.Select(f =>
        {
            var names = HeaderVariants[f];
            var h = messy ? names[rnd.Next(names.Length)] : names[0];
            if (plain) h = WithoutDiacritics(h);
            h = casing switch { 1 => h.ToUpperInvariant(), 2 => h.ToLowerInvariant(), _ => h };
            return star && f is RosterField.FullName or RosterField.Cccd ? h + " (*)" : h;
        }).ToArray();
    }

    private static readonly string[] Companies =
        ["MAY XUẤT KHẨU HÀ BẮC", "ĐIỆN TỬ QUANG CHÂU", "LINH KIỆN VÂN TRUNG", "CÔNG NGHỆ ĐÌNH TRÁM", "MAY MẶC SONG KHÊ", "QUANG HỌC VIỆT HÀN"];
    private static readonly string[] Zones = ["Quang Châu", "Vân Trung", "Đình Trám", "Song Khê – Nội Hoàng", "Việt Hàn", "Hòa Phú"];

    private static object?[][] Titles(Random rnd, DateOnly asOf, int width)
    {
        object?[] Row(string? text) { var r = new object?[width]; r[0] = text; return r; }
        var k = rnd.Next(Companies.Length);
        var rows = new List<object?[]> { Row($"CÔNG TY TNHH {Companies[k]}") };
        if (rnd.Next(2) == 0) rows.Add(Row($"Địa chỉ: Lô {(char)('A' + rnd.Next(8))}{rnd.Next(1, 12)}, KCN {Zones[k]}, tỉnh Bắc Giang"));
        rows.Add(Row($"DANH SÁCH NGƯỜI LAO ĐỘNG THÁNG {asOf.Month}/{asOf.Year}"));
        rows.Add(Row(null));
        return [.. rows];
    }

    public static string WithoutDiacritics(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                sb.Append(c switch { 'đ' => 'd', 'Đ' => 'D', _ => c });
        return sb.ToString();
    }

    // ---- writers ------------------------------------------------------------------------------------------------

    private static readonly OpenXmlConfiguration XlsxConfig = new() { AutoFilter = false, FreezeRowCount = 0, TableStyles = TableStyles.None };

    public static void WriteXlsx(string path, IEnumerable<object?[]> rows)
    {
        using var file = File.Create(path);
        WriteXlsx(file, rows);
    }

    /// <summary>Every row as written, one column per cell: strings as text, numbers as numeric cells (a CCCD as a number
    /// loses its leading zero), DateTime as real date cells. The sheet is as wide as the widest of the first 100 rows.</summary>
    public static void WriteXlsx(Stream stream, IEnumerable<object?[]> rows)
    {
        using var e = rows.GetEnumerator();
        var head = new List<object?[]>();
        while (head.Count < 100 && e.MoveNext()) head.Add(e.Current);
        var keys = Enumerable.Range(0, head.Count == 0 ? 1 : head.Max(r => r.Length)).Select(RosterParser.Column).ToArray();
        IEnumerable<IDictionary<string, object?>> Dictionaries()
        {
            foreach (var row in head.Concat(Rest()))
            {
                if (row.Length > keys.Length) throw new ArgumentException($"A row has {row.Length} cells, more than the sheet's {keys.Length}.", nameof(rows));
                var d = new Dictionary<string, object?>(keys.Length);
                for (var c = 0; c < keys.Length; c++) d[keys[c]] = c < row.Length ? row[c] : null;
                yield return d;
            }
        }
        IEnumerable<object?[]> Rest() { while (e.MoveNext()) yield return e.Current; }
        stream.SaveAs(Dictionaries(), printHeader: false, excelType: ExcelType.XLSX, configuration: XlsxConfig);
    }

    /// <summary>Windows-1258 (Vietnamese ANSI, what older Excel saves as CSV), registered on first use.</summary>
    public static Encoding Windows1258
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1258);
        }
    }

    public static void WriteCsv(string path, IEnumerable<object?[]> rows, Encoding encoding, char separator = ',')
    {
        using var file = File.Create(path);
        WriteCsv(file, rows, encoding, separator);
    }

    /// <summary>RFC 4180 with CRLF, quoting fields that hold the separator, quotes or line breaks. The encoding's preamble
    /// is written (new UTF8Encoding(true) gives a BOM, new UTF8Encoding(false) none; Encoding.Unicode: UTF-16 LE with BOM).
    /// For Windows-1258 text is first put in that code page's form: base letters precomposed, tone marks combining.
    /// Cells as a spreadsheet saves them: numbers without their lost zeros, date cells as dd/MM/yyyy.</summary>
    public static void WriteCsv(Stream stream, IEnumerable<object?[]> rows, Encoding encoding, char separator = ',')
    {
        var cp1258 = encoding.CodePage == 1258;
        using var w = new StreamWriter(stream, encoding, 1 << 16, leaveOpen: true);
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                if (c > 0) w.Write(separator);
                var text = CsvText(row[c]);
                if (cp1258) text = ForWindows1258(text);
                if (text.AsSpan().IndexOfAny(separator, '"', '\n') >= 0 || text.Contains('\r'))
                    w.Write('"' + text.Replace("\"", "\"\"") + '"');
                else
                    w.Write(text);
            }
            w.Write("\r\n");
        }
    }

    private static string CsvText(object? value) => value switch
    {
        null => "",
        string s => s,
        DateTime d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static readonly Lazy<HashSet<char>> Cp1258Chars = new(() =>
        [.. Windows1258.GetString(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray())]);

    /// <summary>Windows-1258 holds â ê ô ơ ư ă đ and some toned vowels precomposed, and five tone marks as combining
    /// characters; "ệ" is written "ê" + dot below.</summary>
    public static string ForWindows1258(string text)
    {
        var chars = Cp1258Chars.Value;
        var sb = new StringBuilder(text.Length + 8);
        var nfd = text.Normalize(NormalizationForm.FormD);
        for (var i = 0; i < nfd.Length;)
        {
            var start = i++;
            while (i < nfd.Length && CharUnicodeInfo.GetUnicodeCategory(nfd[i]) == UnicodeCategory.NonSpacingMark) i++;
            var cluster = nfd[start..i];
            var whole = cluster.Normalize(NormalizationForm.FormC);
            if (whole.All(chars.Contains)) { sb.Append(whole); continue; }
            // circumflex, breve and horn make the letter; the rest are tones
            var letter = (cluster[0] + string.Concat(cluster.Skip(1).Where(m => m is '\u0302' or '\u0306' or '\u031B'))).Normalize(NormalizationForm.FormC);
            foreach (var ch in letter + string.Concat(cluster.Skip(1).Where(m => m is not ('\u0302' or '\u0306' or '\u031B'))))
                sb.Append(chars.Contains(ch) ? ch : '?');
        }
        return sb.ToString();
    }
}
