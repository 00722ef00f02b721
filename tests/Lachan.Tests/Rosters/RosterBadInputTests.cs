using Lachan.Features.Shared;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Lachan.Features.Rosters;
using static Lachan.Tests.Rosters.RosterFiles;

namespace Lachan.Tests.Rosters;

/// <summary>Every bad file the issue names, as a real file on disk: each is refused with its code (or yields row
/// errors), never with an unhandled exception, and hostile ones are refused quickly.</summary>
public sealed class RosterBadInputTests : IDisposable
{
    private readonly TempFolder _dir = new();
    public void Dispose() => _dir.Dispose();

    private string Bytes(string name, byte[] bytes)
    {
        var path = _dir.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Text(string name, string text) => Bytes(name, Encoding.UTF8.GetBytes(text));

    private string SampleXlsx(string name, int rows)
    {
        var path = _dir.File(name);
        SampleRosters.WriteXlsx(path, SampleRosters.Generate(rows, seed: 9).Cells());
        return path;
    }

    /// <summary>Runs the action within the limit (set well above what a busy 2-core CI machine takes, since tests run in
    /// parallel); a runaway (a reader looping for minutes) fails at 3× the limit
    /// instead of hanging the test run.</summary>
    private static async Task Quickly(TimeSpan limit, Action action)
    {
        var sw = Stopwatch.StartNew();
        var task = Task.Run(action);
        if (await Task.WhenAny(task, Task.Delay(limit * 3)) != task)
            Assert.Fail($"still running after {(limit * 3).TotalSeconds} s");
        await task;
        Assert.True(sw.Elapsed < limit, $"took {sw.Elapsed.TotalSeconds:0.0} s, more than {limit.TotalSeconds} s");
    }

    // ---- empty, headerless, duplicated header -------------------------------------------------------------------

    [Theory]
    [InlineData("empty.xlsx")]
    [InlineData("empty.csv")]
    public void EmptyFile_OfZeroBytes_IsRefusedAsEmptyFile(string name) =>
        Assert.Equal("Roster.EmptyFile", Refusal(Parse(Bytes(name, []))));

    [Fact]
    public void FileOfOnlyBlankLinesAndSeparators_IsRefusedAsEmptyFile() =>
        Assert.Equal("Roster.EmptyFile", Refusal(Parse(Text("blank.csv", ",,,\r\n,,\r\n\r\n   \r\n\"\",,\r\n"))));

    [Fact]
    public void CsvWithoutARecognisableHeader_IsRefusedAsNoHeader() =>
        Assert.Equal("Roster.NoHeader", Refusal(Parse(Text("noheader.csv", "Mã,Tên,Ngày\r\n1,Nguyễn Văn A,01/01/1990\r\n2,Trần Thị B,02/02/1992\r\n"))));

    [Fact]
    public void XlsxWithANameButNoCccdColumn_IsRefusedAsNoHeader()
    {
        var path = _dir.File("noccd.xlsx");
        SampleRosters.WriteXlsx(path, [["DANH SÁCH"], ["Họ và tên", "Ngày sinh", "SĐT"], ["Nguyễn Thị Hoa", "02/04/1990", "0912345678"]]);
        Assert.Equal("Roster.NoHeader", Refusal(Parse(path)));
    }

    [Fact]
    public void DuplicatedHeaderNames_AreRefusedAsDuplicateHeader_InCsvAndXlsx()
    {
        object?[][] rows = [["CÔNG TY TNHH ABC", null, null, null], ["Họ tên", "Số CCCD", "Ngày sinh", "NGÀY THÁNG NĂM SINH"], ["Nguyễn Thị Hoa", "024190001234", "02/04/1990", "02/04/1990"]];
        var xlsx = _dir.File("dup.xlsx");
        var csv = _dir.File("dup.csv");
        SampleRosters.WriteXlsx(xlsx, rows);
        SampleRosters.WriteCsv(csv, rows, new UTF8Encoding(false));

        foreach (var path in new[] { xlsx, csv })
        {
            var r = Assert.IsType<RosterParser.Result.Refused>(Parse(path));
            Assert.Equal("Roster.DuplicateHeader", r.Code);
            Assert.Equal([2, "C", "D"], r.Args);
        }
    }

    // ---- not a spreadsheet ------------------------------------------------------------------------------------

    /// <summary>A one-page PDF with an uncompressed content stream, as small generators write it: text only, after
    /// the usual binary comment line.</summary>
    private static byte[] TextPdf() =>
    [
        .. "%PDF-1.4\n%"u8, 0xE2, 0xE3, 0xCF, 0xD3, .. "\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"u8,
        .. "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"u8,
        .. "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj\n"u8,
        .. "4 0 obj << /Length 52 >> stream\nBT /F1 12 Tf 72 770 Td (Danh sach, CCCD, Ho ten) Tj ET\nendstream endobj\n"u8,
        .. "trailer << /Root 1 0 R >>\n%%EOF\n"u8,
    ];

    private static byte[] BinaryPdf()
    {
        var image = new byte[4096];
        new Random(1).NextBytes(image);
        image[100] = 0;
        return [.. "%PDF-1.7\n5 0 obj << /Type /XObject /Subtype /Image /Length 4096 >> stream\n"u8, .. image, .. "\nendstream endobj\n%%EOF\n"u8];
    }

    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];
    private static readonly byte[] OldXls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[4088]];

    public static TheoryData<string, byte[]> NotSpreadsheets() => new()
    {
        { "text-pdf.xlsx", TextPdf() },
        { "text-pdf.csv", TextPdf() },
        { "binary-pdf.xlsx", BinaryPdf() },
        { "image.xlsx", Png },
        { "photo.xlsx", Jpeg },
        { "old-binary.xlsx", OldXls },
    };

    [Theory]
    [MemberData(nameof(NotSpreadsheets))]
    public void PdfOrImage_RenamedAsASpreadsheet_IsRefusedAsNotASpreadsheet(string name, byte[] bytes) =>
        Assert.Equal("Roster.NotASpreadsheet", Refusal(Parse(Bytes(name, bytes))));

    [Fact]
    public void WordDocumentOrPlainZip_RenamedXlsx_IsRefusedAsNotASpreadsheet()
    {
        var docx = _dir.File("letter.xlsx");
        using (var zip = ZipFile.Open(docx, ZipArchiveMode.Create))
        {
            Entry(zip, "[Content_Types].xml", "<Types/>");
            Entry(zip, "word/document.xml", "<document/>");
        }
        var plain = _dir.File("archive.xlsx");
        using (var zip = ZipFile.Open(plain, ZipArchiveMode.Create))
            Entry(zip, "roster.csv", "Họ tên,Số CCCD\r\n");

        Assert.Equal("Roster.NotASpreadsheet", Refusal(Parse(docx)));
        Assert.Equal("Roster.NotASpreadsheet", Refusal(Parse(plain)));
    }

    // ---- corrupted zips ---------------------------------------------------------------------------------------

    [Fact]
    public void XlsxTruncatedInTheMiddle_IsRefusedAsCorrupt()
    {
        var whole = File.ReadAllBytes(SampleXlsx("whole.xlsx", 2_000));
        Assert.Equal("Roster.CorruptFile", Refusal(Parse(Bytes("half.xlsx", whole[..(whole.Length / 2)]))));
    }

    [Fact]
    public void RandomBytesAfterAZipSignature_AreRefusedAsCorrupt()
    {
        var noise = new byte[64 * 1024];
        new Random(2).NextBytes(noise);
        Assert.Equal("Roster.CorruptFile", Refusal(Parse(Bytes("noise.xlsx", [(byte)'P', (byte)'K', 3, 4, .. noise]))));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.7)]
    public void XlsxWithItsSheetDataDamaged_IsRefusedAsCorrupt(double where)
    {
        var bytes = File.ReadAllBytes(SampleXlsx($"ok{where}.xlsx", 2_000));
        var sheet = FindSheetData(bytes);
        var at = sheet.Start + (int)(sheet.Length * where);
        new Random(3).NextBytes(bytes.AsSpan(at, 64));

        Assert.Equal("Roster.CorruptFile", Refusal(Parse(Bytes($"damaged{where}.xlsx", bytes))));
    }

    /// <summary>Where the compressed bytes of xl/worksheets/sheet1.xml lie in the file (from its local header).</summary>
    private static (int Start, int Length) FindSheetData(byte[] zip)
    {
        var name = "xl/worksheets/sheet1.xml"u8;
        for (var i = 0; i < zip.Length - 30; i++)
        {
            if (zip[i] != 'P' || zip[i + 1] != 'K' || zip[i + 2] != 3 || zip[i + 3] != 4) continue;
            int nameLength = BitConverter.ToUInt16(zip, i + 26), extra = BitConverter.ToUInt16(zip, i + 28);
            if (!zip.AsSpan(i + 30, nameLength).SequenceEqual(name)) continue;
            return (i + 30 + nameLength + extra, (int)BitConverter.ToUInt32(zip, i + 18));
        }
        throw new InvalidOperationException("no sheet1.xml entry");
    }

    // ---- zip bombs --------------------------------------------------------------------------------------------

    private const string SheetStart = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";

    /// <summary>A workbook whose sheet is the header and then the same row repeated to `bytes`: valid XML that a
    /// reader would parse for minutes (deflate: ~150× at Optimal, ~250× at SmallestSize).</summary>
    private string Bomb(string name, long bytes, CompressionLevel level = CompressionLevel.Optimal)
    {
        var path = _dir.File(name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (part, xml) in PackageParts()) Entry(zip, part, xml);
        using var s = zip.CreateEntry("xl/worksheets/sheet1.xml", level).Open();
        s.Write(Encoding.UTF8.GetBytes(SheetStart + Row(1, "Họ tên", "Số CCCD")));
        var row = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Row(2, "Nguyễn Thị Hoa", "024190001234"), 4096)));
        for (long written = 0; written < bytes; written += row.Length) s.Write(row);
        s.Write("</sheetData></worksheet>"u8);
        return path;
    }

    [Fact]
    public async Task ZipBomb_WhoseSheetInflatesOver200Times_IsRefusedQuickly_WithoutInflating()
    {
        var path = Bomb("ratio-bomb.xlsx", 200L << 20, CompressionLevel.SmallestSize);
        Assert.InRange(Sheet(path).Ratio, TabularFileReader.MaxCompressionRatio + 1, long.MaxValue);

        await Quickly(TimeSpan.FromSeconds(2), () => Assert.Equal("Roster.ZipBomb", Refusal(Parse(path))));
    }

    [Fact]
    public async Task ZipBomb_InflatingPastTheOneGibibyteLimit_IsRefusedQuickly_WithoutInflating()
    {
        var path = Bomb("size-bomb.xlsx", TabularFileReader.MaxUnpackedBytes + (64L << 20));
        Assert.InRange(Sheet(path).Ratio, 2, TabularFileReader.MaxCompressionRatio);      // only the size gives it away

        // Inflating 1 GiB alone takes seconds, parsing it minutes.
        await Quickly(TimeSpan.FromSeconds(2), () => Assert.Equal("Roster.ZipBomb", Refusal(Parse(path))));
    }

    [Fact]
    public void Workbook_DeclaringMoreThanTheLimit_IsRefusedAsZipBomb_EvenAtAnOrdinaryRatio()
    {
        // 8 MB of incompressible bytes declared to inflate to 1.25 GiB: a ratio of ~170, under 200; only the total is wrong.
        var path = _dir.File("declared.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            foreach (var (part, xml) in PackageParts()) Entry(zip, part, xml);
            var noise = new byte[8 << 20];
            new Random(4).NextBytes(noise);
            using var s = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.NoCompression).Open();
            s.Write(noise);
        }
        PatchDeclaredSize(path, "xl/worksheets/sheet1.xml", 0x5000_0000);

        Assert.Equal("Roster.ZipBomb", Refusal(Parse(path)));
    }

    [Fact]
    public async Task ZipBomb_UnderstatingItsSize_IsNotInflatedPastWhatItDeclares()
    {
        // Honest 200 MB sheet, headers claiming 4 KB: the ratio check passes; the reader must stop at 4 KB.
        var path = Bomb("liar.xlsx", 200L << 20);
        PatchDeclaredSize(path, "xl/worksheets/sheet1.xml", 4096);

        await Quickly(TimeSpan.FromSeconds(4), () =>
        {
            var result = Parse(path);
            Assert.True(result is RosterParser.Result.Refused { Code: "Roster.CorruptFile" or "Roster.ZipBomb" }, result.ToString());
        });
    }

    private static (long Length, long Ratio) Sheet(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var e = zip.GetEntry("xl/worksheets/sheet1.xml")!;
        return (e.Length, e.Length / e.CompressedLength);
    }

    /// <summary>Rewrites the uncompressed size of an entry in its local header and in the central directory.</summary>
    private static void PatchDeclaredSize(string path, string entry, uint size)
    {
        var zip = File.ReadAllBytes(path);
        var name = Encoding.UTF8.GetBytes(entry);
        var patched = 0;
        for (var i = 0; i < zip.Length - 46; i++)
        {
            if (zip[i] != 'P' || zip[i + 1] != 'K') continue;
            if (zip[i + 2] == 3 && zip[i + 3] == 4 && zip.AsSpan(i + 30, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 22, 4), size);
                patched++;
            }
            else if (zip[i + 2] == 1 && zip[i + 3] == 2 && zip.AsSpan(i + 46, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 24, 4), size);
                patched++;
            }
        }
        Assert.Equal(2, patched);
        File.WriteAllBytes(path, zip);
    }

    // ---- formulas and error values ----------------------------------------------------------------------------

    [Fact]
    public void ErrorValuesOfFormulas_InXlsxCells_AreRowErrors_CellError()
    {
        var path = _dir.File("formulas.xlsx");
        WriteXlsx(path,
            Row(1, "DANH SÁCH NGƯỜI LAO ĐỘNG")
            + Row(2, "Họ tên", "Số CCCD", "Ngày sinh", "Nơi ở hiện tại")
            + RowWith(3, ["Nguyễn Thị Hoa", "024190001234"], "<c r=\"C3\" t=\"e\"><f>VLOOKUP(B3,DS!A:C,3,0)</f><v>#N/A</v></c>")
            + RowWith(4, [], "<c r=\"A4\" t=\"e\"><f>Sheet2!A4</f><v>#REF!</v></c><c r=\"B4\" t=\"str\"><f>TEXT(27085000777,\"000000000000\")</f><v>027085000777</v></c>")
            + RowWith(5, ["Lê Văn Nam", "001090000555"], "<c r=\"C5\"><f>DATE(1990,3,5)</f><v>32937</v></c><c r=\"D5\" t=\"e\"><v>#VALUE!</v></c>")
            + RowWith(6, ["Phạm Thị Mai"], "<c r=\"B6\" t=\"str\"><f>B5</f><v>#N/A</v></c>"));

        var p = Ok(Parse(path));

        Assert.Equal(
            [(3, "Ngày sinh"), (4, "Họ tên"), (5, "Nơi ở hiện tại"), (6, "Số CCCD")],
            p.Errors.Select(e => (e.RowNumber, e.Column!)).Order());
        Assert.All(p.Errors, e => Assert.Equal("Roster.CellError", e.Code));
        Assert.Empty(p.Rows);
    }

    [Fact]
    public void FormulaWithACachedValue_IsReadAsItsValue()
    {
        var path = _dir.File("cached.xlsx");
        WriteXlsx(path,
            Row(1, "Họ tên", "Số CCCD", "Ngày sinh")
            + RowWith(2, ["Lê Văn Nam"], "<c r=\"B2\" t=\"str\"><f>TEXT(1090000555,\"000000000000\")</f><v>001090000555</v></c><c r=\"C2\"><f>DATE(1990,3,5)</f><v>32937</v></c>"));

        var r = Assert.Single(Ok(Parse(path)).Rows);

        Assert.Equal(("001090000555", new DateOnly(1990, 3, 5)), (r.Cccd, r.DateOfBirth!.Value));
    }

    [Fact]
    public void FormulasTypedIntoACsv_AreRowErrors_CellError()
    {
        var p = Ok(Parse(Text("formulas.csv",
            "Họ tên,Số CCCD,Ngày sinh,SĐT\r\n=A1&B1,024190001234,02/04/1990,0912345678\r\nTrần Văn Nam,027085000777,=DATE(1985;8;15),#N/A\r\n")));

        Assert.Equal([(2, "Họ tên"), (3, "Ngày sinh"), (3, "SĐT")], p.Errors.Select(e => (e.RowNumber, e.Column!)).Order());
        Assert.All(p.Errors, e => Assert.Equal("Roster.CellError", e.Code));
    }

    // ---- garbage and size ---------------------------------------------------------------------------------------

    private static readonly string[] Words = ["lorem", "ipsum", "dolor", "sit", "amet", "xyz", "12345", "Nguyễn", "abc,def", "ĐỖ", "0912", "#", "---"];

    private string Garbage(string name, int lines, string? first = null)
    {
        var path = _dir.File(name);
        var rnd = new Random(5);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        if (first is not null) w.Write(first);
        for (var i = 0; i < lines; i++)
        {
            for (var k = rnd.Next(1, 8); k > 0; k--) { w.Write(Words[rnd.Next(Words.Length)]); w.Write(rnd.Next(3) == 0 ? ';' : ' '); }
            w.Write("\r\n");
        }
        return path;
    }

    [Fact]
    public async Task MillionRowsOfGarbage_AreRefusedAsNoHeader_Quickly()
    {
        var path = Garbage("garbage.csv", 1_000_000);
        Assert.InRange(new FileInfo(path).Length, 20L << 20, 60L << 20);

        await Quickly(TimeSpan.FromSeconds(6), () => Assert.Equal("Roster.NoHeader", Refusal(Parse(path))));
    }

    [Fact]
    public async Task MillionRowsOfGarbage_OpeningAQuoteThatNeverCloses_AreRefusedAsCorrupt_Quickly()
    {
        var path = Garbage("garbage-quote.csv", 1_000_000, first: "\"");

        await Quickly(TimeSpan.FromSeconds(4), () => Assert.Equal("Roster.CorruptFile", Refusal(Parse(path))));
    }

    [Fact]
    public async Task BinaryGarbage_IsRefusedAsNotASpreadsheet_Quickly()
    {
        var noise = new byte[30 << 20];
        new Random(6).NextBytes(noise);
        var path = Bytes("garbage.xlsx", noise);

        await Quickly(TimeSpan.FromSeconds(4), () => Assert.Equal("Roster.NotASpreadsheet", Refusal(Parse(path))));
    }

    private string ValidRows(string name, int rows)
    {
        var path = _dir.File(name);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.Write("DANH SÁCH NGƯỜI LAO ĐỘNG\r\nSTT,Họ và tên,Số CCCD\r\n");
        for (var i = 1; i <= rows; i++) w.Write($"{i},Nguyễn Thị Hoa,024190001234\r\n");
        return path;
    }

    [Fact]
    public async Task MillionAndOneDataRows_AfterAValidHeader_AreRefusedAsTooManyRows_AtTheDefaultLimit()
    {
        var path = ValidRows("million.csv", 1_000_001);

        await Quickly(TimeSpan.FromSeconds(20), () =>
        {
            var r = Assert.IsType<RosterParser.Result.Refused>(Parse(path));
            Assert.Equal("Roster.TooManyRows", r.Code);
            Assert.Equal([1_000_000], r.Args);
        });
    }

    [Fact]
    public void RowsOverMaxRows_AreRefusedAsTooManyRows_InCsvAndXlsx()
    {
        var csv = ValidRows("small.csv", 1_001);
        var xlsx = _dir.File("small.xlsx");
        SampleRosters.WriteXlsx(xlsx, SampleRosters.Generate(1_001, seed: 1, SampleOptions.Clean).Cells());

        foreach (var path in new[] { csv, xlsx })
        {
            Assert.Equal("Roster.TooManyRows", Refusal(Parse(path, maxRows: 1_000)));
            Assert.IsType<RosterParser.Result.Ok>(Parse(path, maxRows: 1_001));
        }
    }

    // ---- sheets no spreadsheet program writes ------------------------------------------------------------------

    [Fact]
    public async Task XlsxDeclaringCellsUpToTheLastColumn_IsReadQuickly()
    {
        var path = _dir.File("wide.xlsx");
        var rows = new StringBuilder(Row(1, "Họ tên", "Số CCCD"));
        for (var r = 2; r <= 50; r++)
            rows.Append(RowWith(r, ["Nguyễn Thị Hoa", "024190001234"], $"<c r=\"XFD{r}\"><v>1</v></c>"));
        WriteXlsx(path, rows.ToString(), dimension: "A1:XFD50");

        await Quickly(TimeSpan.FromSeconds(6), () => Assert.Single(Ok(Parse(path)).Rows));
    }

    [Theory]
    [InlineData("A1:B2000000000", 4)]
    [InlineData(null, 15)]      // undeclared: refused on reaching Excel's last row
    public async Task XlsxWhoseRowsJumpPastExcelsLastRow_IsNotReadForHours(string? dimension, int seconds)
    {
        var path = _dir.File("tall.xlsx");
        WriteXlsx(path, Row(1, "Họ tên", "Số CCCD") + Row(2, "Nguyễn Thị Hoa", "024190001234") + Row(2_000_000_000, "Trần Văn Nam", "027085000777"), dimension);

        await Quickly(TimeSpan.FromSeconds(seconds), () => Assert.Equal("Roster.CorruptFile", Refusal(Parse(path))));
    }
}
