using Lachan.Features.Shared;
using Lachan.Features.Support.Lists;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Support.Home;

/// <summary>The support desks' numbers for the home pages: the employer lists waiting at the caller's step of the chain
/// (HR builds and submits, social insurance confirms, the district appraises, the province decides) and, of them, those
/// past their step's deadline, within the caller's jurisdiction. Each counts the worklist's own query for the filter it
/// links to (<see cref="ListQueries.Worklist"/>). Desks without a step (an IZ board reads only) get no section.</summary>
public sealed class SupportHome(ListQueries lists, ListScope scope) : IHomeSections
{
    public async Task<IReadOnlyList<HomeSection>> ForCallerAsync(DateOnly day, CancellationToken ct)
    {
        if (!scope.CanRead || scope.MyStates.Count == 0) return [];
        var figures = new List<HomeFigure>
        {
            new("support.mine", "Home.SupportMine", await lists.Worklist(null, true, false, day).CountAsync(ct),
                "/Support/Lists?Mine=true", "/api/v1/support/lists?mine=true"),
            new("support.mineOverdue", "Home.SupportMineOverdue", await lists.Worklist(null, true, true, day).CountAsync(ct),
                "/Support/Lists?Mine=true&Overdue=true", "/api/v1/support/lists?mine=true&overdue=true"),
        };
        return [new HomeSection(50, "support", "Home.Support", figures, [])];
    }
}
