using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Lachan.Features.Registry.Contracts;

namespace Lachan.Tests.Unit;

/// <summary>A CCCD built from its parts, with the sex and date of birth it states.</summary>
public sealed record CccdCase(string Number, Sex Sex, DateOnly DateOfBirth)
{
    public override string ToString() => $"{Number} ({Sex}, {DateOfBirth:dd/MM/yyyy})";
}

public static class CccdArbitraries
{
    private static readonly string[] Provinces = [.. ProvinceCodes.Names.Keys];

    /// <summary>Valid province code, the century/sex digit for (sex, year), year 1900–2199, any serial.</summary>
    public static Arbitrary<CccdCase> Valid() =>
        (from province in Gen.Elements(Provinces)
         from sex in Gen.Elements(Sex.Male, Sex.Female)
         from year in Gen.Frequency((8, Gen.Choose(1940, 2012)), (1, Gen.Choose(1900, 2199)))
         from dayOfYear in Gen.Choose(0, 364)
         from serial in Gen.Choose(0, 999_999)
         let dob = new DateOnly(year, 1, 1).AddDays(dayOfYear)
         select new CccdCase($"{province}{Cccd.DigitFor(sex, year)}{year % 100:00}{serial:000000}", sex, dob))
        .ToArbitrary();
}

public sealed class CccdTests
{
    private static string With(string s, int position, char digit) => s[..position] + digit + s[(position + 1)..];

    [Property(Arbitrary = [typeof(CccdArbitraries)], MaxTest = 500)]
    public bool Every_generated_valid_cccd_passes_with_its_sex_and_date_of_birth(CccdCase c) =>
        Cccd.Validate(c.Number, c.Sex, c.DateOfBirth).IsValid
        && Cccd.Validate(c.Number).IsValid
        && c.Number == Cccd.Compose(c.Number[..3], c.Sex, c.DateOfBirth.Year, int.Parse(c.Number[6..]));

    [Property(Arbitrary = [typeof(CccdArbitraries)], MaxTest = 300)]
    public Property Century_and_sex_digit_decodes_back_to_the_stated_sex_and_century(CccdCase c)
    {
        var (century, sex) = Cccd.CenturyAndSex(c.Number[3]);
        return (century == c.DateOfBirth.Year / 100 * 100 && sex == c.Sex).Label($"digit {c.Number[3]} → {century}, {sex}");
    }

    /// <summary>Every single-digit change in the province code gives either another known code (still valid) or Cccd.Province.</summary>
    [Property(Arbitrary = [typeof(CccdArbitraries)], MaxTest = 200)]
    public bool Province_code_mutated_to_an_unknown_code_fails_with_Province(CccdCase c)
    {
        for (var pos = 0; pos < 3; pos++)
            for (var d = '0'; d <= '9'; d++)
            {
                if (d == c.Number[pos]) continue;
                var mutated = With(c.Number, pos, d);
                var expected = ProvinceCodes.IsKnown(mutated[..3]) ? null : "Cccd.Province";
                if (Cccd.Validate(mutated, c.Sex, c.DateOfBirth).Error != expected) return false;
            }
        return true;
    }

    [Property(Arbitrary = [typeof(CccdArbitraries)], MaxTest = 200)]
    public bool Century_digit_6_to_9_fails_with_Century(CccdCase c) =>
        "6789".All(d => Cccd.Validate(With(c.Number, 3, d)).Error == "Cccd.Century"
                        && Cccd.Validate(With(c.Number, 3, d), c.Sex, c.DateOfBirth).Error == "Cccd.Century");

    [Property(Arbitrary = [typeof(CccdArbitraries)], MaxTest = 300)]
    public Property Sex_digit_flipped_fails_against_the_stated_sex(CccdCase c)
    {
        var flipped = (char)(c.Number[3] ^ 1); // 0↔1, 2↔3, 4↔5: same century, other sex
        var mutated = With(c.Number, 3, flipped);
        return (Cccd.Validate(mutated, c.Sex, c.DateOfBirth).Error == "Cccd.SexMismatch"
                && Cccd.Validate(mutated, c.Sex).Error == "Cccd.SexMismatch"
                // without a stated sex the number alone is still well-formed
                && Cccd.Validate(mutated).IsValid)
            .Label(mutated);
    }

    [Property(Arbitrary = [typeof(CccdArbitraries)], MaxTest = 300)]
    public bool Year_digits_changed_fail_against_the_stated_date_of_birth(CccdCase c)
    {
        for (var pos = 4; pos <= 5; pos++)
            for (var d = '0'; d <= '9'; d++)
            {
                if (d == c.Number[pos]) continue;
                var mutated = With(c.Number, pos, d);
                if (Cccd.Validate(mutated, c.Sex, c.DateOfBirth).Error != "Cccd.BirthYearMismatch") return false;
                if (!Cccd.Validate(mutated, c.Sex).IsValid) return false; // no date stated: nothing to contradict
            }
        return true;
    }

