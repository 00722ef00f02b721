using System.Globalization;
using System.IO.Compression;
using System.Text;
using MiniExcelLibs;

namespace Lachan.Features.Shared;

/// <summary>A file the reader refuses as a whole; the code is a localization key.</summary>
public sealed class TabularFileException(string code, params object[] args) : Exception(code)
{
    public string Code { get; } = code;
    public object[] Args { get; } = args;
}

/// <summary>Turns an uploaded xlsx or csv (a roster, lab results, later dose lists and payment lists) into rows of cell texts. It decides the format from the bytes, not the
/// name (a PDF renamed .xlsx is refused), refuses zip bombs before unpacking, and for CSV detects the encoding
/// (UTF-8 with or without BOM, UTF-16, Windows-1258) and the separator (, ; or tab).</summary>
public static class TabularFileReader
{
    public const long MaxUnpackedBytes = 1L << 30;   // an xlsx that inflates past 1 GiB is refused
    public const int MaxCompressionRatio = 200;       // real sheets compress ~5–20×; bombs 1000×+

    public static IEnumerable<string?[]> Read(string path)
    {
        var kind = Sniff(path);
        return kind switch
        {
            FileKind.Xlsx => ReadXlsx(path),
            FileKind.Text => ReadCsv(path),
            FileKind.Empty => throw new TabularFileException("Roster.EmptyFile"),
            _ => throw new TabularFileException("Roster.NotASpreadsheet"),
        };
    }

    private enum FileKind { Empty, Xlsx, Text, Other }

