using System.Globalization;
using System.IO.Compression;
using System.Text;
using MiniExcelLibs;

namespace Lachan.Features.Rosters;

/// <summary>A file the reader refuses as a whole; the code is a localization key.</summary>
public sealed class RosterFileException(string code, params object[] args) : Exception(code)
{
    public string Code { get; } = code;
    public object[] Args { get; } = args;
}

/// <summary>Turns an uploaded xlsx or csv into rows of cell texts. It decides the format from the bytes, not the
/// name (a PDF renamed .xlsx is refused), refuses zip bombs before unpacking, and for CSV detects the encoding
/// (UTF-8 with or without BOM, UTF-16, Windows-1258) and the separator (, ; or tab).</summary>
public static class RosterFileReader
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
            FileKind.Empty => throw new RosterFileException("Roster.EmptyFile"),
            _ => throw new RosterFileException("Roster.NotASpreadsheet"),
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
        // A PDF whose first kilobytes are text (uncompressed objects) has no NUL byte there: known by its signature.
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
                throw new RosterFileException("Roster.NotASpreadsheet");
            long total = 0;
            foreach (var e in zip.Entries)
            {
                total += e.Length;
                if (total > MaxUnpackedBytes || (e.CompressedLength > 0 && e.Length / e.CompressedLength > MaxCompressionRatio))
                    throw new RosterFileException("Roster.ZipBomb");
            }
        }
        catch (InvalidDataException)
        {
            throw new RosterFileException("Roster.CorruptFile");
        }
        return ReadXlsxRows(path);
    }

    private static IEnumerable<string?[]> ReadXlsxRows(string path)
    {
        using var stream = File.OpenRead(path);
        IEnumerator<dynamic> rows;
        try
        {
            rows = MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX).GetEnumerator();
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or InvalidOperationException)
        {
            throw new RosterFileException("Roster.CorruptFile");
        }
        using (rows)
        {
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
                    throw new RosterFileException("Roster.CorruptFile");
                }
                yield return row.Values.Select(CellText).ToArray();
            }
        }
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
        using var records = CsvRecords(reader).GetEnumerator();
        // Title rows above the header have no separators: choose from the first rows together.
        var head = new List<string>();
        while (head.Count < HeaderDetection.RowsToScan && records.MoveNext()) head.Add(records.Current);
        var separator = DetectSeparator(head);
        foreach (var line in head) yield return Split(line, separator);
        while (records.MoveNext()) yield return Split(records.Current, separator);
    }

    public static Encoding DetectEncoding(string path)
    {
        var bytes = new byte[Math.Min(1 << 20, new FileInfo(path).Length)];
        using (var f = File.OpenRead(path)) f.ReadExactly(bytes);
        if (bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF })) return new UTF8Encoding(false);
        if (bytes.AsSpan().StartsWith(new byte[] { 0xFF, 0xFE })) return Encoding.Unicode;
        if (bytes.AsSpan().StartsWith(new byte[] { 0xFE, 0xFF })) return Encoding.BigEndianUnicode;
        try
        {
            // A cut in the middle of a multi-byte character at the 1 MiB boundary is not an encoding error.
            var probe = bytes.Length == 1 << 20 ? bytes.AsSpan(0, bytes.Length - 4) : bytes.AsSpan();
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(probe);
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

    /// <summary>Logical CSV records: a quoted field may span lines.</summary>
    private static IEnumerable<string> CsvRecords(TextReader reader)
    {
        var sb = new StringBuilder();
        var quotes = 0;
        while (reader.ReadLine() is { } line)
        {
            if (sb.Length > 0) sb.Append('\n');
            sb.Append(line);
            quotes += line.Count(c => c == '"');
            if (quotes % 2 == 0)
            {
                yield return sb.ToString();
                sb.Clear();
                quotes = 0;
            }
        }
        if (sb.Length > 0) yield return sb.ToString();
    }

    public static string?[] Split(string record, char separator)
    {
        var fields = new List<string?>();
        var sb = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < record.Length; i++)
        {
            var c = record[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < record.Length && record[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') inQuotes = false;
                else sb.Append(c);
            }
            else if (c == '"') inQuotes = true;
            else if (c == separator) { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        fields.Add(sb.ToString());
        return fields.Select(f => string.IsNullOrEmpty(f) ? null : f).ToArray();
    }
}
