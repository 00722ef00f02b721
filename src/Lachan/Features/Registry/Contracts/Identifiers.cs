using Lachan.Features.Registry.Contracts;

namespace Lachan.Features.Registry.Contracts;

/// <summary>The result of checking an identifier: null error means valid. Errors are localization keys.</summary>
public readonly record struct Check(string? Error)
{
    public static readonly Check Ok = new(null);
    public bool IsValid => Error is null;
}

/// <summary>Căn cước công dân: PPP province + century/sex digit + 2-digit birth year + 6 digits (DOMAIN.md §1).</summary>
public static class Cccd
{
    public static Check Validate(string? value, Sex? sex = null, DateOnly? dateOfBirth = null)
    {
        if (value is not { Length: 12 } || !Digits.Only(value))
            return new("Cccd.Format");
        if (!ProvinceCodes.IsKnown(value.AsSpan(0, 3)))
            return new("Cccd.Province");
        var (century, digitSex) = CenturyAndSex(value[3]);
        if (century is null)
            return new("Cccd.Century");
        if (sex is not null && sex != digitSex)
            return new("Cccd.SexMismatch");
        if (dateOfBirth is DateOnly dob)
        {
            var year = century.Value + int.Parse(value.AsSpan(4, 2));
            if (year != dob.Year)
                return new("Cccd.BirthYearMismatch");
        }
        return Check.Ok;
    }

    /// <summary>0/1: 1900s male/female, 2/3: 2000s, 4/5: 2100s. Other digits (6–9, for 2200s+) are not issued.</summary>
    public static (int? Century, Sex Sex) CenturyAndSex(char digit) => digit switch
    {
        >= '0' and <= '5' => (1900 + (digit - '0') / 2 * 100, (digit - '0') % 2 == 0 ? Sex.Male : Sex.Female),
        _ => (null, Sex.Male),
    };

    /// <summary>The century/sex digit for a person, the inverse of <see cref="CenturyAndSex"/>.</summary>
    public static char DigitFor(Sex sex, int birthYear) =>
        (char)('0' + (birthYear / 100 - 19) * 2 + (sex == Sex.Female ? 1 : 0));

    public static string Compose(string provinceCode, Sex sex, int birthYear, int serial) =>
        $"{provinceCode}{DigitFor(sex, birthYear)}{birthYear % 100:00}{serial:000000}";
}

public static class Digits
{
    /// <summary>True when every character is 0–9 (and there is at least one).</summary>
    public static bool Only(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExceptInRange('0', '9');
}

/// <summary>Other identifiers, checked for form only: they are linked to the person, never the key.</summary>
public static class OtherIds
{
    /// <summary>Old identity card: 9 or 12 digits.</summary>
    public static Check Cmnd(string? value) =>
        value is { Length: 9 or 12 } && Digits.Only(value) ? Check.Ok : new("Cmnd.Format");

    /// <summary>Social-insurance number: 10 digits.</summary>
    public static Check Bhxh(string? value) =>
        value is { Length: 10 } && Digits.Only(value) ? Check.Ok : new("Bhxh.Format");

    /// <summary>Enterprise tax code: 10 digits, or 10 + "-" + 3 for a branch.</summary>
    public static Check TaxCode(string? value)
    {
        if (value is { Length: 10 } && value.All(char.IsAsciiDigit))
            return Check.Ok;
        if (value is { Length: 14 } && value[10] == '-' && value[..10].All(char.IsAsciiDigit) && value[11..].All(char.IsAsciiDigit))
            return Check.Ok;
        return new("TaxCode.Format");
    }

    /// <summary>Vietnamese phone numbers: 0 + 9 digits, +84 accepted and normalised to 0.</summary>
    public static string? NormalizePhone(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (value is { Length: 10 } && value[0] == '0' && Digits.Only(value)) return value;   // already as stored: most rows
        var digits = new string(value.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
        if (digits.StartsWith("+84", StringComparison.Ordinal)) digits = "0" + digits[3..];
        else if (digits.StartsWith("84", StringComparison.Ordinal) && digits.Length == 11) digits = "0" + digits[2..];
        return digits.Length == 10 && digits[0] == '0' && digits.All(char.IsAsciiDigit) ? digits : null;
    }
}
