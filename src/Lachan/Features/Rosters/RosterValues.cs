using System.Globalization;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Localization;

namespace Lachan.Features.Rosters;

/// <summary>Parses one cell of a roster. Each method returns the value or an error code; none throws.</summary>
public static class RosterValues
{
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "dd/MM/yy", "d/M/yy", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "yyyy-MM-dd"];

    // .NET's invariant calendar reads yy 00–49 as 20xx, which made a birth date "1/1/45" 2045; rosters mean 1945.
    private static readonly CultureInfo TwoDigitYearsTo2029 = TwoDigitYearMax(2029);

    private static CultureInfo TwoDigitYearMax(int year)
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.DateTimeFormat.Calendar.TwoDigitYearMax = year;
        return culture;
    }

    public static bool IsSpreadsheetError(string text) =>
        text is "#N/A" or "#REF!" or "#VALUE!" or "#DIV/0!" or "#NAME?" or "#NUM!" or "#NULL!" || text.StartsWith('=');

    /// <summary>dd/MM/yyyy, d/M/yy (two-digit years: 00–29 → 2000s), real date cells (ISO), Excel serial numbers.</summary>
    public static (DateOnly? Value, string? Error) Date(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        text = text.Trim();
        if (IsSpreadsheetError(text)) return (null, "Roster.CellError");
        if (DayMonthYear(text) is { } typed) return typed.Year < 1900 ? (null, "Roster.DateFormat") : (typed, null);
        // Digits alone match none of the formats (each has separators): an Excel serial number, read below.
        var digitsOnly = !text.AsSpan().ContainsAnyExceptInRange('0', '9');
        if (!digitsOnly && DateOnly.TryParseExact(text, DateFormats, TwoDigitYearsTo2029, DateTimeStyles.None, out var d))
        {
            if (d.Year < 1900) return (null, "Roster.DateFormat");
            return (d, null);
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 80000)
            return (DateOnly.FromDateTime(new DateTime(1899, 12, 30).AddDays(serial)), null); // Excel's 1900 system
        return (null, "Roster.DateFormat");
    }

    /// <summary>The common dd/MM/yyyy (or with - or .) read directly: the general parser costs more than the rest of
    /// the row. Null for any other shape, or a date that does not exist, which the general parser then decides.</summary>
    private static DateOnly? DayMonthYear(string text)
    {
        if (text.Length != 10 || text[2] is not ('/' or '-' or '.') || text[5] != text[2]) return null;
        static int Digit(char c) => char.IsAsciiDigit(c) ? c - '0' : -1;
        int d1 = Digit(text[0]), d2 = Digit(text[1]), m1 = Digit(text[3]), m2 = Digit(text[4]);
        int y1 = Digit(text[6]), y2 = Digit(text[7]), y3 = Digit(text[8]), y4 = Digit(text[9]);
        if ((d1 | d2 | m1 | m2 | y1 | y2 | y3 | y4) < 0) return null;
        int day = d1 * 10 + d2, month = m1 * 10 + m2, year = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    // Sex and contract cells take a handful of distinct spellings per file: each is decided once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (Sex?, string?)> SexSeen = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (ContractType?, string?)> ContractSeen = new();
    private const int SeenLimit = 1_000;

    public static (Sex? Value, string? Error) SexOf(string? text)
    {
        if (text is not null && SexSeen.TryGetValue(text, out var seen)) return seen;
        var result = SexOfUncached(text);
        if (text is not null && SexSeen.Count < SeenLimit) SexSeen[text] = result;
        return result;
    }

    public static (ContractType? Value, string? Error) Contract(string? text)
    {
        if (text is not null && ContractSeen.TryGetValue(text, out var seen)) return seen;
        var result = ContractUncached(text);
        if (text is not null && ContractSeen.Count < SeenLimit) ContractSeen[text] = result;
        return result;
    }

    private static (Sex? Value, string? Error) SexOfUncached(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        if (IsSpreadsheetError(text.Trim())) return (null, "Roster.CellError");
        return VietnameseText.SearchKey(text.Trim()) switch
        {
            "nam" or "m" or "male" or "trai" => (Sex.Male, null),
            "nu" or "f" or "female" or "gai" => (Sex.Female, null),
            _ => (null, "Roster.SexFormat"),
        };
    }

    private static (ContractType? Value, string? Error) ContractUncached(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        if (IsSpreadsheetError(text.Trim())) return (null, "Roster.CellError");
        var k = VietnameseText.SearchKey(text.Trim());
        if (k.Contains("khong xac dinh") || k.Contains("vo thoi han") || k == "kxd" || k == "kxdth") return (ContractType.Indefinite, null);
        if (k.Contains("thu viec")) return (ContractType.Probation, null);
        if (k.Contains("mua vu")) return (ContractType.Seasonal, null);
        if (k.Contains("xac dinh") || k.Contains("thang") || k.Contains("nam") || k == "xdth" || k == "xd") return (ContractType.Definite, null);
        return (null, "Roster.ContractFormat");
    }

    /// <summary>Digits only (spaces, dots and a leading apostrophe are typing noise).</summary>
    public static string? Digits(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim().TrimStart('\'');
        if (Registry.Contracts.Digits.Only(t)) return t;   // nearly every cell: nothing to take out
        return t.All(c => char.IsAsciiDigit(c) || c is ' ' or '.' or '-') ? new string(t.Where(char.IsAsciiDigit).ToArray()) : t;
    }

    /// <summary>A CCCD, recovering one leading zero that a spreadsheet dropped when the result is a valid CCCD that
    /// agrees with the stated sex and birth year. Returns whether it was recovered.</summary>
    public static (string? Value, string? Error, bool Recovered) Cccd(string? text, Sex? sex, DateOnly? dob)
    {
        var digits = Digits(text);
        if (digits is null) return (null, "Roster.CccdMissing", false);
        if (IsSpreadsheetError(digits)) return (null, "Roster.CellError", false);
        var check = Registry.Contracts.Cccd.Validate(digits, sex, dob);
        if (check.IsValid) return (digits, null, false);
        if (digits.Length == 11)
        {
            var padded = "0" + digits;
            if (Registry.Contracts.Cccd.Validate(padded, sex, dob).IsValid) return (padded, null, true);
        }
        return (null, check.Error, false);
    }

    public static (string? Value, string? Error) Phone(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        if (IsSpreadsheetError(text.Trim())) return (null, "Roster.CellError");
        var digits = Digits(text);
        // A phone that lost its leading zero in Excel (9 digits) is recovered the same way.
        if (digits is { Length: 9 } && Registry.Contracts.Digits.Only(digits)) digits = "0" + digits;
        return OtherIds.NormalizePhone(digits ?? text) is { } p ? (p, null) : (null, "Phone.Format");
    }
}
