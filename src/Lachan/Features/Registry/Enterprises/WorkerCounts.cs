using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Registry.Enterprises;

/// <summary>Current workers per enterprise or per lodging house, as the caller may see them (the same jurisdiction
/// filter as the worker list, so a count never reveals workers the list would hide). One GROUP BY per list, never one
/// COUNT per row: for a province-wide user it reads the (CurrentEnterpriseId, ProvinceCode) index alone (~30 ms at
/// 300,000 workers); a commune's count starts from its lodging houses. Both plans need the planner's statistics, which
/// SQLite has only after ANALYZE (BulkWriter runs it after bulk loads; DataModule once on a database without any).</summary>
public sealed class WorkerCounts(LachanDb db, Jurisdiction scope)
{
    /// <param name="enterpriseIds">Only these enterprises (the page shown); null for all of them.</param>
    public async Task<Dictionary<int, int>> ByEnterpriseAsync(IReadOnlyCollection<int>? enterpriseIds, CancellationToken ct)
    {
        if (enterpriseIds is { Count: 0 }) return [];
        var q = scope.Workers(db.Set<Worker>().AsNoTracking()).Where(w => w.CurrentEnterpriseId != null);
        if (enterpriseIds is not null) q = q.Where(w => enterpriseIds.Contains(w.CurrentEnterpriseId!.Value));
        return await q.GroupBy(w => w.CurrentEnterpriseId!.Value)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }

    /// <param name="lodgingHouseIds">Only these houses (the page shown); null for all of them.</param>
    public async Task<Dictionary<int, int>> ByLodgingHouseAsync(IReadOnlyCollection<int>? lodgingHouseIds, CancellationToken ct)
    {
        if (lodgingHouseIds is { Count: 0 }) return [];
        var q = scope.Workers(db.Set<Worker>().AsNoTracking()).Where(w => w.CurrentLodgingHouseId != null);
        if (lodgingHouseIds is not null) q = q.Where(w => lodgingHouseIds.Contains(w.CurrentLodgingHouseId!.Value));
        return await q.GroupBy(w => w.CurrentLodgingHouseId!.Value)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }
}
