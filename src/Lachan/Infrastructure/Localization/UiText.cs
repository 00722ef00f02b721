using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace Lachan.Infrastructure.Localization;

/// <summary>UI text from Resources/*.vi.json and Resources/*.en.json (one pair per feature area, merged; a key
/// defined twice is an error). Keys are short English phrases or dotted codes;
/// a key missing from the current language falls back to the other language, then to the key itself
/// (a test fails when any key used in a page has no Vietnamese text).</summary>
public sealed class UiText
{
    public static readonly CultureInfo Vietnamese = new("vi-VN");
    public static readonly CultureInfo English = new("en-US");

    private readonly FrozenDictionary<string, string> _vi;
    private readonly FrozenDictionary<string, string> _en;

    public UiText() : this(Path.Combine(AppContext.BaseDirectory, "Resources")) { }

    public UiText(string folder)
    {
        _vi = Load(folder, "*.vi.json");
        _en = Load(folder, "*.en.json");
    }

    public IReadOnlyDictionary<string, string> VietnameseTexts => _vi;
    public IReadOnlyDictionary<string, string> EnglishTexts => _en;

    private static FrozenDictionary<string, string> Load(string folder, string pattern)
    {
        var all = new Dictionary<string, string>();
        foreach (var file in Directory.EnumerateFiles(folder, pattern).Order())
            foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file)) ?? [])
                if (!all.TryAdd(key, value))
                    throw new InvalidOperationException($"Text key '{key}' is defined twice ({Path.GetFileName(file)}).");
        return all.ToFrozenDictionary();
    }

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public string this[string key] =>
        IsEnglish
            ? _en.GetValueOrDefault(key) ?? (IsCode(key) ? _vi.GetValueOrDefault(key) : null) ?? key
            : _vi.GetValueOrDefault(key) ?? _en.GetValueOrDefault(key) ?? key;

    /// <summary>A message code such as "Cccd.Format" (as opposed to an English phrase such as "Saved."): for a code,
    /// showing the key itself is never right, so a code missing in English falls back to Vietnamese.</summary>
    public static bool IsCode(string key) =>
        key.IndexOf('.') is var dot && dot > 0 && dot < key.Length - 1 && !key.Contains(' ');

    public string this[string key, params object?[] args] => string.Format(CultureInfo.CurrentCulture, this[key], args);

    public static string Date(DateOnly? d) => d?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";
    public static string Date(DateTime d) => d.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
    /// <summary>A stored UTC instant in province time, labelled: "25/05/2021 14:03 (giờ Việt Nam)".</summary>
    public string ProvinceTime(DateTime utc) => Date(ProvinceClock.ToProvinceTime(utc)) + " " + this["ProvinceTime.Label"];

    /// <summary>The text of a key when there is one, else the fallback (for names built from data, such as audit actions).</summary>
    public string Or(string key, string fallback) => _vi.ContainsKey(key) || _en.ContainsKey(key) ? this[key] : fallback;

    public static string Money(long vnd) => vnd.ToString("#,0", Vietnamese) + " ₫";
}