    /// <summary>The century digit moved to another century of the same sex: the birth year no longer matches.</summary>
    [Property(Arbitrary = [typeof(CccdArbitraries)], MaxTest = 200)]
    public bool Century_changed_with_same_sex_fails_with_BirthYearMismatch(CccdCase c) =>
        "024".Select(d => (char)(d + (c.Sex == Sex.Female ? 1 : 0)))
            .Where(d => d != c.Number[3])
            .All(d => Cccd.Validate(With(c.Number, 3, d), c.Sex, c.DateOfBirth).Error == "Cccd.BirthYearMismatch");

    [Property(Arbitrary = [typeof(CccdArbitraries)], MaxTest = 200)]
    public bool Serial_digits_are_free(CccdCase c)
    {
        for (var pos = 6; pos < 12; pos++)
            for (var d = '0'; d <= '9'; d++)
                if (!Cccd.Validate(With(c.Number, pos, d), c.Sex, c.DateOfBirth).IsValid) return false;
        return true;
    }

    [Property(Arbitrary = [typeof(CccdArbitraries)], MaxTest = 200)]
    public bool Any_non_digit_or_wrong_length_fails_with_Format(CccdCase c)
    {
        for (var pos = 0; pos < 12; pos++)
            foreach (var bad in "a ٣-.")
                if (Cccd.Validate(With(c.Number, pos, bad), c.Sex, c.DateOfBirth).Error != "Cccd.Format") return false;
        return Cccd.Validate(c.Number[1..]).Error == "Cccd.Format"
               && Cccd.Validate(c.Number + "0").Error == "Cccd.Format"
               && Cccd.Validate(" " + c.Number[1..]).Error == "Cccd.Format";
    }

    [Theory]
    [InlineData("024190001234", Sex.Female, 1990)]  // Bắc Giang, woman born 1990
    [InlineData("001099012345", Sex.Male, 1999)]    // Hà Nội, man born 1999
    [InlineData("079203000001", Sex.Male, 2003)]    // TP HCM, man born 2003
    [InlineData("027305999999", Sex.Female, 2005)]  // Bắc Ninh, woman born 2005
    [InlineData("096000000000", Sex.Male, 1900)]    // Cà Mau, man born 1900
    public void Known_valid_numbers(string number, Sex sex, int year)
    {
        Assert.True(Cccd.Validate(number, sex, new DateOnly(year, 6, 15)).IsValid);
        Assert.Equal(number[3], Cccd.DigitFor(sex, year));
    }

    [Theory]
    [InlineData(null, "Cccd.Format")]
    [InlineData("", "Cccd.Format")]
    [InlineData("24190001234", "Cccd.Format")]      // leading zero lost by a spreadsheet
    [InlineData("0241900012345", "Cccd.Format")]
    [InlineData("02419000123a", "Cccd.Format")]
    [InlineData("０２４１９０００１２３４", "Cccd.Format")] // full-width digits are not ASCII digits
    [InlineData("003190001234", "Cccd.Province")]   // 003 is a gap in the list
    [InlineData("000190001234", "Cccd.Province")]
    [InlineData("097190001234", "Cccd.Province")]
    [InlineData("024690001234", "Cccd.Century")]
    [InlineData("024990001234", "Cccd.Century")]
    public void Known_invalid_numbers(string? number, string error) =>
        Assert.Equal(error, Cccd.Validate(number).Error);

    [Fact]
    public void Stated_sex_and_year_are_checked()
    {
        Assert.Equal("Cccd.SexMismatch", Cccd.Validate("024190001234", Sex.Male, new DateOnly(1990, 1, 1)).Error);
        Assert.Equal("Cccd.BirthYearMismatch", Cccd.Validate("024190001234", Sex.Female, new DateOnly(1991, 1, 1)).Error);
        Assert.Equal("Cccd.BirthYearMismatch", Cccd.Validate("024190001234", Sex.Female, new DateOnly(2090, 1, 1)).Error);
    }

    [Fact]
    public void Province_list_has_the_63_codes_of_Circular_07_2016()
    {
        Assert.Equal(63, ProvinceCodes.Names.Count);
        Assert.All(ProvinceCodes.Names.Keys, k => Assert.Matches("^0[0-9]{2}$", k));
        Assert.Equal("Bắc Giang", ProvinceCodes.Names["024"]);
        Assert.Equal("Hồ Chí Minh", ProvinceCodes.Names["079"]);
    }
}
