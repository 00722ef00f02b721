using Lachan.Features.Shared;
using System.Text;
using Lachan.Features.Rosters;

namespace Lachan.Tests.Unit.Rosters;

public sealed class HeaderDetectionTests
{
    private static string?[] R(params string?[] cells) => cells;

    private static readonly string?[] Header = R("STT", "Họ và tên", "Ngày tháng năm sinh", "Nam/Nữ", "Số CCCD/CMND", "Mã số BHXH", "SĐT",
        "Quê quán", "Nơi ở hiện tại", "Ngày vào làm", "Loại HĐLĐ", "Bộ phận");

    private static HeaderMatch Found(HeaderDetection.Result result) =>
        Assert.IsType<HeaderDetection.Result.Found>(result).Match;

    [Fact]
    public void Header_BelowTitleRowsAndABlankRow_IsFound_WithEveryColumnMapped()
    {
        var rows = new List<string?[]>
        {
            R("CÔNG TY TNHH MAY XUẤT KHẨU HÀ BẮC", null, null),
            R("DANH SÁCH NGƯỜI LAO ĐỘNG THÁNG 5/2021"),
            R(),
            Header,
            R("1", "Nguyễn Thị Hoa", "02/04/1990", "Nữ", "024190001234"),
        };

        var m = Found(HeaderDetection.Detect(rows));

        Assert.Equal(3, m.RowIndex);
        var expected = new Dictionary<RosterField, int>
        {
            [RosterField.Stt] = 0, [RosterField.FullName] = 1, [RosterField.DateOfBirth] = 2, [RosterField.Sex] = 3, [RosterField.Cccd] = 4,
            [RosterField.Bhxh] = 5, [RosterField.Phone] = 6, [RosterField.PermanentAddress] = 7, [RosterField.Lodging] = 8,
            [RosterField.HiredOn] = 9, [RosterField.ContractType] = 10, [RosterField.Workshop] = 11,
        };
        Assert.Equal(expected.OrderBy(kv => kv.Key), m.Columns.OrderBy(kv => kv.Key));
        Assert.Equal(Header.Select(h => h!), m.Headers);
    }

    [Theory]
    [InlineData("Họ và tên", RosterField.FullName)]
    [InlineData("HỌ TÊN", RosterField.FullName)]
    [InlineData("Ten NLD", RosterField.FullName)]
    [InlineData("Tên NLĐ", RosterField.FullName)]
    [InlineData("  họ   và  tên (*) ", RosterField.FullName)]
    [InlineData("Họ và tên:", RosterField.FullName)]
    [InlineData("ho_va_ten", RosterField.FullName)]
    [InlineData("Ngày tháng năm sinh", RosterField.DateOfBirth)]
    [InlineData("Ngày, tháng, năm sinh", RosterField.DateOfBirth)]
    [InlineData("NGAY SINH", RosterField.DateOfBirth)]
    [InlineData("Nam/Nữ", RosterField.Sex)]
    [InlineData("Nam - Nữ", RosterField.Sex)]
    [InlineData("GIỚI TÍNH", RosterField.Sex)]
    [InlineData("Số CCCD/CMND", RosterField.Cccd)]
    [InlineData("so cccd/cmnd", RosterField.Cccd)]
    [InlineData("Số định danh cá nhân", RosterField.Cccd)]
    [InlineData("CCCD", RosterField.Cccd)]
    [InlineData("Số CMND", RosterField.Cmnd)]
    [InlineData("Mã số BHXH", RosterField.Bhxh)]
    [InlineData("Số sổ BHXH", RosterField.Bhxh)]
    [InlineData("SĐT", RosterField.Phone)]
    [InlineData("Số điện thoại", RosterField.Phone)]
    [InlineData("Quê quán", RosterField.PermanentAddress)]
    [InlineData("Nơi thường trú", RosterField.PermanentAddress)]
    [InlineData("Nơi ở hiện tại", RosterField.Lodging)]
    [InlineData("Địa chỉ tạm trú", RosterField.Lodging)]
    [InlineData("Nhà trọ", RosterField.Lodging)]
    [InlineData("Ngày vào làm", RosterField.HiredOn)]
    [InlineData("Loại HĐLĐ", RosterField.ContractType)]
    [InlineData("LOAI HOP DONG", RosterField.ContractType)]
    [InlineData("Bộ phận", RosterField.Workshop)]
    [InlineData("STT", RosterField.Stt)]
    [InlineData("TT", RosterField.Stt)]
    public void HeaderVariant_WithOrWithoutDiacritics_InAnyCase_IsRecognised(string header, RosterField field)
    {
        Assert.Equal(field, RosterHeaders.Recognise(header));
        Assert.Equal(field, RosterHeaders.Recognise(header.Normalize(NormalizationForm.FormD)));
        Assert.Equal(field, RosterHeaders.Recognise(header.ToUpperInvariant()));
        Assert.Equal(field, RosterHeaders.Recognise(header.ToLowerInvariant()));
    }

