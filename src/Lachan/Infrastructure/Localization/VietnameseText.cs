using System.Globalization;
using System.Text;

namespace Lachan.Infrastructure.Localization;

/// <summary>Names arrive in NFC or NFD, with stray spaces. We store them as given but normalised (NFC, single spaces)
/// and keep a search key without diacritics so "nguyen van a" finds "Nguyễn Văn A".</summary>
public static class VietnameseText
{
    public static string NormalizeName(string value)
    {
        var nfc = value.Normalize(NormalizationForm.FormC);
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

    /// <summary>Lower case, no diacritics, đ → d, single spaces.</summary>
    public static string SearchKey(string value)
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
        var words = NormalizeName(value).Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];
            if (w.Length > 0)
                words[i] = char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant();
        }
        return string.Join(' ', words);
    }
}
