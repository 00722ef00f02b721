using System.Text;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Rosters;

namespace Lachan.Tests.Unit.Rosters;

public sealed class RosterDateTests
{
    [Theory]
    [InlineData("05/03/1990")]          // dd/MM/yyyy: day first, as Vietnamese documents write it
    [InlineData("5/3/1990")]
    [InlineData("5/3/90")]              // d/M/yy
    [InlineData("05/03/90")]
    [InlineData("1990-03-05")]          // a real date cell, as the reader renders it
    [InlineData("32937")]               // an Excel serial number (1900 date system)
    [InlineData("05-03-1990")]
    [InlineData("05.03.1990")]
    [InlineData("  05/03/1990 ")]
    public void Date_InEveryAcceptedForm_IsTheFifthOfMarch1990(string text) =>
        Assert.Equal((new DateOnly(1990, 3, 5), (string?)null), RosterValues.Date(text));

    [Fact]
    public void ExcelSerial_CountsDaysFrom30December1899()
    {
        Assert.Equal(new DateOnly(2021, 5, 18), RosterValues.Date("44334").Value);
        Assert.Equal(new DateOnly(2003, 12, 31), RosterValues.Date("37986").Value);
    }

    [Theory]
    [InlineData("1/1/03", 2003)]
    [InlineData("1/1/29", 2029)]
    [InlineData("1/1/30", 1930)]
    [InlineData("1/1/35", 1935)]
    [InlineData("1/1/49", 1949)]
    [InlineData("1/1/75", 1975)]
    public void TwoDigitYear_00To29_IsThe2000s_AndTheRestThe1900s(string text, int year) =>
        Assert.Equal(year, RosterValues.Date(text).Value?.Year);

    [Theory]
    [InlineData("30/02/1990")]
    [InlineData("1990/13/45")]
    [InlineData("ngày 5/3")]
    [InlineData("5/3")]
    [InlineData("abc")]
    [InlineData("01/01/1890")]
    [InlineData("32937.5")]
    public void Date_ThatIsNotADate_IsDateFormat(string text) =>
        Assert.Equal(((DateOnly?)null, "Roster.DateFormat"), RosterValues.Date(text));

