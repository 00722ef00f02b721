using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Calendar;

namespace Lachan.Features.Home;

public sealed record HomeData(DateOnly Date, bool Demo, Role? Role, IReadOnlyList<HomeSection> Sections)
{
    public IEnumerable<HomeFigure> Figures => Sections.SelectMany(s => s.Figures);
}

/// <summary>The caller's home: what every module shows them (<see cref="IHomeSections"/>) for the province's day.</summary>
public sealed class HomeBoard(IEnumerable<IHomeSections> modules, ProvinceCalendar calendar, CurrentUser user)
{
    public async Task<HomeData> LoadAsync(CancellationToken ct)
    {
        var day = calendar.Today;
        var sections = new List<HomeSection>();
        foreach (var module in modules) sections.AddRange(await module.ForCallerAsync(day, ct));   // one DbContext: one after another
        return new HomeData(day, calendar.IsDemo, user.Role, sections.OrderBy(s => s.Order).ToList());
    }
}
