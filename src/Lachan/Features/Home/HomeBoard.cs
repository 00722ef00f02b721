using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Calendar;
using Lachan.Infrastructure.Data;
using Microsoft.Extensions.Caching.Memory;

namespace Lachan.Features.Home;

public sealed record HomeData(DateOnly Date, bool Demo, Role? Role, IReadOnlyList<HomeSection> Sections, DateTimeOffset CountedAt)
{
    public IEnumerable<HomeFigure> Figures => Sections.SelectMany(s => s.Figures);
}

/// <summary>The caller's home: what every module shows them (<see cref="IHomeSections"/>) for the province's day.
/// Every sign-in lands here, and a province's numbers with their trends take a second or more at 300,000 workers: the
/// answer is kept per role and jurisdiction until this app writes any record (<see cref="DataChanges"/>), and at most
/// <see cref="MaxAge"/> for what other processes write; the page says when it was counted.</summary>
public sealed class HomeBoard(IEnumerable<IHomeSections> modules, ProvinceCalendar calendar, CurrentUser user, IMemoryCache cache, TimeProvider time,
    DataChanges changes)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    public async Task<HomeData> LoadAsync(CancellationToken ct)
    {
        var day = calendar.Today;
        // the version is read before counting: a write during the count makes a new one, so a stale answer is not kept
        var key = $"home:{user.Role}:{user.Scope}:{day:yyyyMMdd}:{changes.Version}";
        if (cache.TryGetValue(key, out HomeData? kept) && kept is not null) return kept;
        var countedAt = time.GetUtcNow();
        var sections = new List<HomeSection>();
        foreach (var module in modules) sections.AddRange(await module.ForCallerAsync(day, ct));   // one DbContext: one after another
        var home = new HomeData(day, calendar.IsDemo, user.Role, sections.OrderBy(s => s.Order).ToList(), countedAt);
        if (user.Role is not null) cache.Set(key, home, MaxAge);
        return home;
    }
}
