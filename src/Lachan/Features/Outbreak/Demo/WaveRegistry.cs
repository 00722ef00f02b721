using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Demo;

/// <summary>The registry as the wave needs it, read once: who worked where and lived where, with dates. "On a date" has
/// the meaning of the F1 suggestions (<see cref="Cases.ContactSuggestions.RankAsync"/>: From ≤ d ≤ To), so every contact
/// the wave makes is one the suggestion rule offers on the same date (DemoWaveTests checks it against the rule).</summary>
internal sealed class WaveRegistry
{
    internal sealed record Job(int EnterpriseId, string? Workshop, DateOnly From, DateOnly? To);
    internal sealed record Home(int LodgingHouseId, DateOnly From, DateOnly? To);

    private readonly Dictionary<int, Job[]> _jobs;
    private readonly Dictionary<int, Home[]> _homes;
    public Dictionary<(int Enterprise, string? Workshop), int[]> Workshops { get; }
    public Dictionary<int, int[]> EnterpriseStaff { get; }
    public Dictionary<int, int[]> Housemates { get; }
    /// <summary>Industrial-zone code → everyone who ever worked at one of its enterprises.</summary>
    public Dictionary<string, int[]> ZoneStaff { get; }
    public Dictionary<int, string?> ZoneOfEnterprise { get; }
    public Dictionary<string, string> ZoneNames { get; }
    public Dictionary<int, string> CommuneOfHouse { get; }

    private WaveRegistry(List<(int Worker, Job Job)> jobs, List<(int Worker, Home Home)> homes, Dictionary<int, string?> zoneOf,
        Dictionary<string, string> zoneNames, Dictionary<int, string> communeOfHouse)
    {
        _jobs = jobs.GroupBy(j => j.Worker).ToDictionary(g => g.Key, g => g.Select(j => j.Job).OrderByDescending(j => j.From).ToArray());
        _homes = homes.GroupBy(h => h.Worker).ToDictionary(g => g.Key, g => g.Select(h => h.Home).OrderByDescending(h => h.From).ToArray());
        Workshops = jobs.GroupBy(j => (j.Job.EnterpriseId, j.Job.Workshop)).ToDictionary(g => g.Key, g => g.Select(j => j.Worker).Distinct().ToArray());
        EnterpriseStaff = jobs.GroupBy(j => j.Job.EnterpriseId).ToDictionary(g => g.Key, g => g.Select(j => j.Worker).Distinct().ToArray());
        Housemates = homes.GroupBy(h => h.Home.LodgingHouseId).ToDictionary(g => g.Key, g => g.Select(h => h.Worker).Distinct().ToArray());
        ZoneStaff = jobs.Where(j => zoneOf.GetValueOrDefault(j.Job.EnterpriseId) is not null)
            .GroupBy(j => zoneOf[j.Job.EnterpriseId]!).ToDictionary(g => g.Key, g => g.Select(j => j.Worker).Distinct().ToArray());
        ZoneOfEnterprise = zoneOf;
        ZoneNames = zoneNames;
        CommuneOfHouse = communeOfHouse;
    }

    public static async Task<WaveRegistry> LoadAsync(LachanDb db, CancellationToken ct)
    {
        // the whole history, ordered, so the same registry gives the same arrays on both databases
        var jobs = (await db.Set<Employment>().AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.WorkerId, e.EnterpriseId, e.Workshop, e.From, e.To }).ToListAsync(ct))
            .Select(e => (e.WorkerId, new Job(e.EnterpriseId, e.Workshop, e.From, e.To))).ToList();
        var homes = (await db.Set<Residence>().AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.WorkerId, r.LodgingHouseId, r.From, r.To }).ToListAsync(ct))
            .Select(r => (r.WorkerId, new Home(r.LodgingHouseId, r.From, r.To))).ToList();
        var zoneOf = (await db.Set<Enterprise>().AsNoTracking().Select(e => new { e.Id, Zone = e.IndustrialZone == null ? null : e.IndustrialZone.Code }).ToListAsync(ct))
            .ToDictionary(e => e.Id, e => e.Zone);
        var zoneNames = await db.Set<IndustrialZone>().AsNoTracking().ToDictionaryAsync(z => z.Code, z => z.Name, ct);
        var communes = await db.Set<LodgingHouse>().AsNoTracking().ToDictionaryAsync(h => h.Id, h => h.CommuneCode, ct);
        return new WaveRegistry(jobs, homes, zoneOf, zoneNames, communes);
    }

    private static bool Covers(DateOnly from, DateOnly? to, DateOnly on) => from <= on && (to is null || to >= on);

    /// <summary>The latest employment covering the date, as the suggestion rule takes the source's.</summary>
    public Job? JobOn(int worker, DateOnly on) => _jobs.TryGetValue(worker, out var jobs) ? jobs.FirstOrDefault(j => Covers(j.From, j.To, on)) : null;

    public Home? HomeOn(int worker, DateOnly on) => _homes.TryGetValue(worker, out var homes) ? homes.FirstOrDefault(h => Covers(h.From, h.To, on)) : null;

    public bool WorksAt(int worker, int enterprise, DateOnly on) =>
        _jobs.TryGetValue(worker, out var jobs) && jobs.Any(j => j.EnterpriseId == enterprise && Covers(j.From, j.To, on));

    public bool LivesIn(int worker, int house, DateOnly on) =>
        _homes.TryGetValue(worker, out var homes) && homes.Any(h => h.LodgingHouseId == house && Covers(h.From, h.To, on));
}
