using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Calendar;
using Lachan.Infrastructure.Data;
using Microsoft.Extensions.Caching.Memory;

namespace Lachan.Features.Home;

/// <summary>The home: its sections in order, when the oldest of them was counted (<see cref="CountedAt"/>, what the page
/// says) and when each was (<see cref="SectionsCountedAt"/>, by section key).</summary>
public sealed record HomeData(DateOnly Date, bool Demo, Role? Role, IReadOnlyList<HomeSection> Sections, DateTimeOffset CountedAt,
    IReadOnlyDictionary<string, DateTimeOffset> SectionsCountedAt)
{
    public IEnumerable<HomeFigure> Figures => Sections.SelectMany(s => s.Figures);
}

/// <summary>The caller's home: what every module shows them (<see cref="IHomeSections"/>) for the province's day.
/// Every sign-in lands here, and a province's numbers with their trends take a second or more at 300,000 workers: each
/// module's answer is kept per role and jurisdiction until this app writes a table that the answer read
/// (<see cref="DataChanges"/>: a day off written by the support desk does not recount the outbreak's numbers, a case
/// does), and at most <see cref="MaxAge"/> for what other processes write; the page says when it was counted.</summary>
public sealed class HomeBoard(IEnumerable<IHomeSections> modules, ProvinceCalendar calendar, CurrentUser user, IMemoryCache cache, TimeProvider time,
    DataChanges changes)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    /// <summary>One module's sections, the tables they were counted from (with the tables' numbers before the count) and when.</summary>
    private sealed record Kept(IReadOnlyList<HomeSection> Sections, TablesStamp Read, DateTimeOffset CountedAt);

    public async Task<HomeData> LoadAsync(CancellationToken ct)
    {
        var day = calendar.Today;
        var parts = new List<Kept>();
        foreach (var module in modules) parts.Add(await PartAsync(module, day, ct));   // one DbContext: one after another
        var sections = parts.SelectMany(p => p.Sections.Select(s => (Section: s, p.CountedAt))).OrderBy(x => x.Section.Order).ToList();
        return new HomeData(day, calendar.IsDemo, user.Role, [.. sections.Select(x => x.Section)],
            parts.Count == 0 ? time.GetUtcNow() : parts.Min(p => p.CountedAt), sections.ToDictionary(x => x.Section.Key, x => x.CountedAt));
    }

    private async Task<Kept> PartAsync(IHomeSections module, DateOnly day, CancellationToken ct)
    {
        var key = $"home:{user.Role}:{user.Scope}:{day:yyyyMMdd}:{module.GetType().FullName}";
        if (cache.TryGetValue(key, out Kept? kept) && kept is not null && changes.Unchanged(kept.Read)) return kept;
        var countedAt = time.GetUtcNow();
        // the tables' numbers are taken before counting: a write during the count makes a new one, so the answer is not kept
        using var reading = changes.StartReading();
        var part = new Kept(await module.ForCallerAsync(day, ct), reading.Stamp(), countedAt);
        if (user.Role is not null) cache.Set(key, part, MaxAge);
        return part;
    }
}
