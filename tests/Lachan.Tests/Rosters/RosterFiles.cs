using Lachan.Features.Shared;
using System.IO.Compression;
using System.Security;
using System.Text;
using Lachan.Features.Rosters;

namespace Lachan.Tests.Rosters;

/// <summary>A temporary folder for one test class's real files, removed afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("lachan-rosters-").FullName;

    public string File(string name) => Path.Combine(Root, name);

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { /* a file still open on a slow runner: the OS cleans /tmp */ }
    }
}

/// <summary>Reading a roster file as the import does, and building files a spreadsheet program would never write.</summary>
public static class RosterFiles
{
    /// <summary>Read then parse; a file refused as a whole (TabularFileException, thrown eagerly or while rows are
    /// read) becomes Refused(code), as the import must report it. Any other exception fails the test.</summary>
    public static RosterParser.Result Parse(string path, IReadOnlyDictionary<string, RosterField>? mapping = null, int maxRows = 1_000_000)
    {
        try
        {
            return RosterParser.Parse(TabularFileReader.Read(path), mapping, maxRows);
        }
        catch (TabularFileException e)
        {
            return new RosterParser.Result.Refused(e.Code, e.Args);
        }
    }

    public static ParsedRoster Ok(RosterParser.Result result) =>
        result as RosterParser.Result.Ok is { } ok ? ok.Roster : throw new Xunit.Sdk.XunitException($"expected a parsed roster, got {result}");

    public static string Refusal(RosterParser.Result result) =>
        result is RosterParser.Result.Refused r ? r.Code : throw new Xunit.Sdk.XunitException($"expected a refusal, got {result}");

    public static List<string?[]> ReadAll(string path) => [.. TabularFileReader.Read(path)];

    // ---- hand-made xlsx packages --------------------------------------------------------------------------------

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>A minimal valid xlsx (one sheet) whose sheetData is given as XML: for formulas, error cells and
    /// row or column references no spreadsheet program writes.</summary>
    public static void WriteXlsx(string path, string sheetData, string? dimension = null, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, xml) in PackageParts())
            Entry(zip, name, xml, level);
        var dim = dimension is null ? "" : $"<dimension ref=\"{dimension}\"/>";
        Entry(zip, "xl/worksheets/sheet1.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{Main}\">{dim}<sheetData>{sheetData}</sheetData></worksheet>", level);
    }

    public static IEnumerable<(string Name, string Xml)> PackageParts() =>
    [
        ("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>"),
        ("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
        ("xl/workbook.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{Main}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
        ("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"),
    ];

    public static void Entry(ZipArchive zip, string name, string text, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var s = zip.CreateEntry(name, level).Open();
        s.Write(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>A row of inline-string cells (null: no cell), numbered as Excel numbers rows (1-based).</summary>
    public static string Row(int number, params string?[] cells)
    {
        var sb = new StringBuilder($"<row r=\"{number}\">");
        for (var c = 0; c < cells.Length; c++)
            if (cells[c] is { } text)
                sb.Append($"<c r=\"{RosterParser.Column(c)}{number}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{SecurityElement.Escape(text)}</t></is></c>");
        return sb.Append("</row>").ToString();
    }

    /// <summary>Row with raw cell XML after the given inline strings (for formula and error cells).</summary>
    public static string RowWith(int number, string[] cells, string rawCells) => Row(number, cells)[..^"</row>".Length] + rawCells + "</row>";
}
