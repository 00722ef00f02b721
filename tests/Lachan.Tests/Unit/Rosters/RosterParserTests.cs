using Lachan.Features.Shared;
using System.Text;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Rosters;

namespace Lachan.Tests.Unit.Rosters;

public sealed class RosterParserTests
{
    private static string?[] R(params string?[] cells) => cells;

    private static readonly string?[] Title = R("DANH SÁCH NGƯỜI LAO ĐỘNG THÁNG 5/2021");
    private static readonly string?[] Header = R("STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Mã số BHXH", "SĐT", "Quê quán",
        "Nơi ở hiện tại", "Ngày vào làm", "Loại HĐLĐ", "Bộ phận");

    private static readonly string Hoa = Cccd.Compose("024", Sex.Female, 1990, 1234);
    private static readonly string Nam = Cccd.Compose("027", Sex.Male, 1985, 777);

    private static string?[] HoaRow(string stt = "1") =>
        R(stt, "Nguyễn Thị Hoa", "02/04/1990", "Nữ", Hoa, "2420123456", "0912345678", "Xã Tân Mỹ, huyện Yên Dũng, tỉnh Bắc Giang",
            "Nhà trọ bà Lan, thôn Nam Ngạn, xã Quang Châu", "01/03/2019", "Không xác định thời hạn", "Chuyền 5");

    private static string?[] NamRow(string stt = "2") =>
        R(stt, "Trần Văn Nam", "15/08/1985", "Nam", Nam, null, "0987654321", "Xã Đồng Tâm, huyện Quế Võ, tỉnh Bắc Ninh",
            null, "10/10/2020", "HĐ 12 tháng", "Kho");

    /// <summary>Title row 1, header row 2: the first data row is spreadsheet row 3.</summary>
    private static ParsedRoster Parse(params string?[][] data) => Ok(RosterParser.Parse([Title, Header, .. data]));

    private static ParsedRoster Ok(RosterParser.Result r) => Assert.IsType<RosterParser.Result.Ok>(r).Roster;

    [Fact]
    public void ValidRows_AreNormalised_AndNumberedAsTheSpreadsheetNumbersThem()
    {
        var p = Parse(HoaRow(), NamRow());

        Assert.Empty(p.Errors);
        Assert.Equal(2, p.DataRows);
        var hoa = p.Rows[0];
        Assert.Equal(new RosterRow(3, Hoa, "Nguyễn Thị Hoa", Sex.Female, new DateOnly(1990, 4, 2), null, "2420123456", "0912345678",
            "Xã Tân Mỹ, huyện Yên Dũng, tỉnh Bắc Giang", "Nhà trọ bà Lan, thôn Nam Ngạn, xã Quang Châu", new DateOnly(2019, 3, 1),
            ContractType.Indefinite, "Chuyền 5", false), hoa);
        Assert.Equal((4, ContractType.Definite, (string?)null), (p.Rows[1].RowNumber, p.Rows[1].Contract, p.Rows[1].Lodging));
    }

