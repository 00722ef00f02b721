using System.Text.RegularExpressions;
using Lachan.Infrastructure.Localization;
using Lachan.Tests.Infrastructure;

namespace Lachan.Tests.Unit;

/// <summary>Every text a page shows has a Vietnamese translation; every coded message (dotted key) has both languages.</summary>
public sealed partial class LocalizationTests
{
    private static readonly UiText Texts = new(Repo.Path("src", "Lachan", "Resources"));

    // T["literal"] and T["literal", args] in pages and code; a C# verbatim or escaped quote ends the match.
    [GeneratedRegex("""\bT\[\s*"((?:[^"\\]|\\.)+)"\s*[,\]]""")]
    private static partial Regex TextKeyUse();

    // Message codes raised in C#: DomainException("X.Y"), Check errors new("X.Y"), Error = "X.Y", ChainBreak reasons, …
    [GeneratedRegex(@"(?<![\w.=])""([A-Z][A-Za-z]+\.[A-Z][A-Za-z]+)""")]
    private static partial Regex CodeLiteral();

    private static IEnumerable<string> SourceFiles(params string[] patterns) =>
        patterns.SelectMany(p => Directory.EnumerateFiles(Repo.Path("src", "Lachan"), p, SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}"));

    private static Dictionary<string, List<string>> KeysUsedInPages()
    {
        var used = new Dictionary<string, List<string>>();
        foreach (var file in SourceFiles("*.cshtml", "*.cs").Where(f => f.Contains($"{Path.DirectorySeparatorChar}Features{Path.DirectorySeparatorChar}")))
            foreach (Match m in TextKeyUse().Matches(File.ReadAllText(file)))
            {
                var key = Regex.Unescape(m.Groups[1].Value);
                if (!used.TryGetValue(key, out var where)) used[key] = where = [];
                where.Add(Path.GetRelativePath(Repo.Root, file));
            }
        return used;
    }

    /// <summary>The file without comment lines (a cref such as "Enterprise.ChangeStatus" in a doc comment is no message).</summary>
    private static string Code(string file) =>
        string.Join('\n', File.ReadAllLines(file).Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)));

    private static HashSet<string> MessageCodesInCode() =>
        SourceFiles("*.cs").SelectMany(f => CodeLiteral().Matches(Code(f)).Select(m => m.Groups[1].Value))
            .Where(c => !c.StartsWith("System.", StringComparison.Ordinal) && !c.StartsWith("Microsoft.", StringComparison.Ordinal))
            .ToHashSet();

    [Fact]
    public void The_scan_finds_the_keys_of_the_layout_and_the_login_page()
    {
        // guards the regex: if it stops matching, the tests below would pass vacuously
        var used = KeysUsedInPages();
        Assert.Contains("Log in", used.Keys);
        Assert.Contains("Denied.Text", used.Keys);
        Assert.True(used.Count >= 15, $"only {used.Count} keys found");
        Assert.Contains("Cccd.Format", MessageCodesInCode());
        Assert.Contains("Worker.NotEmployed", MessageCodesInCode());
    }

    [Fact]
    public void Every_key_used_in_a_page_has_a_Vietnamese_text()
    {
        var missing = KeysUsedInPages().Where(k => !Texts.VietnameseTexts.ContainsKey(k.Key))
            .Select(k => $"\"{k.Key}\" (used in {string.Join(", ", k.Value.Distinct())})").ToList();
        Assert.True(missing.Count == 0, "No Vietnamese text (src/Lachan/Resources/*.vi.json) for:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_dotted_key_used_in_a_page_has_an_English_text()
    {
        var missing = KeysUsedInPages().Keys.Where(k => UiText.IsCode(k) && !Texts.EnglishTexts.ContainsKey(k)).Order().ToList();
        Assert.True(missing.Count == 0, "No English text (src/Lachan/Resources/*.en.json) for:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_message_code_raised_in_code_has_both_languages()
    {
        var missing = MessageCodesInCode()
            .Where(c => !Texts.VietnameseTexts.ContainsKey(c) || !Texts.EnglishTexts.ContainsKey(c))
            .Select(c => $"{c} (vi: {Texts.VietnameseTexts.ContainsKey(c)}, en: {Texts.EnglishTexts.ContainsKey(c)})").Order().ToList();
        Assert.True(missing.Count == 0, "Message codes without a text:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Dotted_keys_exist_in_both_languages()
    {
        var viOnly = Texts.VietnameseTexts.Keys.Where(k => UiText.IsCode(k) && !Texts.EnglishTexts.ContainsKey(k));
        var enOnly = Texts.EnglishTexts.Keys.Where(k => !Texts.VietnameseTexts.ContainsKey(k));
        Assert.Empty(viOnly.Order());
        Assert.Empty(enOnly.Order());
    }

    [Theory]
    [InlineData("Cccd.Format", true)]
    [InlineData("Sort.Name", true)]
    [InlineData("Saved.", false)]
    [InlineData("Please correct the fields marked below.", false)]
    [InlineData("Log in", false)]
    [InlineData(".x", false)]
    public void Codes_are_told_apart_from_phrases(string key, bool code) => Assert.Equal(code, UiText.IsCode(key));

    [Fact]
    public void No_text_is_empty_and_Vietnamese_texts_are_nfc()
    {
        Assert.All(Texts.VietnameseTexts, kv =>
        {
            Assert.False(string.IsNullOrWhiteSpace(kv.Value), kv.Key);
            Assert.True(kv.Value.IsNormalized(System.Text.NormalizationForm.FormC), kv.Key);
        });
        Assert.All(Texts.EnglishTexts, kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), kv.Key));
    }

    [Fact]
    public void Format_placeholders_match_between_languages()
    {
        foreach (var (key, vi) in Texts.VietnameseTexts)
        {
            if (!Texts.EnglishTexts.TryGetValue(key, out var en)) continue;
            Assert.True(Placeholders(vi).SetEquals(Placeholders(en)), $"{key}: '{vi}' vs '{en}'");
        }
        static HashSet<string> Placeholders(string s) => Regex.Matches(s, @"\{(\d+)[^}]*\}").Select(m => m.Groups[1].Value).ToHashSet();
    }

    [Fact]
    public void Lookup_falls_back_as_documented()
    {
        var saved = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = UiText.Vietnamese;
            Assert.Equal("Đăng nhập", Texts["Log in"]);
            Assert.Equal("No such key", Texts["No such key"]);
            System.Globalization.CultureInfo.CurrentUICulture = UiText.English;
            Assert.Equal("Log in", Texts["Log in"]);
            Assert.Equal(Texts.EnglishTexts["Cccd.Format"], Texts["Cccd.Format"]);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void A_phrase_missing_in_English_shows_the_phrase_and_a_code_shows_the_Vietnamese_text()
    {
        var dir = Directory.CreateTempSubdirectory("lachan-texts").FullName;
        var saved = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            File.WriteAllText(Path.Combine(dir, "a.vi.json"), """{ "Saved.": "Đã lưu.", "X.Code": "Mã lỗi" }""");
            File.WriteAllText(Path.Combine(dir, "a.en.json"), """{ "Only.English": "English only" }""");
            var texts = new UiText(dir);
            System.Globalization.CultureInfo.CurrentUICulture = UiText.English;
            Assert.Equal("Saved.", texts["Saved."]);
            Assert.Equal("Mã lỗi", texts["X.Code"]);
            System.Globalization.CultureInfo.CurrentUICulture = UiText.Vietnamese;
            Assert.Equal("Đã lưu.", texts["Saved."]);
            Assert.Equal("English only", texts["Only.English"]);

            File.WriteAllText(Path.Combine(dir, "b.vi.json"), """{ "Saved.": "again" }""");
            Assert.Throws<InvalidOperationException>(() => new UiText(dir));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = saved;
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Dates_and_money_use_Vietnamese_formats()
    {
        Assert.Equal("18/05/2021", UiText.Date(new DateOnly(2021, 5, 18)));
        Assert.Equal("", UiText.Date((DateOnly?)null));
        Assert.Equal("1.855.000 ₫", UiText.Money(1_855_000));
    }
}
