using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Lachan.Infrastructure.Localization;

namespace Lachan.Tests.Unit;

public static class VietnameseNameArbitraries
{
    private static readonly string[] Syllables =
    [
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
        "Văn", "Thị", "Hữu", "Đức", "Thành", "Minh", "Quốc", "Ngọc", "Thu", "Thủy", "Thuỷ", "Hương", "Hường", "Dũng", "Tuấn",
        "Ánh", "Ổn", "Ưng", "Ơn", "Yến", "Khoa", "Nghĩa", "Phượng", "Quỳnh", "Đạt", "Ấn", "Ẩn", "Ỷ", "A", "B",
    ];

    /// <summary>Names of 2–5 syllables in random case, NFC or NFD, with random runs of spaces around and between.</summary>
    public static Arbitrary<string> Names() =>
        (from n in Gen.Choose(2, 5)
         from words in Gen.ArrayOf(Gen.Elements(Syllables), n)
         from upper in Gen.Elements(0, 1, 2)
         from nfd in Gen.Elements(false, true)
         from gaps in Gen.ArrayOf(Gen.Elements(" ", "  ", "\t", " \u00A0 ", "   "), n + 1)
         let cased = words.Select(w => upper switch { 1 => w.ToUpperInvariant(), 2 => w.ToLowerInvariant(), _ => w })
         let joined = gaps[0] + string.Concat(cased.Select((w, i) => w + gaps[i + 1]))
         select nfd ? joined.Normalize(NormalizationForm.FormD) : joined)
        .ToArbitrary();
}

public sealed class VietnameseTextTests
{
    private const string Name = "Nguyễn Văn A";

    [Fact]
    public void Nfd_input_becomes_nfc()
    {
        var nfd = Name.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(Name, nfd); // the test means something only if the two forms differ
        var normalised = VietnameseText.NormalizeName(nfd);
        Assert.Equal(Name, normalised);
        Assert.True(normalised.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("  Nguyễn   Văn  A  ", "Nguyễn Văn A")]
    [InlineData("Nguyễn\tVăn\u00A0A", "Nguyễn Văn A")]
    [InlineData("\n Trần  Thị\r\nHồng \t", "Trần Thị Hồng")]
    [InlineData("A", "A")]
    [InlineData("   ", "")]
    [InlineData("", "")]
    public void Spaces_are_trimmed_and_single(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.NormalizeName(input));

    [Theory]
    [InlineData("Nguyễn Văn A", "nguyen van a")]
    [InlineData("Đặng", "dang")]
    [InlineData("đặng thị hồng", "dang thi hong")]
    [InlineData("ĐẶNG THỊ HỒNG", "dang thi hong")]
    [InlineData("  Lê   Thị Thuỷ ", "le thi thuy")]
    [InlineData("Phượng Ưng Ơn Ấn", "phuong ung on an")]
    [InlineData("Trương Quốc Bảo", "truong quoc bao")]
    [InlineData("nguyen van a", "nguyen van a")]
    public void Search_key_has_no_diacritics(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.SearchKey(input));
        Assert.Equal(expected, VietnameseText.SearchKey(input.Normalize(NormalizationForm.FormD)));
    }

    [Theory]
    [InlineData("NGUYỄN văn a", "Nguyễn Văn A")]
    [InlineData("đặng thị hồng", "Đặng Thị Hồng")]
    [InlineData("  ÁNH   ngọc ", "Ánh Ngọc")]
    [InlineData("ưng ổn", "Ưng Ổn")]
    public void Title_case_per_word(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.TitleCaseName(input));
        Assert.Equal(expected, VietnameseText.TitleCaseName(input.Normalize(NormalizationForm.FormD)));
    }

    [Property(Arbitrary = [typeof(VietnameseNameArbitraries)], MaxTest = 300)]
    public Property Normalised_names_are_nfc_single_spaced_and_stable(string name)
    {
        var n = VietnameseText.NormalizeName(name);
        return (n.IsNormalized(NormalizationForm.FormC)
                && !n.Contains("  ") && n == n.Trim() && !n.Any(c => char.IsWhiteSpace(c) && c != ' ')
                && VietnameseText.NormalizeName(n) == n
                && VietnameseText.NormalizeName(name.Normalize(NormalizationForm.FormD)) == n)
            .Label(n);
    }

    [Property(Arbitrary = [typeof(VietnameseNameArbitraries)], MaxTest = 300)]
    public Property Search_keys_are_plain_lower_ascii_and_the_same_for_every_spelling(string name)
    {
        var key = VietnameseText.SearchKey(name);
        return (key.All(c => c is (>= 'a' and <= 'z') or ' ')
                && key == VietnameseText.SearchKey(key)
                && key == VietnameseText.SearchKey(name.Normalize(NormalizationForm.FormD))
                && key == VietnameseText.SearchKey(name.Normalize(NormalizationForm.FormC))
                && key == VietnameseText.SearchKey(VietnameseText.TitleCaseName(name))
                && key == VietnameseText.SearchKey(name.ToUpperInvariant()))
            .Label(key);
    }
}
