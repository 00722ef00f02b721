using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Calendar;
using Lachan.Infrastructure.Data;

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
/// (<see cref="KeptAnswers"/>: a day off written by the support desk does not recount the outbreak's numbers, a case
/// does), and at most <see cref="KeptAnswers.MaxAge"/> for what other processes write; the page says when it was counted.</summary>
public sealed class HomeBoard(IEnumerable<IHomeSections> modules, ProvinceCalendar calendar, CurrentUser user, KeptAnswers kept, TimeProvider time)
{
    public async Task<HomeData> LoadAsync(CancellationToken ct)
    {
        var day = calendar.Today;
        var parts = new List<(IReadOnlyList<HomeSection> Sections, DateTimeOffset CountedAt)>();
        foreach (var module in modules)   // one DbContext: one after another
            parts.Add(user.Role is null
                ? (await module.ForCallerAsync(day, ct), time.GetUtcNow())
                : await kept.GetAsync($"home:{user.Role}:{user.Scope}:{day:yyyyMMdd}:{module.GetType().FullName}", () => module.ForCallerAsync(day, ct)));
        var sections = parts.SelectMany(p => p.Sections.Select(s => (Section: s, p.CountedAt))).OrderBy(x => x.Section.Order).ToList();
        return new HomeData(day, calendar.IsDemo, user.Role, [.. sections.Select(x => x.Section)],
            parts.Count == 0 ? time.GetUtcNow() : parts.Min(p => p.CountedAt), sections.ToDictionary(x => x.Section.Key, x => x.CountedAt));
    }
}
