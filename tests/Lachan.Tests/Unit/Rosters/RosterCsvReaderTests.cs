using Lachan.Features.Shared;
using System.Text;
using Lachan.Features.Rosters;
using Lachan.Tests.Rosters;

namespace Lachan.Tests.Unit.Rosters;

public sealed class RosterCsvReaderTests : IDisposable
{
    private readonly TempFolder _dir = new();
    public void Dispose() => _dir.Dispose();

    private const string Text = "Họ và tên,Số CCCD,Nơi ở hiện tại\r\nNguyễn Thị Ánh,024190001234,Nhà trọ ông Hưởng – thôn Đông\r\nĐỗ Văn Ước,027085000777,Ký túc xá\r\n";

    private static readonly string?[][] Expected =
    [
        ["Họ và tên", "Số CCCD", "Nơi ở hiện tại"],
        ["Nguyễn Thị Ánh", "024190001234", "Nhà trọ ông Hưởng – thôn Đông"],
        ["Đỗ Văn Ước", "027085000777", "Ký túc xá"],
    ];

    private string Write(string name, byte[] bytes)
    {
        var path = _dir.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static TheoryData<string, byte[]> Encodings() => new()
    {
        { "utf8-bom", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Text)] },
        { "utf8", Encoding.UTF8.GetBytes(Text) },
        { "utf16le-bom", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Text)] },
        { "utf16be-bom", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Text)] },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Csv_InUtf8WithOrWithoutBom_OrUtf16WithBom_IsDecoded(string name, byte[] bytes)
    {
        var rows = RosterFiles.ReadAll(Write(name + ".csv", bytes));

        Assert.Equal(Expected, rows);
    }

    [Fact]
    public void Csv_InWindows1258_IsDecoded_ToTheSameVietnameseText_Composed()
    {
        // Windows-1258 as Excel writes it: "ê" precomposed (EA) + combining tilde (DE) for "ễ", "i" + dot below (F2) for "ị".
        var latin1 = "Ho\u00F2 v\u00E0 t\u00EAn,S\u00F4\u00EC CCCD\r\n"
                    + "Nguy\u00EA\u00DEn Thi\u00F2 \u00C1nh,024190001234\r\n"
                    + "\u00D0\u00F4\u00DE V\u00E3n \u00DD\u00F5\u00ECc,027085000777\r\n";

        var rows = RosterFiles.ReadAll(Write("cp1258.csv", [.. latin1.Select(c => (byte)c)]));

        Assert.Equal([["Họ và tên", "Số CCCD"], ["Nguyễn Thị Ánh", "024190001234"], ["Đỗ Văn Ước", "027085000777"]], rows);
    }

    [Fact]
    public void Csv_InWindows1258_WrittenByTheSampleWriter_RoundTrips()
    {
        var path = _dir.File("sample-1258.csv");
        SampleRosters.WriteCsv(path, Expected, SampleRosters.Windows1258, ',');

        Assert.Equal(Expected, RosterFiles.ReadAll(path));
    }

    /// <summary>A letter of 2, 3 or 4 bytes at every position from 8 bytes before the end of the encoding probe to 1
    /// after it, so that every cut through it (and the old fixed margin of 4 bytes) is tried.</summary>
    public static TheoryData<string, int> ProbeCuts()
    {
        var data = new TheoryData<string, int>();
        foreach (var letter in new[] { "ư", "ễ", "𠀧" })
            for (var start = -8; start <= 1; start++) data.Add(letter, start);
        return data;
    }

    [Theory]
    [MemberData(nameof(ProbeCuts))]
    public void Utf8WithoutBom_IsUtf8_WhereverTheEncodingProbeCutsALetter(string letter, int startFromProbeEnd)
    {
        var sb = new StringBuilder("Họ tên,Số CCCD\r\n");
        const string filler = "Nguyen Van A,024190001234\r\n";
        while (sb.Length + filler.Length < TabularFileReader.EncodingProbeBytes - 200) sb.Append(filler);
        var head = Encoding.UTF8.GetBytes(sb.ToString());
        // an ASCII row long enough that the letter of the next row starts where asked
        var start = TabularFileReader.EncodingProbeBytes + startFromProbeEnd;
        var pad = Encoding.UTF8.GetBytes(new string('x', start - head.Length - ",0\r\nNguy".Length) + ",0\r\n");
        var name = "Nguy" + letter + "n Thị Ánh";
        var tail = Encoding.UTF8.GetBytes(name + ",024190001234\r\nTran Van B,027085000777\r\n");
        byte[] bytes = [.. head, .. pad, .. tail];
        Assert.Equal(Encoding.UTF8.GetBytes(letter)[0], bytes[start]);
        var path = Write("cut.csv", bytes);

        Assert.Equal("utf-8", TabularFileReader.DetectEncoding(path).WebName);
        var rows = RosterFiles.ReadAll(path);
        Assert.Equal(new string?[] { "Họ tên", "Số CCCD" }, rows[0]);
        Assert.Equal(new string?[] { name, "024190001234" }, rows[^2]);
    }

    [Fact]
    public void Utf8File_EndingInsideALetter_IsNotUtf8()
    {
        // only a probe that stops short of the file's end may end mid-letter
        var path = Write("cut-short.csv", [.. Encoding.UTF8.GetBytes("Họ tên,Số CCCD\r\nNguy"), 0xE1, 0xBB]);

        Assert.Equal(1258, TabularFileReader.DetectEncoding(path).CodePage);
    }

    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    [InlineData('\t')]
    public void Separator_CommaSemicolonOrTab_IsDetected(char separator)
    {
        var text = Text.Replace(',', separator);

        var rows = RosterFiles.ReadAll(Write("sep.csv", Encoding.UTF8.GetBytes(text)));

        Assert.Equal(Expected, rows);
    }

    [Theory]
    [InlineData(';')]
    [InlineData('\t')]
    public void Separator_IsDetected_EvenUnderATitleRowWithoutSeparators(char separator)
    {
        var text = "CÔNG TY TNHH MAY XUẤT KHẨU HÀ BẮC, KCN QUANG CHÂU\r\nDANH SÁCH NGƯỜI LAO ĐỘNG\r\n" + Text.Replace(',', separator);

        var rows = RosterFiles.ReadAll(Write("titled.csv", Encoding.UTF8.GetBytes(text)));

        Assert.Equal(Expected, rows[2..]);
    }

    [Fact]
    public void QuotedFields_KeepSeparatorsQuotesAndLineBreaks()
    {
        var text = "Họ tên;Số CCCD;Nơi ở hiện tại;Ghi chú\r\n"
                   + "Nguyễn Thị Ánh;024190001234;\"Nhà trọ \"\"Hoa Mai\"\"; thôn Đông\";\"dòng 1\r\ndòng 2\"\r\n"
                   + "\"Đỗ Văn Ước\";\"027085000777\";\"\";\r\n";

        var rows = RosterFiles.ReadAll(Write("quoted.csv", Encoding.UTF8.GetBytes(text)));

        Assert.Equal(
            [
                ["Họ tên", "Số CCCD", "Nơi ở hiện tại", "Ghi chú"],
                ["Nguyễn Thị Ánh", "024190001234", "Nhà trọ \"Hoa Mai\"; thôn Đông", "dòng 1\ndòng 2"],
                ["Đỗ Văn Ước", "027085000777", null, null],
            ], rows);
    }

    [Fact]
    public void QuoteInsideAnUnquotedField_IsAnOrdinaryCharacter_AndDoesNotSwallowTheNextRows()
    {
        // Hand-made CSVs: an inch mark, a nickname in quotes. Only a quote that opens a field starts a quoted field.
        var text = "Họ tên,Số CCCD,Ghi chú\r\n"
                   + "Nguyễn Văn Tí,027085000777,cao 1m7\"\r\n"
                   + "Trần Thị Bình,024190001234,ok\r\n"
                   + "Lê Văn \"Tèo\" Cường,001090000555,\"a, b\"\r\n";

        var rows = RosterFiles.ReadAll(Write("stray.csv", Encoding.UTF8.GetBytes(text)));

        Assert.Equal(
            [
                ["Họ tên", "Số CCCD", "Ghi chú"],
                ["Nguyễn Văn Tí", "027085000777", "cao 1m7\""],
                ["Trần Thị Bình", "024190001234", "ok"],
                ["Lê Văn \"Tèo\" Cường", "001090000555", "a, b"],
            ], rows);
    }

    [Fact]
    public void QuoteThatNeverCloses_IsRefusedAsCorrupt_InsteadOfSwallowingTheFileIntoOneField()
    {
        var sb = new StringBuilder("Họ tên,Số CCCD,Ghi chú\r\nNguyễn Văn Tí,027085000777,\"bắt đầu\r\n");
        for (var i = 0; i < 200_000; i++) sb.Append("Trần Thị Bình,024190001234,ok\r\n");

        var result = RosterFiles.Parse(Write("unclosed.csv", Encoding.UTF8.GetBytes(sb.ToString())));

        Assert.Equal("Roster.CorruptFile", RosterFiles.Refusal(result));
    }

    [Fact]
    public void QuotedLineBreak_DoesNotShiftRowNumbers()
    {
        var text = "Họ tên,Số CCCD,Nơi ở hiện tại\r\n"
                   + "Nguyễn Thị Ánh,024190001234,\"Nhà trọ bà Lan\r\nthôn Đông\"\r\n"
                   + "Đỗ Văn Ước,027085,Ký túc xá\r\n";

        var p = RosterFiles.Ok(RosterFiles.Parse(Write("multiline.csv", Encoding.UTF8.GetBytes(text))));

        Assert.Equal("Nhà trọ bà Lan thôn Đông", Assert.Single(p.Rows).Lodging);
        Assert.Equal(3, Assert.Single(p.Errors).RowNumber);
    }

    [Fact]
    public void SampleWriter_QuotesWhatNeedsQuoting_AndTheReaderReadsItBack()
    {
        string?[][] rows =
        [
            ["Họ tên", "Số CCCD", "Ghi chú"],
            ["Nguyễn Thị Ánh", "024190001234", "a, b; c\t\"d\"\ne"],
            ["Đỗ Văn Ước", null, "  "],
        ];
        foreach (var sep in new[] { ',', ';', '\t' })
        {
            var path = _dir.File($"w{(int)sep}.csv");
            SampleRosters.WriteCsv(path, rows, new UTF8Encoding(false), sep);
            Assert.Equal(rows, RosterFiles.ReadAll(path));
        }
    }
}
