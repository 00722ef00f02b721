namespace Lachan.Features.Shared;

/// <summary>One number of a role's home page, counted from the records within the caller's jurisdiction with the same
/// filter as the list it links to (<see cref="Page"/>, and <see cref="Api"/> when the list has an API), so the two
/// always agree. <see cref="Label"/> is a localization key; <see cref="Trend"/> is the value on each of the last days.
/// <see cref="Page"/> is null when the caller may not open the list (HR's health numbers): the number is shown unlinked.</summary>
public sealed record HomeFigure(string Key, string Label, long Value, string? Page, string? Api, IReadOnlyList<long>? Trend = null);

/// <summary>A chart of days: one series per line or bar stack, and marked days (a lockdown's first day).</summary>
public sealed record HomeChart(string Key, string Title, string Kind, IReadOnlyList<DateOnly> Days, IReadOnlyList<HomeSeries> Series,
    IReadOnlyList<HomeMarker> Markers);

public sealed record HomeSeries(string Name, IReadOnlyList<long> Values);

public sealed record HomeMarker(DateOnly Day, string Label);

/// <summary>What a module shows on the caller's home page; empty when the caller may see none of it.</summary>
public sealed record HomeSection(int Order, string Key, string Title, IReadOnlyList<HomeFigure> Figures, IReadOnlyList<HomeChart> Charts);

/// <summary>The extension point through which modules fill the home page (as <c>IWorkerProfileSection</c> fills a
/// worker's profile): each returns the sections the current caller may see for the province's day. Keep it cheap: a
/// few counting queries, never a row per worker.</summary>
public interface IHomeSections
{
    Task<IReadOnlyList<HomeSection>> ForCallerAsync(DateOnly day, CancellationToken ct);
}

public static class HomeDays
{
    /// <summary>How far back the trends and charts reach.</summary>
    public const int Trend = 28;

    public static IReadOnlyList<DateOnly> Ending(DateOnly day) => Enumerable.Range(0, Trend).Select(i => day.AddDays(i + 1 - Trend)).ToList();

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
