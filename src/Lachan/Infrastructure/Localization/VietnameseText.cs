using System.Globalization;
using System.Text;

namespace Lachan.Infrastructure.Localization;

/// <summary>Names arrive in NFC or NFD, with stray spaces. We store them as given but normalised (NFC, single spaces)
/// and keep a search key without diacritics so "nguyen van a" finds "Nguyễn Văn A".</summary>
public static class VietnameseText
{
    public static string NormalizeName(string value)
    {
        var nfc = IsSurelyNfc(value) ? value : value.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(nfc.Length);
        var space = false;
        foreach (var c in nfc)
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>True when the text has only characters below U+0300 (no combining marks there) and precomposed
    /// Vietnamese letters (U+1EA0–U+1EF9): all of them are NFC whatever surrounds them (quick check Yes, combining
    /// class 0), so such text, nearly every name and address, skips ICU's normalisation (microseconds a string).</summary>
    private static bool IsSurelyNfc(string value)
    {
        foreach (var c in value)
            if (c >= '\u0300' && (c < '\u1EA0' || c > '\u1EF9')) return false;
        return true;
    }

    /// <summary>Lower case, no diacritics, đ → d, single spaces.</summary>
    /// <remarks>Character by character through a table, because ICU normalisation costs ~20 µs a string on Linux
    /// (60 ms to key 3,000 addresses for one search). The result is the one of <see cref="SearchKeyByNormalization"/>:
    /// the canonical decomposition of a string is the decompositions of its characters (marks reordered, and marks are
    /// dropped anyway), so each character can be folded alone. Characters beyond the table fall back to that method.</remarks>
    public static string SearchKey(string value)
    {
        var sb = new StringBuilder(value.Length);
        bool started = false, space = false; // as NormalizeName: a combining mark counts as text for the spacing
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c)) { space = started; continue; }
            if (Fold(c) is not { } folded) return SearchKeyByNormalization(value);
            if (space) { sb.Append(' '); space = false; }
            sb.Append(folded); // empty for a combining mark
            started = true;
        }
        return sb.ToString();
    }

    private const char TableEnd = '　';

    // Casing a non-ASCII character asks ICU each time: the answers for the characters below TableEnd are kept.
    private static readonly char[] UpperCase = new char[TableEnd], LowerCase = new char[TableEnd];

    private static char Upper(char c) =>
        c >= TableEnd ? char.ToUpperInvariant(c) : UpperCase[c] is not '\0' and var u ? u : UpperCase[c] = char.ToUpperInvariant(c);

    private static char Lower(char c) =>
        c >= TableEnd ? char.ToLowerInvariant(c) : LowerCase[c] is not '\0' and var l ? l : LowerCase[c] = char.ToLowerInvariant(c);
    private static readonly string?[] Folded = new string?[TableEnd];

    private static string? Fold(char c) =>
        c >= TableEnd || char.IsSurrogate(c) ? null : Folded[c] ??= FoldByNormalization(c);

    private static string FoldByNormalization(char c)
    {
        var sb = new StringBuilder(2);
        foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
                sb.Append(d switch { 'đ' or 'Đ' => 'd', _ => char.ToLowerInvariant(d) });
        return sb.ToString();
    }

    /// <summary>The definition of the search key, through Unicode normalisation (slow; see <see cref="SearchKey"/>).</summary>
    public static string SearchKeyByNormalization(string value)
    {
        var decomposed = NormalizeName(value).Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(c switch { 'đ' or 'Đ' => 'd', _ => char.ToLowerInvariant(c) });
        }
        return sb.ToString();
    }

    /// <summary>Title case per word ("NGUYỄN văn a" → "Nguyễn Văn A"), as names are written on documents.</summary>
    public static string TitleCaseName(string value)
    {
        var name = NormalizeName(value);
        // Character by character: a 500,000-row roster title-cases every name, and splitting, casing and joining the
        // words cost several times more. A surrogate pair must be cased as one code point, so it takes the word path.
        if (name.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
            return string.Create(name.Length, name, static (chars, name) =>
            {
                for (var i = 0; i < name.Length; i++)
                    chars[i] = i == 0 || name[i - 1] == ' ' ? Upper(name[i]) : Lower(name[i]);
            });
        var words = name.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];
            if (w.Length > 0)
                words[i] = char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant();
        }
        return string.Join(' ', words);
    }
}
