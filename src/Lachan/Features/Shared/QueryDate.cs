using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Lachan.Features.Shared;

/// <summary>The date of a dated view in a query string (?Date=… from a calendar input or a link). A date that is not one
/// is said so, on the page or as a 400 problem naming the field, never silently taken as today.</summary>
public static class QueryDate
{
    public const string Invalid = "Date.Invalid";

    /// <summary>What the user wrote for the field when it did not bind as a date; null when absent or valid.</summary>
    public static string? Rejected(ModelStateDictionary state, string field) =>
        state.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.AttemptedValue ?? "" : null;

    /// <summary>A report's period from a page's From and To fields: the last <paramref name="defaultDays"/> days to today
    /// when absent. A date that did not bind, or a period backwards or longer than <paramref name="maxDays"/>, is a field error.</summary>
    public static (DateOnly From, DateOnly To) Period(ModelStateDictionary state, DateOnly? from, DateOnly? to, DateOnly today, int defaultDays, int maxDays,
        FieldErrors errors)
    {
        var end = to ?? today;
        var start = from ?? end.AddDays(1 - defaultDays);
        if (Rejected(state, "From") is { } f) errors.Add("From", Invalid, f);
        if (Rejected(state, "To") is { } t) errors.Add("To", Invalid, t);
        if (errors.Ok && (start > end || end.DayNumber - start.DayNumber >= maxDays)) errors.Add("To", "Period.Invalid", maxDays);
        return (start, end);
    }

    /// <summary>The API's parse: yyyy-MM-dd only (a form such as 02/06/2021 is 2 June to a Vietnamese reader and 6 February to an
    /// invariant parser, so it is refused rather than guessed); null or blank text is no date.</summary>
    public static bool TryParse(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        date = d;
        return true;
    }

    /// <summary>The field error for a rejected date, naming what was written.</summary>
    public static FieldErrors Error(string field, string? text)
    {
        var errors = new FieldErrors();
        errors.Add(field, Invalid, text ?? "");
        return errors;
    }
}
