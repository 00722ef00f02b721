using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Lachan.Features.Shared;

/// <summary>Links for lists whose filters carry no personal data (places, enterprises): the filters stay in the URL so
/// a filtered, sorted page can be bookmarked and shared. Person searches use the POST form and _Pager instead.</summary>
public static class QueryLinks
{
    /// <summary>The current URL with some query values replaced; a null or empty value removes the key.</summary>
    public static string With(HttpRequest request, params (string Key, object? Value)[] changes)
    {
        var values = QueryHelpers.ParseQuery(request.QueryString.Value)
            .ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in changes)
        {
            var text = Convert.ToString(value, CultureInfo.InvariantCulture);
            if (string.IsNullOrEmpty(text)) values.Remove(key);
            else values[key] = text;
        }
        var kept = values.Where(kv => !string.IsNullOrEmpty(kv.Value)).Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value));
        return request.PathBase + request.Path + QueryString.Create(kept);
    }

    /// <summary>A column header link: the first click sorts one way (counts: largest first), the next click the other
    /// way; back to page 1.</summary>
    public static string Sort(HttpRequest request, string? current, string key, bool descendingFirst = false)
    {
        var next = current == key ? "-" + key : current == "-" + key ? key : descendingFirst ? "-" + key : key;
        return With(request, ("Sort", next), ("PageNumber", null));
    }

    public static string Arrow(string? current, string key) => current == key ? "▲" : current == "-" + key ? "▼" : "";

    /// <summary>The export of exactly what the list shows (same filters and sort, every page).</summary>
    public static string Export(HttpRequest request, string format) =>
        With(request, ("handler", "Export"), ("format", format), ("PageNumber", null));
}

/// <summary>Numbers typed in forms: Vietnamese writes the decimal comma ("126,5"); the dot is accepted too.
/// A field that is not a number is reported on the field rather than silently dropped.</summary>
public static class FormNumbers
{
    public static int? ParseInt(string? text, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var digits = text.Trim().Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (int.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return n;
        errors.TryAdd(field, "Number.Format");
        return null;
    }

    public static decimal? ParseDecimal(string? text, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)) return d;
        errors.TryAdd(field, "Number.Format");
        return null;
    }

    public static string Format(decimal d) => d.ToString("#,0.##", CultureInfo.CurrentCulture);
}
