using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Registry.Home;

/// <summary>The registry's numbers for the home pages, within the caller's jurisdiction: enterprises by status (an IZ
/// board's zones, an HR officer's own enterprise), workers (an enterprise's roster), lodging houses (a commune's).
/// Each counts what its unfiltered list shows (EnterpriseSearch, WorkerSearch, LodgingSearch without a query).</summary>
public sealed class RegistryHome(LachanDb db, Jurisdiction scope) : IHomeSections
{
    public async Task<IReadOnlyList<HomeSection>> ForCallerAsync(DateOnly day, CancellationToken ct)
    {
        var figures = new List<HomeFigure>();
        if (scope.Can(RegistryAreas.Workers, Access.Read))
            figures.Add(new("registry.workers", "Workers", await scope.Workers(db.Set<Worker>()).CountAsync(ct), "/Registry/Workers", "/api/v1/workers"));
        if (scope.Can(RegistryAreas.Enterprises, Access.Read))
        {
            var byStatus = await scope.Enterprises(db.Set<Enterprise>()).GroupBy(e => e.Status).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
            // the status as registered, not what orders stop (the zones section counts that): the label says so
            foreach (var status in Enum.GetValues<EnterpriseStatus>())
                figures.Add(new("enterprises." + status, "Home.EnterpriseStatus." + status, byStatus.FirstOrDefault(s => s.Key == status)?.N ?? 0,
                    $"/Registry/Enterprises?Status={status}", $"/api/v1/enterprises?status={status}"));
        }
        if (scope.Can(RegistryAreas.Lodging, Access.Read))
            figures.Add(new("registry.lodgingHouses", "Lodging houses", await scope.LodgingHouses(db.Set<LodgingHouse>()).CountAsync(ct),
                "/Registry/Lodging", "/api/v1/lodging-houses"));
        return figures.Count == 0 ? [] : [new HomeSection(10, "registry", "Home.Registry", figures, [])];
    }
}
