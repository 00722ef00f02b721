using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Outbreak.Zones;
using Lachan.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Dashboard;

public sealed record DayCases(DateOnly Day, IReadOnlyDictionary<string, int> ByZone, int Total);

/// <summary>The picture on a day: zones by level, enterprises stopped, and for health roles the cases per day by IZ
/// over the last weeks and the quarantines in force. Every number comes from the records and links to them.</summary>
public sealed record OutbreakPictureData(DateOnly Day, IReadOnlyDictionary<ZoneLevel, int> ZonesByLevel, int EnterprisesStopped,
    bool ShowsHealth, IReadOnlyList<string> Zones, IReadOnlyList<DayCases> CasesPerDay, int ActiveCases, int QuarantinesInForce);

public sealed class OutbreakPicture(ZoneStatus zones, AffectedWorkers affected, CaseScope health)
{
    public const int Days = 28;
    public const string OutsideZones = "—";

    public async Task<OutbreakPictureData> LoadAsync(DateOnly day, CancellationToken ct = default)
    {
        var byLevel = (await zones.ListAsync(day, ct)).GroupBy(z => z.Level).ToDictionary(g => g.Key, g => g.Count());
        var stopped = await affected.EnterprisesStoppedAsync(day, ct);
        if (!health.CanRead)
            return new OutbreakPictureData(day, byLevel, stopped, false, [], [], 0, 0);

        var (zoneNames, perDay) = await CasesPerDayAsync(day, ct);
        var active = await health.Cases().CountAsync(c => c.ConfirmedOn <= day && (c.OutcomeOn == null || c.OutcomeOn > day), ct);
        var quarantines = await health.Orders().CountAsync(o => o.StartOn <= day && (o.ReleasedOn == null || o.ReleasedOn > day), ct);
        return new OutbreakPictureData(day, byLevel, stopped, true, zoneNames, perDay, active, quarantines);
    }

    /// <summary>The epidemic curve alone: the cases confirmed on each of the 28 days ending on the day, by the industrial
    /// zone of their employer then, and the zones named (the home's chart, which needs nothing else of the picture).</summary>
    public async Task<(IReadOnlyList<string> Zones, IReadOnlyList<DayCases> PerDay)> CasesPerDayAsync(DateOnly day, CancellationToken ct = default)
    {
        var from = day.AddDays(1 - Days);
        var cases = await health.Cases().Where(c => c.ConfirmedOn >= from && c.ConfirmedOn <= day)
            .Select(c => new
            {
                c.ConfirmedOn,   // the zone of the employer on the confirmation date, not today's
                Zone = c.Worker!.Employments.Where(e => e.From <= c.ConfirmedOn && (e.To == null || e.To > c.ConfirmedOn)).OrderByDescending(e => e.From)
                    .Select(e => e.Enterprise!.IndustrialZone!.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var zoneNames = cases.Select(c => c.Zone ?? OutsideZones).Distinct().Order(StringComparer.Ordinal).ToList();
        var perDay = Enumerable.Range(0, Days).Select(i => from.AddDays(i)).Select(d =>
        {
            var those = cases.Where(c => c.ConfirmedOn == d).ToList();
            return new DayCases(d, those.GroupBy(c => c.Zone ?? OutsideZones).ToDictionary(g => g.Key, g => g.Count()), those.Count);
        }).ToList();
        return (zoneNames, perDay);
    }
}