    [Fact]
    public void Name_InNfdUpperCaseWithDoubledSpaces_BecomesNfcTitleCaseSingleSpaced()
    {
        var row = HoaRow();
        row[1] = "  NGUYỄN   thị  HOA ".Normalize(NormalizationForm.FormD);

        var name = Assert.Single(Parse(row).Rows).FullName;

        Assert.Equal("Nguyễn Thị Hoa", name);
        Assert.True(name.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Addresses_AreNfcSingleSpaced_ButKeepTheirCase()
    {
        var row = HoaRow();
        row[7] = "Xã  Tân Mỹ,\nhuyện Yên Dũng".Normalize(NormalizationForm.FormD);
        row[8] = " KTX công ty  ABC ";

        var r = Assert.Single(Parse(row).Rows);

        Assert.Equal(("Xã Tân Mỹ, huyện Yên Dũng", "KTX công ty ABC"), (r.PermanentAddress, r.Lodging));
        Assert.True(r.PermanentAddress!.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Sex_IsTakenFromTheCccd_WhenTheRosterHasNoSexColumn()
    {
        var rows = RosterParser.Parse([R("Họ tên", "CCCD"), R("Nguyễn Thị Hoa", Hoa), R("Trần Văn Nam", Nam)]);

        var p = Ok(rows);

        Assert.Equal([Sex.Female, Sex.Male], p.Rows.Select(r => r.Sex));
    }

    [Fact]
    public void ElevenDigitCccd_IsRecovered_AndCounted()
    {
        var row = HoaRow();
        row[4] = "24190001234";

        var p = Parse(row, NamRow());

        Assert.Equal((Hoa, true), (p.Rows[0].Cccd, p.Rows[0].RecoveredLeadingZero));
        Assert.Equal(1, p.RecoveredLeadingZeros);
    }

    [Fact]
    public void BhxhThatLostItsLeadingZero_IsRecovered()
    {
        var row = HoaRow();
        row[5] = "123456789";
        Assert.Equal("0123456789", Assert.Single(Parse(row).Rows).Bhxh);
    }

    [Fact]
    public void IdenticalRows_AreMergedIntoOne_AndCounted()
    {
        var p = Parse(HoaRow("1"), NamRow("2"), HoaRow("3"));

        Assert.Empty(p.Errors);
        Assert.Equal([Hoa, Nam], p.Rows.Select(r => r.Cccd));
        Assert.Equal((1, 3, 3), (p.DuplicatesMerged, p.DataRows, p.Rows[0].RowNumber));
    }

    [Fact]
    public void RowsTypedDifferently_ButStatingTheSameThings_AreIdentical()
    {
        var second = HoaRow("2");
        second[1] = "NGUYỄN  THỊ HOA".Normalize(NormalizationForm.FormD);
        second[2] = "1990-04-02";          // a date cell
        second[3] = "nu";
        second[4] = "24190001234";         // a number cell: the zero was lost
        second[6] = "+84 912 345 678";
        second[9] = "43525";               // 01/03/2019 as an Excel serial
        second[10] = "KXĐ";

        var p = Parse(HoaRow("1"), second);

        Assert.Empty(p.Errors);
        Assert.Equal(1, p.DuplicatesMerged);
        Assert.Single(p.Rows);
    }

    [Fact]
    public void ConflictingRows_ForOneCccd_AreBothRefused_EachNamingTheOther()
    {
        var other = HoaRow("3");
        other[6] = "0999999999";

        var p = Parse(HoaRow("1"), NamRow("2"), other);

        Assert.Equal([Nam], p.Rows.Select(r => r.Cccd));
        Assert.Equal(0, p.DuplicatesMerged);
        Assert.Equal(
            [new RowError(3, "Số CCCD", "Roster.DuplicateConflict", "5"), new RowError(5, "Số CCCD", "Roster.DuplicateConflict", "3")],
            p.Errors.OrderBy(e => e.RowNumber));
        Assert.Equal(2, p.InvalidRows);
    }

    [Fact]
    public void Error_CarriesRowNumber_ColumnHeaderAsWritten_CodeAndValue()
    {
        var bad = NamRow();
        bad[2] = "30/02/1985";

        var p = Parse(HoaRow(), R(), bad);   // a blank row still counts in the numbering

        var e = Assert.Single(p.Errors);
        Assert.Equal(new RowError(5, "Ngày sinh", "Roster.DateFormat", "30/02/1985"), e);
        Assert.Equal([Hoa], p.Rows.Select(r => r.Cccd));
    }

    [Fact]
    public void RowWithEveryFieldWrong_HasAnErrorForEveryField()
    {
        var p = Parse(R("x", "Nguyễn Văn 2", "ngày 5/3", "Khác", "chưa có", "12345", "0912", "#N/A", "#REF!", "99/99/2020", "Hợp đồng miệng", "#VALUE!"));

        Assert.Empty(p.Rows);
        Assert.Equal(1, p.InvalidRows);
        var byColumn = p.Errors.ToDictionary(e => e.Column!, e => e.Code);
        Assert.Equal(new Dictionary<string, string>
        {
            ["Họ và tên"] = "Roster.NameHasDigits",
            ["Ngày sinh"] = "Roster.DateFormat",
            ["Giới tính"] = "Roster.SexFormat",
            ["Số CCCD"] = "Cccd.Format",
            ["Mã số BHXH"] = "Bhxh.Format",
            ["SĐT"] = "Phone.Format",
            ["Quê quán"] = "Roster.CellError",
            ["Nơi ở hiện tại"] = "Roster.CellError",
            ["Ngày vào làm"] = "Roster.DateFormat",
            ["Loại HĐLĐ"] = "Roster.ContractFormat",
            ["Bộ phận"] = "Roster.CellError",
        }.OrderBy(kv => kv.Key, StringComparer.Ordinal), byColumn.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.All(p.Errors, e => Assert.Equal(3, e.RowNumber));
    }

    [Fact]
    public void SpreadsheetError_InAnyColumn_IsCellError_NotAFormatError()
    {
        var p = Ok(RosterParser.Parse(
        [
            R("Họ tên", "Số CCCD", "Giới tính", "Số CMND", "Mã số BHXH", "SĐT", "Loại HĐLĐ"),
            R("Nguyễn Thị Hoa", Hoa, "#N/A", "#N/A", "#REF!", "#VALUE!", "#N/A"),
        ]));

        Assert.Equal(["Giới tính", "Loại HĐLĐ", "Mã số BHXH", "SĐT", "Số CMND"], p.Errors.Select(e => e.Column!).Order(StringComparer.Ordinal));
        Assert.All(p.Errors, e => Assert.Equal("Roster.CellError", e.Code));
    }

    [Fact]
    public void RowWithoutName_IsRefusedAsRequired_AndWithoutCccdAsMissing()
    {
        var noName = HoaRow();
        noName[1] = null;
        var noCccd = NamRow();
        noCccd[4] = " ";

        var p = Parse(noName, noCccd);

        Assert.Equal([(3, "Họ và tên", "Field.Required"), (4, "Số CCCD", "Roster.CccdMissing")],
            p.Errors.Select(e => (e.RowNumber, e.Column!, e.Code)));
    }

    [Fact]
    public void HiredBeforeFifteen_IsRefused()
    {
        var row = HoaRow();
        row[9] = "01/01/2004";
        Assert.Equal("Worker.HiredTooYoung", Assert.Single(Parse(row).Errors).Code);
    }

    [Fact]
    public void ShortRows_AreReadAsEmptyTrailingCells()
    {
        var p = Parse(R("1", "Nguyễn Thị Hoa", "02/04/1990", "Nữ", Hoa));
        var r = Assert.Single(p.Rows);
        Assert.Equal(((string?)null, (DateOnly?)null), (r.Phone, r.HiredOn));
    }

    [Fact]
    public void SttColumnValues_AreIgnored()
    {
        var row = HoaRow("không số");
        Assert.Empty(Parse(row).Errors);
    }

    [Fact]
    public void HeaderWithoutDataRows_IsRefusedAsNoDataRows() =>
        Assert.Equal("Roster.NoDataRows", Assert.IsType<RosterParser.Result.Refused>(RosterParser.Parse([Title, Header, R(), R(null, "")])).Code);

    [Fact]
    public void OnlyBlankRows_IsRefusedAsEmptyFile() =>
        Assert.Equal("Roster.EmptyFile", Assert.IsType<RosterParser.Result.Refused>(RosterParser.Parse([R(), R(null, " ")])).Code);

    [Fact]
    public void DuplicatedHeader_IsRefused_NamingTheRowAndBothColumns()
    {
        var r = Assert.IsType<RosterParser.Result.Refused>(RosterParser.Parse([Title, R("Họ tên", "Số CCCD", "Ngày sinh", "SĐT", "Số điện thoại")]));
        Assert.Equal("Roster.DuplicateHeader", r.Code);
        Assert.Equal([2, "D", "E"], r.Args);
    }

    [Fact]
    public void MoreDataRowsThanTheLimit_AreRefused_BlankRowsNotCounted()
    {
        var rows = new List<string?[]> { Header };
        for (var i = 0; i < 10; i++) rows.Add(HoaRow());
        rows.Add(R());

        Assert.IsType<RosterParser.Result.Ok>(RosterParser.Parse(rows, maxRows: 10));
        rows.Add(NamRow());
        var r = Assert.IsType<RosterParser.Result.Refused>(RosterParser.Parse(rows, maxRows: 10));
        Assert.Equal("Roster.TooManyRows", r.Code);
        Assert.Equal([10], r.Args);
    }

    [Fact]
    public void RememberedMapping_IsUsedToReadTheRows()
    {
        var mapping = new Dictionary<string, RosterField> { [SheetHeaders.Key("Mã NLĐ")] = RosterField.Cccd };

        var p = Ok(RosterParser.Parse([R("Họ tên", "Mã NLĐ"), R("Trần Văn Nam", Nam)], mapping));

        Assert.Equal(Nam, Assert.Single(p.Rows).Cccd);
    }
}
