using Lachan.Features.Relief.Requests;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Relief.Home;

/// <summary>The relief desks' numbers for the home pages, within the caller's area (a volunteer: what is assigned to and
/// delivered by them): open requests, of them overdue, requests delivered on the day. Each is a count of the queue's
/// own query for the filter it links to (<see cref="RequestQueue.Filtered"/>), so the number and the list agree.
/// "No one left hungry" is not counted here: it computes every affected worker of the area (a load, not a count).</summary>
public sealed class ReliefHome(RequestQueue queue, RequestScope scope) : IHomeSections
{
    public async Task<IReadOnlyList<HomeSection>> ForCallerAsync(DateOnly day, CancellationToken ct)
    {
        if (!scope.CanRead) return [];
        var dmy = UiText.Date(day);
        async Task<long> Count(QueueFilter f) => await queue.Filtered(f).CountAsync(ct);
        var figures = new List<HomeFigure>
        {
            new("relief.open", "Home.ReliefOpen", await Count(new(null, null, null, null)), "/Relief/Requests", null),
            new("relief.overdue", "Home.ReliefOverdue", await Count(new(null, null, null, null, Overdue: true)), "/Relief/Requests?Overdue=true", null),
            new("relief.deliveredToday", "Home.ReliefDeliveredToday", await Count(new(null, null, null, null, DeliveredOn: day)),
                $"/Relief/Requests?DeliveredOn={dmy}", null),
        };
        return [new HomeSection(40, "relief", "Home.Relief", figures, [])];
    }
}