    private static FileKind Sniff(string path)
    {
        using var f = File.OpenRead(path);
        if (f.Length == 0) return FileKind.Empty;
        Span<byte> head = stackalloc byte[8];
        var n = f.Read(head);
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) return FileKind.Xlsx;
        if (n >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF))) return FileKind.Text;
        // A small PDF can be text throughout its first kilobytes (uncompressed page): it would be read as a CSV.
        if (n >= 5 && head[..5].SequenceEqual("%PDF-"u8)) return FileKind.Other;
        // Text files have no NUL bytes in their first kilobytes (UTF-16 without BOM is not accepted).
        f.Position = 0;
        var buffer = new byte[Math.Min(8192, f.Length)];
        var read = f.Read(buffer);
        return buffer.AsSpan(0, read).Contains((byte)0) ? FileKind.Other : FileKind.Text;
    }

    private static IEnumerable<string?[]> ReadXlsx(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (zip.GetEntry("[Content_Types].xml") is null || !zip.Entries.Any(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)))
                throw new TabularFileException("Roster.NotASpreadsheet");
            long total = 0;
            foreach (var e in zip.Entries)
            {
                total += e.Length;
                if (total > MaxUnpackedBytes || (e.CompressedLength > 0 && e.Length / e.CompressedLength > MaxCompressionRatio))
                    throw new TabularFileException("Roster.ZipBomb");
            }
        }
        catch (InvalidDataException)
        {
            throw new TabularFileException("Roster.CorruptFile");
        }
        return ReadXlsxRows(path);
    }

    /// <summary>Columns read from a sheet that declares more: MiniExcel builds each row in time quadratic in the
    /// sheet's width (a sheet reaching column XFD took seconds per row). A roster has about 15.</summary>
    public const int MaxColumns = 64;
    /// <summary>Excel's last row: a sheet declaring or yielding more (row r="2000000000") was not written by a
    /// spreadsheet program and is refused as corrupt.</summary>
    public const int MaxSheetRows = 1_048_576;

    private static IEnumerable<string?[]> ReadXlsxRows(string path)
    {
        var bounded = DeclaresMoreThanARoster(path);
        using var stream = File.OpenRead(path);
        IEnumerator<dynamic> rows;
        try
        {
            rows = (bounded
                ? MiniExcel.QueryRange(stream, useHeaderRow: false, excelType: ExcelType.XLSX, startCell: "A1", endCell: Column(MaxColumns - 1) + MaxSheetRows)
                : MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX)).GetEnumerator();
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or InvalidOperationException)
        {
            throw new TabularFileException("Roster.CorruptFile");
        }
        using (rows)
        {
            var count = 0;
            while (true)
            {
                IDictionary<string, object?> row;
                try
                {
                    if (!rows.MoveNext()) yield break;
                    row = (IDictionary<string, object?>)rows.Current;
                }
                catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or InvalidOperationException or FormatException)
                {
                    throw new TabularFileException("Roster.CorruptFile");
                }
                if (++count > MaxSheetRows) throw new TabularFileException("Roster.CorruptFile");
                yield return row.Values.Select(CellText).ToArray();
            }
        }
    }

    /// <summary>True when a sheet's &lt;dimension ref="A1:M500"/&gt; (read without reading the rows) spans more than
    /// MaxColumns columns; refused when it spans more than MaxSheetRows rows. Sheets without one are read as they are.</summary>
    private static bool DeclaresMoreThanARoster(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            try
            {
                using var xml = System.Xml.XmlReader.Create(entry.Open(), new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null });
                while (xml.Read())
                {
                    if (xml.NodeType != System.Xml.XmlNodeType.Element) continue;
                    if (xml.LocalName == "sheetData") break;
                    if (xml.LocalName != "dimension" || xml.GetAttribute("ref") is not { } range) continue;
                    var last = range[(range.IndexOf(':', StringComparison.Ordinal) + 1)..];
                    var letters = last.TakeWhile(char.IsAsciiLetter).Count();
                    var column = last[..letters].Aggregate(0L, (n, c) => Math.Min(n * 26 + char.ToUpperInvariant(c) - 'A' + 1, int.MaxValue));
                    if (long.TryParse(last[letters..], out var row) && row > MaxSheetRows) throw new TabularFileException("Roster.CorruptFile");
                    if (column > MaxColumns) return true;
                }
            }
            catch (Exception e) when (e is System.Xml.XmlException or InvalidDataException)
            {
                // unreadable: refused as corrupt when the rows are read
            }
        }
        return false;
    }

    /// <summary>Numbers keep every digit (a CCCD read as 24190001234.0 becomes "24190001234"); real date cells become
    /// ISO dates so the date parser can tell them from typed text.</summary>
    public static string? CellText(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static IEnumerable<string?[]> ReadCsv(string path)
    {
        var encoding = DetectEncoding(path);
        using var reader = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true);
        // Windows-1258 stores most tones as combining marks ("ê" + U+0303): composed here, so the text (and the
        // header names shown in errors) is NFC as from any other source.
        var compose = encoding.CodePage == 1258;
        using var lines = Lines(reader, compose).GetEnumerator();
        // Title rows above the header have no separators: choose from the first lines together.
        var head = new List<string>();
        while (head.Count < SheetHeaders.RowsToScan && lines.MoveNext()) head.Add(lines.Current);
        var separator = DetectSeparator(head);
        foreach (var record in CsvRecords(head.Concat(Rest(lines)), separator)) yield return record;
    }

    private static IEnumerable<string> Lines(TextReader reader, bool compose)
    {
        while (reader.ReadLine() is { } line) yield return compose ? line.Normalize(NormalizationForm.FormC) : line;
    }

    private static IEnumerable<string> Rest(IEnumerator<string> e)
    {
        while (e.MoveNext()) yield return e.Current;
    }

    /// <summary>How much of a file without a byte-order mark is checked for UTF-8.</summary>
    public const int EncodingProbeBytes = 1 << 20;

    public static Encoding DetectEncoding(string path)
    {
        var length = new FileInfo(path).Length;
        var bytes = new byte[Math.Min(EncodingProbeBytes, length)];
        using (var f = File.OpenRead(path)) f.ReadExactly(bytes);
        if (bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF })) return new UTF8Encoding(false);
        if (bytes.AsSpan().StartsWith(new byte[] { 0xFF, 0xFE })) return Encoding.Unicode;
        if (bytes.AsSpan().StartsWith(new byte[] { 0xFE, 0xFF })) return Encoding.BigEndianUnicode;
        try
        {
            // The probe may end inside a letter (2 to 4 bytes in UTF-8): a decoder that is not flushed keeps such an
            // incomplete tail for bytes it is never given, so only a real error counts, wherever the probe stops.
            // The file's own end is flushed: a file that ends mid-letter is not UTF-8.
            var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
            _ = decoder.GetCharCount(bytes, flush: bytes.Length == length);
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1258); // Windows Vietnamese, what older Excel saves as "CSV"
        }
    }

    private static char DetectSeparator(List<string> lines) =>
        new[] { ',', ';', '\t' }.OrderByDescending(c => lines.Count == 0 ? 0 : lines.Max(l => l.Count(x => x == c))).First();

    /// <summary>A CSV record longer than this (4 Mi characters; an Excel cell holds at most 32,767) is a quote that
    /// never closes: refused, rather than reading the rest of the file into one field.</summary>
    public const int MaxRecordChars = 1 << 22;

    /// <summary>RFC 4180 records: a quote opens a quoted field only at the start of a field (elsewhere, as in
    /// <c>cao 1m7"</c>, it is an ordinary character); a quoted field may span lines and holds "" for a quote.</summary>
    private static IEnumerable<string?[]> CsvRecords(IEnumerable<string> lines, char separator)
    {
        var fields = new List<string?>();
        var field = new StringBuilder();
        var inQuotes = false;
        var length = 0L;
        foreach (var line in lines)
        {
            if (inQuotes) field.Append('\n');
            if ((length += line.Length) > MaxRecordChars) throw new TabularFileException("Roster.CorruptFile");
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (inQuotes)
                {
                    if (c != '"') field.Append(c);
                    else if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                    else inQuotes = false;
                }
                else if (c == separator) { fields.Add(field.Length == 0 ? null : field.ToString()); field.Clear(); }
                else if (c == '"' && field.Length == 0) inQuotes = true;
                else if (field.Length == 0)
                {
                    // An unquoted field runs to the next separator (a quote inside it is an ordinary character): taken
                    // whole rather than character by character, which was most of the reading time.
                    var end = line.IndexOf(separator, i);
                    if (end < 0) end = line.Length;
                    field.Append(line.AsSpan(i, end - i));
                    i = end - 1;
                }
                else field.Append(c);
            }
            if (inQuotes) continue;
            fields.Add(field.Length == 0 ? null : field.ToString());
            yield return [.. fields];
            fields.Clear();
            field.Clear();
            length = 0;
        }
        if (inQuotes) yield return [.. fields, field.ToString()];
    }

    /// <summary>One record's fields (no line breaks inside quotes).</summary>
    public static string?[] Split(string record, char separator) => CsvRecords([record], separator).Single();

    /// <summary>The spreadsheet's letter for a 0-based column: 0 → A, 26 → AA.</summary>
    public static string Column(int index)
    {
        var s = "";
        for (index++; index > 0; index = (index - 1) / 26) s = (char)('A' + (index - 1) % 26) + s;
        return s;
    }
}