    [Theory]
    [InlineData("#N/A")]
    [InlineData("#REF!")]
    [InlineData("=DATE(1990,3,5)")]
    public void Date_SpreadsheetErrorOrFormula_IsCellError(string text) =>
        Assert.Equal(((DateOnly?)null, "Roster.CellError"), RosterValues.Date(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Date_Blank_IsNoValueAndNoError(string? text) => Assert.Equal(((DateOnly?)null, (string?)null), RosterValues.Date(text));
}

public sealed class RosterSexAndContractTests
{
    [Theory]
    [InlineData("Nam", Sex.Male)]
    [InlineData("NAM", Sex.Male)]
    [InlineData(" nam ", Sex.Male)]
    [InlineData("M", Sex.Male)]
    [InlineData("male", Sex.Male)]
    [InlineData("Nữ", Sex.Female)]
    [InlineData("NỮ", Sex.Female)]
    [InlineData("nu", Sex.Female)]
    [InlineData("Nu", Sex.Female)]
    [InlineData("F", Sex.Female)]
    [InlineData("Female", Sex.Female)]
    public void Sex_InAnyCaseWithOrWithoutDiacritics_IsRecognised(string text, Sex sex)
    {
        Assert.Equal((sex, (string?)null), RosterValues.SexOf(text));
        Assert.Equal((sex, (string?)null), RosterValues.SexOf(text.Normalize(NormalizationForm.FormD)));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("Khác")]
    [InlineData("1")]
    public void Sex_Unknown_IsSexFormat(string text) => Assert.Equal(((Sex?)null, "Roster.SexFormat"), RosterValues.SexOf(text));

    [Fact]
    public void Sex_Blank_IsNoValueAndNoError() => Assert.Equal(((Sex?)null, (string?)null), RosterValues.SexOf("  "));

    [Theory]
    [InlineData("Không xác định thời hạn", ContractType.Indefinite)]
    [InlineData("HĐLĐ không xác định thời hạn", ContractType.Indefinite)]
    [InlineData("KXĐ", ContractType.Indefinite)]
    [InlineData("kxd", ContractType.Indefinite)]
    [InlineData("Vô thời hạn", ContractType.Indefinite)]
    [InlineData("Xác định thời hạn", ContractType.Definite)]
    [InlineData("XĐTH", ContractType.Definite)]
    [InlineData("HĐ 12 tháng", ContractType.Definite)]
    [InlineData("36 tháng", ContractType.Definite)]
    [InlineData("1 năm", ContractType.Definite)]
    [InlineData("Thử việc", ContractType.Probation)]
    [InlineData("HĐ thử việc 2 tháng", ContractType.Probation)]
    [InlineData("Mùa vụ", ContractType.Seasonal)]
    [InlineData("HĐ mùa vụ 3 tháng", ContractType.Seasonal)]
    public void Contract_AsEmployersWriteIt_IsRecognised(string text, ContractType type)
    {
        Assert.Equal((type, (string?)null), RosterValues.Contract(text));
        Assert.Equal((type, (string?)null), RosterValues.Contract(text.ToUpperInvariant().Normalize(NormalizationForm.FormD)));
    }

    [Fact]
    public void Contract_Unknown_IsContractFormat() =>
        Assert.Equal(((ContractType?)null, "Roster.ContractFormat"), RosterValues.Contract("Hợp đồng miệng"));

    [Theory]
    [InlineData("#N/A")]
    [InlineData("#VALUE!")]
    public void SexContractAndPhone_HoldingASpreadsheetError_AreCellError(string text)
    {
        Assert.Equal("Roster.CellError", RosterValues.SexOf(text).Error);
        Assert.Equal("Roster.CellError", RosterValues.Contract(text).Error);
        Assert.Equal("Roster.CellError", RosterValues.Phone(text).Error);
    }
}

public sealed class RosterPhoneTests
{
    [Theory]
    [InlineData("0912345678")]
    [InlineData("+84 912 345 678")]
    [InlineData("+84912345678")]
    [InlineData("84912345678")]
    [InlineData("0912.345.678")]
    [InlineData("0912-345-678")]
    [InlineData("912345678")]           // a number cell: the leading zero is lost
    [InlineData("'0912345678")]
    public void Phone_InEveryForm_IsNormalisedToTenDigitsFromZero(string text) =>
        Assert.Equal(("0912345678", (string?)null), RosterValues.Phone(text));

    [Theory]
    [InlineData("0912")]
    [InlineData("091234567890")]
    [InlineData("không có")]
    public void Phone_NotAPhone_IsPhoneFormat(string text) => Assert.Equal(((string?)null, "Phone.Format"), RosterValues.Phone(text));

    [Fact]
    public void Phone_Blank_IsNoValueAndNoError() => Assert.Equal(((string?)null, (string?)null), RosterValues.Phone(""));
}

public sealed class RosterCccdTests
{
    private static readonly string Hoa = Cccd.Compose("024", Sex.Female, 1990, 1234);   // 024190001234
    private static readonly DateOnly Born1990 = new(1990, 4, 2);

    [Fact]
    public void TwelveDigitCccd_ConsistentWithSexAndBirthYear_IsAccepted_AsIs() =>
        Assert.Equal((Hoa, (string?)null, false), RosterValues.Cccd(Hoa, Sex.Female, Born1990));

    [Theory]
    [InlineData("024 190 001 234")]
    [InlineData("024.190.001.234")]
    [InlineData("'024190001234")]
    [InlineData(" 024190001234 ")]
    public void Cccd_WithTypingNoise_IsReadAsItsDigits(string text) =>
        Assert.Equal((Hoa, (string?)null, false), RosterValues.Cccd(text, Sex.Female, Born1990));

    [Fact]
    public void ElevenDigitCccd_IsRecovered_WhenConsistentWithSexAndBirthYear()
    {
        Assert.Equal("24190001234", Hoa.TrimStart('0'));
        Assert.Equal((Hoa, (string?)null, true), RosterValues.Cccd("24190001234", Sex.Female, Born1990));
    }

    [Fact]
    public void ElevenDigitCccd_IsRecovered_WhenTheRowStatesNeitherSexNorBirthDate() =>
        Assert.Equal((Hoa, (string?)null, true), RosterValues.Cccd("24190001234", null, null));

    [Fact]
    public void ElevenDigitCccd_IsNotRecovered_WhenThePaddedCccdIsValidButContradictsTheBirthYear()
    {
        Assert.True(Cccd.Validate("0" + "24190001234").IsValid);     // padding gives a valid CCCD…

        var (value, error, recovered) = RosterValues.Cccd("24190001234", Sex.Female, new DateOnly(1991, 4, 2));   // …of someone born in 1990

        Assert.Null(value);
        Assert.False(recovered);
        Assert.NotNull(error);
    }

    [Fact]
    public void ElevenDigitCccd_IsNotRecovered_WhenThePaddedCccdContradictsTheSex()
    {
        var (value, error, recovered) = RosterValues.Cccd("24190001234", Sex.Male, Born1990);
        Assert.Equal(((string?)null, false), (value, recovered));
        Assert.NotNull(error);
    }

    [Fact]
    public void ElevenDigitCccd_IsNotRecovered_WhenThePaddedValueIsNotACccd()
    {
        // 099 is no province: "99190001234" is not a CCCD that lost its zero.
        var (value, error, recovered) = RosterValues.Cccd("99190001234", Sex.Female, Born1990);
        Assert.Equal(((string?)null, false), (value, recovered));
        Assert.Equal("Cccd.Format", error);
    }

    [Fact]
    public void TwelveDigitCccd_ContradictingTheRow_IsNotChanged_ButReportedWithItsReason()
    {
        Assert.Equal(((string?)null, "Cccd.SexMismatch", false), RosterValues.Cccd(Hoa, Sex.Male, Born1990));
        Assert.Equal(((string?)null, "Cccd.BirthYearMismatch", false), RosterValues.Cccd(Hoa, Sex.Female, new DateOnly(1991, 1, 1)));
        Assert.Equal(((string?)null, "Cccd.Province", false), RosterValues.Cccd("099190001234", null, null));
        Assert.Equal(((string?)null, "Cccd.Century", false), RosterValues.Cccd("024890001234", null, null));
    }

    [Theory]
    [InlineData(null, "Roster.CccdMissing")]
    [InlineData("  ", "Roster.CccdMissing")]
    [InlineData("#N/A", "Roster.CellError")]
    [InlineData("=VLOOKUP(A2,DS!A:B,2,0)", "Roster.CellError")]
    [InlineData("chưa có", "Cccd.Format")]
    [InlineData("0241900012", "Cccd.Format")]
    [InlineData("0241900012345", "Cccd.Format")]
    public void Cccd_MissingOrMalformed_IsRefusedWithItsCode(string? text, string code) =>
        Assert.Equal(((string?)null, code, false), RosterValues.Cccd(text, null, null));
}
