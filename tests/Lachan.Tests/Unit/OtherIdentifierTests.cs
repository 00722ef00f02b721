using Lachan.Features.Registry.Contracts;

namespace Lachan.Tests.Unit;

public sealed class OtherIdentifierTests
{
    [Theory]
    [InlineData("0101234567")]
    [InlineData("2400123456")]
    [InlineData("0101234567-001")]
    [InlineData("2400123456-999")]
    public void Valid_tax_codes(string code) => Assert.True(OtherIds.TaxCode(code).IsValid);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("010123456")]        // 9 digits
    [InlineData("01012345678")]      // 11 digits
    [InlineData("0101234567001")]    // 13 digits without the hyphen
    [InlineData("0101234567-01")]
    [InlineData("0101234567-0001")]
    [InlineData("0101234567_001")]
    [InlineData("010123456a")]
    [InlineData("0101234567-00a")]
    [InlineData(" 0101234567")]
    public void Invalid_tax_codes(string? code) => Assert.Equal("TaxCode.Format", OtherIds.TaxCode(code).Error);

    [Theory]
    [InlineData("121234567", true)]
    [InlineData("024190001234", true)]
    [InlineData("12123456", false)]
    [InlineData("1212345678", false)]
    [InlineData("12123456x", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Cmnd_has_9_or_12_digits(string? value, bool valid)
    {
        Assert.Equal(valid, OtherIds.Cmnd(value).IsValid);
        if (!valid) Assert.Equal("Cmnd.Format", OtherIds.Cmnd(value).Error);
    }

    [Theory]
    [InlineData("2421012345", true)]
    [InlineData("0000000001", true)]
    [InlineData("242101234", false)]
    [InlineData("24210123456", false)]
    [InlineData("24210-1234", false)]
    [InlineData(null, false)]
    public void Bhxh_number_has_10_digits(string? value, bool valid)
    {
        Assert.Equal(valid, OtherIds.Bhxh(value).IsValid);
        if (!valid) Assert.Equal("Bhxh.Format", OtherIds.Bhxh(value).Error);
    }

    [Theory]
    [InlineData("0912345678", "0912345678")]
    [InlineData("0912 345 678", "0912345678")]
    [InlineData("0912.345.678", "0912345678")]
    [InlineData("0912-345-678", "0912345678")]
    [InlineData("+84912345678", "0912345678")]
    [InlineData("+84 91 234 5678", "0912345678")]
    [InlineData("84912345678", "0912345678")]
    [InlineData("(+84) 388 123 456", "0388123456")]
    [InlineData(" 0388123456 ", "0388123456")]
    public void Phone_numbers_are_normalised_to_a_leading_zero(string input, string expected) =>
        Assert.Equal(expected, OtherIds.NormalizePhone(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("091234567")]       // 9 digits
    [InlineData("09123456789")]     // 11 digits
    [InlineData("1912345678")]      // no leading 0
    [InlineData("+1 912 345 678")]
    [InlineData("+8491234567")]     // +84 and only 8 digits
    [InlineData("09123+45678")]
    public void Invalid_phone_numbers_give_null(string? input) => Assert.Null(OtherIds.NormalizePhone(input));
}
