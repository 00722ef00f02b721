using System.Text;
using FsCheck.Xunit;
using Lachan.Infrastructure.Localization;

namespace Lachan.Tests.Unit;

/// <summary>The search key is computed character by character through a table (fast); it must equal the key defined
/// through Unicode normalisation, for every character and for names in NFC or NFD with odd spacing.</summary>
public sealed class SearchKeyTableTests
{
    [Fact]
    public void Every_character_alone_and_in_context_gets_the_key_of_the_definition()
    {
        var differences = new List<string>();
        for (var c = 0; c < 0x3100; c++)
        {
            if (char.IsSurrogate((char)c)) continue;
            foreach (var s in new[] { ((char)c).ToString(), "a" + (char)c + "b", " " + (char)c + " x", "e\u0302" + (char)c, (char)c + "\u0301 \u0303" })
                if (VietnameseText.SearchKey(s) != VietnameseText.SearchKeyByNormalization(s))
                    differences.Add($"U+{c:X4} in \"{s}\"");
        }
        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(20)));
    }

    [Property(Arbitrary = [typeof(VietnameseNameArbitraries)], MaxTest = 500)]
    public bool Names_in_any_form_get_the_key_of_the_definition(string name) =>
        VietnameseText.SearchKey(name) == VietnameseText.SearchKeyByNormalization(name);

    [Fact]
    public void Marks_after_spaces_and_text_beyond_the_table_are_handled_as_the_definition_does()
    {
        foreach (var s in new[] { "\u0301 bể", "ớ \u0303\u0303", "Nguyễn 𝐀n", "Hà\u00A0Nội\u3000Việt", "ǅ ﬁ Å", "" })
            Assert.Equal(VietnameseText.SearchKeyByNormalization(s), VietnameseText.SearchKey(s));
        Assert.Equal("nguyen van a", VietnameseText.SearchKey("  NGUYỄN   Văn\tA ".Normalize(NormalizationForm.FormD)));
        Assert.Equal("dinh tram", VietnameseText.SearchKey("Đình Trám"));
    }
}
