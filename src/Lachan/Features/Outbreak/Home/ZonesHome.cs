using Lachan.Features.Outbreak.Contracts;
using Lachan.Features.Outbreak.Zones;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Microsoft.Extensions.Caching.Memory;

namespace Lachan.Features.Outbreak.Home;

/// <summary>The zones' numbers of the day for those who see zones: zones by level, stopped enterprises and affected
/// workers (ZoneStatus, AffectedWorkers). Its own home module so that its answer, the dearest of the home (who is
/// affected reads the province's employments and residences), is kept while only cases, samples or orders are written.</summary>
public sealed class ZonesHome(Jurisdiction scope, ZoneStatus zones, AffectedWorkers affected, IMemoryCache cache) : IHomeSections
{
    public async Task<IReadOnlyList<HomeSection>> ForCallerAsync(DateOnly day, CancellationToken ct) =>
        scope.Can(OutbreakAreas.Zones, Access.Read) ? [await ZonesAsync(day, ct)] : [];

    private async Task<HomeSection> ZonesAsync(DateOnly day, CancellationToken ct)
    {
        var iso = HomeDays.Iso(day);
        var days = HomeDays.Ending(day);
        var perDay = await zones.ListOnDaysAsync(days, ct);
        var figures = new List<HomeFigure>();
        foreach (var level in new[] { ZoneLevel.Lockdown, ZoneLevel.MedicalIsolation, ZoneLevel.SocialDistancing })
            figures.Add(new("zones." + level, "ZoneLevel." + level, perDay[^1].Count(z => z.Level == level), $"/Outbreak/Zones?Date={iso}", $"/api/v1/control-zones?date={iso}",
                [.. perDay.Select(list => (long)list.Count(z => z.Level == level))]));
        var charts = new List<HomeChart>();
        if (scope.Can(RegistryAreas.Workers, Access.Read))   // as the affected list itself requires
        {
            var (workers, stopped) = await affected.CountsAsync(day, ct);
            figures.Add(new("affected.workers", "Home.WorkersAffected", workers, $"/Outbreak/Affected?Date={iso}", $"/api/v1/affected?date={iso}"));
            figures.Add(new("affected.enterprisesStopped", "Enterprises stopped", stopped, $"/Outbreak/Affected?Date={iso}", $"/api/v1/affected?date={iso}",
                [.. await affected.EnterprisesStoppedOnDaysAsync(days, ct)]));
            // weekly points, each a full count of who the orders of that day stop and lock: the earlier weeks are kept a
            // few minutes per jurisdiction (the home is opened often, past days rarely change); the day itself is fresh
            var weeks = Enumerable.Range(0, HomeDays.Trend / 7 + 1).Select(i => day.AddDays(7 * i - HomeDays.Trend)).ToList();
            var earlier = await cache.GetOrCreateAsync($"home:affected:{scope.Role}:{scope.Scope}:{day:yyyyMMdd}", async entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
                var counts = new List<long>();
                foreach (var d in weeks.SkipLast(1)) counts.Add((await affected.CountsAsync(d, ct)).Workers);
                return counts;
            }) ?? [];
            charts.Add(new("affected-workers", "Home.AffectedOverTime", "line", weeks, [new("Home.WorkersAffected", [.. earlier, workers])], []));
        }
        return new HomeSection(30, "zones", "Home.Zones", figures, charts);
    }
}