    [Theory]
    [InlineData("Ghi chú")]
    [InlineData("Lương cơ bản")]
    [InlineData("")]
    [InlineData(null)]
    public void UnknownHeader_IsNotRecognised(string? header) => Assert.Null(RosterHeaders.Recognise(header));

    [Fact]
    public void SttColumn_IsMapped_ButIsNotWhatMakesAHeader()
    {
        var m = Found(HeaderDetection.Detect([R("STT", "Số CCCD", "Họ tên")]));
        Assert.Equal(0, m.Columns[RosterField.Stt]);

        Assert.IsType<HeaderDetection.Result.NotFound>(HeaderDetection.Detect([R("STT", "Họ tên", "Ngày sinh", "Giới tính")]));
    }

    [Fact]
    public void DuplicatedHeaderName_ReturnsDuplicated_WithBothColumnsAndTheRow()
    {
        var rows = new List<string?[]> { R("DANH SÁCH"), R("Họ tên", "Số CCCD", "Ngày sinh", "Ngày tháng năm sinh") };

        var d = Assert.IsType<HeaderDetection.Result.Duplicated>(HeaderDetection.Detect(rows));

        Assert.Equal((RosterField.DateOfBirth, 2, 3, 1), (d.Field, d.FirstColumn, d.SecondColumn, d.RowIndex));
    }

    [Fact]
    public void NoRowNamingBothCccdAndName_ReturnsNotFound()
    {
        Assert.IsType<HeaderDetection.Result.NotFound>(HeaderDetection.Detect([R("DANH SÁCH NGƯỜI LAO ĐỘNG"), R("Họ tên", "Ngày sinh", "SĐT")]));
        Assert.IsType<HeaderDetection.Result.NotFound>(HeaderDetection.Detect([R("a", "b"), R("1", "2")]));
        Assert.IsType<HeaderDetection.Result.NotFound>(HeaderDetection.Detect([]));
    }

    [Fact]
    public void HeaderBelowTheRowsScanned_IsNotFound()
    {
        var rows = Enumerable.Range(0, SheetHeaders.RowsToScan).Select(_ => R("ghi chú")).Append(R("Họ tên", "Số CCCD")).ToList();
        Assert.IsType<HeaderDetection.Result.NotFound>(HeaderDetection.Detect(rows));

        rows.RemoveAt(0);
        Assert.Equal(SheetHeaders.RowsToScan - 1, Found(HeaderDetection.Detect(rows)).RowIndex);
    }

    [Fact]
    public void RowWithMostKnownHeaders_WinsOverATitleThatNamesOneField()
    {
        var rows = new List<string?[]> { R("Họ và tên", null, null), R("STT", "Họ và tên", "Số CCCD", "Ngày sinh") };
        Assert.Equal(1, Found(HeaderDetection.Detect(rows)).RowIndex);
    }

    [Fact]
    public void RememberedMapping_RecognisesAHeaderNoSynonymKnows()
    {
        var rows = new List<string?[]> { R("Mã định danh NLĐ", "Họ tên") };
        Assert.IsType<HeaderDetection.Result.NotFound>(HeaderDetection.Detect(rows));

        var remembered = new Dictionary<string, RosterField> { [SheetHeaders.Key("Mã định danh NLĐ")] = RosterField.Cccd };
        Assert.Equal(0, Found(HeaderDetection.Detect(rows, remembered)).Columns[RosterField.Cccd]);
    }

    [Fact]
    public void RememberedMapping_OverridesTheSynonyms()
    {
        // This employer writes CCCD numbers in a column headed "Số CMND"; the user said so once.
        var rows = new List<string?[]> { R("Họ tên", "Số CMND", "CCCD cũ") };
        var remembered = new Dictionary<string, RosterField>
        {
            [SheetHeaders.Key("Số CMND")] = RosterField.Cccd,
            [SheetHeaders.Key("CCCD cũ")] = RosterField.Cmnd,
        };

        var m = Found(HeaderDetection.Detect(rows, remembered));

        Assert.Equal(1, m.Columns[RosterField.Cccd]);
        Assert.Equal(2, m.Columns[RosterField.Cmnd]);
    }
}
