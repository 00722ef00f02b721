using Lachan.Infrastructure;
using System.Runtime.InteropServices;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Lachan.Infrastructure.Calendar;

namespace Lachan.Features.Outbreak.Zones;

/// <summary>"Who is affected on date D": for the whole province, one zone or one order.</summary>
public sealed record AffectedQuery
{
    public DateOnly? Date { get; init; }
    public int? Zone { get; init; }
    public int? Order { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

/// <summary>One affected worker with the employer and lodging held on the day, and why they are affected.</summary>
public sealed record AffectedWorker(int Id, string FullName, int BirthYear, string HomeProvince,
    string? Enterprise, string? IndustrialZone, string? LodgingHouse, string? Commune, bool EmployerStopped, bool LodgingLocked);

public sealed record StoppedEnterprise(int Id, string Name, string TaxCode, string? IndustrialZone, string DecisionNumber, int OrderId);

public sealed record CountRow(string Name, int Workers);

public sealed record AffectedCounts(int Workers, int EmployerStopped, int LodgingLocked, int EnterprisesStopped, int LodgingHousesLocked,
    IReadOnlyList<CountRow> ByIndustrialZone, IReadOnlyList<CountRow> ByEnterprise, IReadOnlyList<CountRow> ByCommune, IReadOnlyList<CountRow> ByHomeProvince);

public sealed record AffectedResult(DateOnly Date, string? ZoneName, string? OrderNumber, AffectedCounts Counts,
    IReadOnlyList<StoppedEnterprise> Enterprises, Paged<AffectedWorker> Workers);

/// <summary>Computes who is affected from the orders in force on the day: workers employed at an enterprise that an
/// order stops, and workers residing in a lodging house inside a locked zone. Workers are those of the caller's
/// jurisdiction on the day (employed or residing there then, not today). The orders and places are few and evaluated in memory (<see cref="ZoneTimeline"/>). The counts are
/// tallied while two indexed scans are read (employments of the stopped enterprises, residences in the locked houses),
/// in two halves at once, without keeping a row per worker; names are read only for the page shown, which the database
/// sorts and cuts. Measured at 300,000 workers in docs/performance.md.</summary>
public sealed class AffectedWorkers(LachanDb db, Jurisdiction scope, ProvinceCalendar calendar, PlainReader reader, AuditLog audit)
{
    /// <summary>What the orders in force on the day stop and lock, before any worker is read.</summary>
    private sealed record Situation(DateOnly Day, string? ZoneName, string? OrderNumber, List<Enterprise> Enterprises, List<(Enterprise Enterprise, ZoneOrder Order)> Stopping,
        List<int> StoppedIds, List<int> LockedHouses);

    public async Task<AffectedResult?> RunAsync(AffectedQuery query, CancellationToken ct = default)
    {
        await using var scan = await SqliteMemoryMap.ForScanAsync(db, ct);
        if (await SituationAsync(query, ct) is not { } s) return null;
        var tally = await TallyAsync(s, ct);
        var names = await PlaceNamesAsync(s, ct);

        static IReadOnlyList<CountRow> Named<TKey>(Dictionary<TKey, int> byKey, int withoutKey, Func<TKey, string?> name) where TKey : notnull
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            if (withoutKey > 0) counts["—"] = withoutKey;
            foreach (var (key, n) in byKey) CollectionsMarshal.GetValueRefOrAddDefault(counts, name(key) ?? "—", out _) += n;
            return counts.Select(c => new CountRow(c.Key, c.Value)).OrderByDescending(c => c.Workers).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        }
        var counts = new AffectedCounts(tally.Workers, tally.EmployerStopped, tally.LodgingLocked, s.StoppedIds.Count, s.LockedHouses.Count,
            Named(tally.ByEnterprise, tally.WithoutEnterprise, id => names.Zone(id)), Named(tally.ByEnterprise, tally.WithoutEnterprise, id => names.Enterprise(id)),
            Named(tally.ByHouse, tally.WithoutHouse, id => names.Commune(id)), Named(tally.ByProvince, 0, code => ProvinceCodes.Names.GetValueOrDefault(code, code)));

        var visible = await scope.Enterprises(db.Set<Enterprise>().AsNoTracking()).Where(e => s.StoppedIds.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct);
        var stopped = s.Stopping.Where(x => visible.Contains(x.Enterprise.Id))
            .Select(x => new StoppedEnterprise(x.Enterprise.Id, x.Enterprise.Name, x.Enterprise.TaxCode, names.Zone(x.Enterprise.Id), x.Order.DecisionNumber, x.Order.Id))
            .OrderBy(x => x.IndustrialZone).ThenBy(x => x.Name, StringComparer.Ordinal).ToList();

        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var items = tally.Workers == 0 ? [] : await NamedAsync(s, names, q => q.PageOf(page, size), ct);
        await audit.ListedAsync("AffectedWorkers", query, page, items.Select(w => w.Id), tally.Workers, ct);   // a page of named workers: audited like the export
        return new AffectedResult(s.Day, s.ZoneName, s.OrderNumber, counts, stopped, new Paged<AffectedWorker>(items, tally.Workers, page, size));
    }

    /// <summary>The two headline counts of <see cref="RunAsync"/> for a day (workers affected, stopped enterprises shown),
    /// for the home pages: no names read, so nothing to audit.</summary>
    public async Task<(int Workers, int EnterprisesStopped)> CountsAsync(DateOnly day, CancellationToken ct = default)
    {
        await using var scan = await SqliteMemoryMap.ForScanAsync(db, ct);
        var s = (await SituationAsync(new AffectedQuery { Date = day }, ct))!;
        var tally = await TallyAsync(s, ct);
        var visible = await scope.Enterprises(db.Set<Enterprise>().AsNoTracking()).Where(e => s.StoppedIds.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct);
        return (tally.Workers, s.Stopping.Count(x => visible.Contains(x.Enterprise.Id)));   // as RunAsync lists them
    }

    /// <summary>The stopped enterprises shown (as <see cref="CountsAsync"/> counts them) on each of the days, from one read of
    /// the zones and enterprises; no worker is read.</summary>
    public async Task<IReadOnlyList<int>> EnterprisesStoppedOnDaysAsync(IReadOnlyList<DateOnly> days, CancellationToken ct = default)
    {
        var zones = await db.Set<ControlZone>().WithOrders().ToListAsync(ct);
        var visible = (await scope.Enterprises(db.Set<Enterprise>().AsNoTracking()).Select(e => e.Id).ToListAsync(ct)).ToHashSet();
        var enterprises = (await EnterprisesAsync(ct)).Where(e => visible.Contains(e.Id)).ToList();
        return [.. days.Select(day => enterprises.Count(e => ZoneTimeline.StoppingOrder(e, zones, day) is not null))];
    }

    /// <summary>Every affected worker by name, for export.</summary>
    public async Task<IReadOnlyList<AffectedWorker>?> AllAsync(AffectedQuery query, CancellationToken ct = default)
    {
        await using var scan = await SqliteMemoryMap.ForScanAsync(db, ct);
        if (await SituationAsync(query, ct) is not { } s) return null;
        return await NamedAsync(s, await PlaceNamesAsync(s, ct), q => q, ct);
    }

    /// <summary>How many enterprises orders stop on the day, province-wide, without reading any worker.</summary>
    public async Task<int> EnterprisesStoppedAsync(DateOnly day, CancellationToken ct = default) =>
        (await SituationAsync(new AffectedQuery { Date = day }, ct))!.StoppedIds.Count;

    private async Task<Situation?> SituationAsync(AffectedQuery query, CancellationToken ct)
    {
        var zonesQuery = db.Set<ControlZone>().WithOrders();
        string? zoneName = null, orderNumber = null;
        var day = query.Date ?? calendar.Today;
        List<ControlZone> zones;
        if (query.Order is int orderId)
        {
            var order = await db.Set<ZoneOrder>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId, ct);
            if (order is null) return null;
            zones = await zonesQuery.Where(z => z.Id == order.ControlZoneId).ToListAsync(ct);
            day = query.Date ?? order.EffectiveFrom;
            orderNumber = order.DecisionNumber;
            zoneName = zones[0].Name;
            // Only this order's effect: nothing when another order governs the zone on the day.
            if (ZoneTimeline.InForce(zones[0].Orders, day)?.Id != orderId) zones = [];
        }
        else if (query.Zone is int zoneId)
        {
            zones = await zonesQuery.Where(z => z.Id == zoneId).ToListAsync(ct);
            if (zones.Count == 0) return null;
            zoneName = zones[0].Name;
        }
        else zones = await zonesQuery.ToListAsync(ct);

        var enterprises = await EnterprisesAsync(ct);
        var restrictions = await ZoneRestrictions.OnAsync(db, zones, enterprises, day, ct);
        var stopping = restrictions.Stopping;
        var lockedHouses = restrictions.LockedHouses.Keys.ToList();
        return new Situation(day, zoneName, orderNumber, enterprises, stopping, stopping.Select(x => x.Item1.Id).ToList(), lockedHouses);
    }

    /// <summary>Just what places an enterprise in zones and names it.</summary>
    private Task<List<Enterprise>> EnterprisesAsync(CancellationToken ct) =>
        db.Set<Enterprise>().AsNoTracking()
            .Select(e => new Enterprise { Id = e.Id, Name = e.Name, TaxCode = e.TaxCode, NameSearch = "", IndustrialZoneId = e.IndustrialZoneId, CommuneCode = e.CommuneCode, DistrictCode = "", ProvinceCode = "" })
            .ToListAsync(ct);

    /// <summary>The counts, made while the rows are read; no row is kept. A bit per worker id marks who is counted
    /// already (a worker can come from both scans, or twice from one with two residences on the day). Keeping the
    /// ~200,000 rows of a province-wide day instead made large objects that set off a full collection on every request.</summary>
    private sealed class Tally
    {
        private ulong[] _counted = new ulong[4096];
        public int Workers, EmployerStopped, LodgingLocked, WithoutEnterprise, WithoutHouse;
        public Dictionary<int, int> ByEnterprise { get; } = [];
        public Dictionary<int, int> ByHouse { get; } = [];
        public Dictionary<string, int> ByProvince { get; } = new(StringComparer.Ordinal);

        public void Add(int workerId, string homeProvince, int? enterprise, int? house, bool employerStopped, bool lodgingLocked)
        {
            var (word, bit) = (workerId >> 6, 1UL << (workerId & 63));
            if (word >= _counted.Length) Array.Resize(ref _counted, Math.Max(_counted.Length * 2, word + 1));
            if ((_counted[word] & bit) != 0) return;
            _counted[word] |= bit;
            Workers++;
            if (enterprise is int e) CollectionsMarshal.GetValueRefOrAddDefault(ByEnterprise, e, out _)++; else WithoutEnterprise++;
            if (house is int h) CollectionsMarshal.GetValueRefOrAddDefault(ByHouse, h, out _)++; else WithoutHouse++;
            CollectionsMarshal.GetValueRefOrAddDefault(ByProvince, homeProvince, out _)++;
            if (employerStopped) EmployerStopped++;
            if (lodgingLocked) LodgingLocked++;
        }

        /// <summary>The tallies of disjoint sets of workers, added up.</summary>
        public static Tally Sum(IEnumerable<Tally> parts)
        {
            var sum = new Tally();
            foreach (var p in parts)
            {
                (sum.Workers, sum.EmployerStopped, sum.LodgingLocked) = (sum.Workers + p.Workers, sum.EmployerStopped + p.EmployerStopped, sum.LodgingLocked + p.LodgingLocked);
                (sum.WithoutEnterprise, sum.WithoutHouse) = (sum.WithoutEnterprise + p.WithoutEnterprise, sum.WithoutHouse + p.WithoutHouse);
                foreach (var (k, n) in p.ByEnterprise) CollectionsMarshal.GetValueRefOrAddDefault(sum.ByEnterprise, k, out _) += n;
                foreach (var (k, n) in p.ByHouse) CollectionsMarshal.GetValueRefOrAddDefault(sum.ByHouse, k, out _) += n;
                foreach (var (k, n) in p.ByProvince) CollectionsMarshal.GetValueRefOrAddDefault(sum.ByProvince, k, out _) += n;
            }
            return sum;
        }
    }

    /// <summary>Two indexed scans, read without EF's materializer (<see cref="PlainReader"/>): the residents of a locked
    /// house with their employer, then the workers employed by a stopped enterprise with their lodging. The workers are
    /// split in two halves by id, each half scanned on its own connection at the same time: the scans are bound by one
    /// core each (at 300,000 workers, ~0.85 s on one core, ~0.5 s on two). No worker is in both halves, so the two
    /// tallies add up.</summary>
    private async Task<Tally> TallyAsync(Situation s, CancellationToken ct)
    {
        var maxId = await db.Set<Worker>().MaxAsync(w => (int?)w.Id, ct) ?? 0;
        var halves = new[] { (From: 0, To: maxId / 2 + 1), (From: maxId / 2 + 1, To: int.MaxValue) };
        var tallies = halves.Select(_ => new Tally()).ToArray();
        var scans = halves.Select((h, i) => ScansOf(s, h.From, h.To, tallies[i])).ToList();   // built one at a time: one DbContext
        await Task.WhenAll(scans.Select(half => Task.Run(() => reader.RunAsync(half, ct), ct)));
        return Tally.Sum(tallies);
    }

    /// <summary>A worker counts once, with the first row read, so the rows that decide the flags come first: the locked
    /// houses' residents before the stopped enterprises' staff (whoever also lives in a locked house was counted as such
    /// already), and for a resident a stopped employer before any other (a worker can hold two on the day).</summary>
    private List<PlainReader.Scan> ScansOf(Situation s, int fromId, int toId, Tally tally)
    {
        var (day, stoppedIds, lockedHouses) = (s.Day, s.StoppedIds, s.LockedHouses);
        var workers = scope.WorkersOn(db.Set<Worker>().AsNoTracking(), day).Where(w => w.Id >= fromId && w.Id < toId);
        var (locked, stopped) = (lockedHouses.ToHashSet(), stoppedIds.ToHashSet());
        static int? IntOrNull(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);

        // Joined rather than looked up per row: PostgreSQL then hashes the day's residences (0.6 s instead of 2.1 s at
        // 300,000 workers); SQLite probes the same index either way.
        var residencesOnDay = db.Set<Residence>().Where(r => r.From <= day && (r.To == null || r.To > day));
        var scans = new List<PlainReader.Scan>();
        if (lockedHouses.Count > 0)   // a few tens of thousands of residents: one lookup each for the employer is cheap
            scans.Add(reader.Prepare(workers.SelectMany(w => w.Residences, (w, r) => new { w, r })
                .Where(x => lockedHouses.Contains(x.r.LodgingHouseId) && x.r.From <= day && (x.r.To == null || x.r.To > day))
                .Select(x => new
                {
                    x.w.Id, x.w.HomeProvinceCode,
                    EnterpriseId = x.w.Employments.Where(e => e.From <= day && (e.To == null || e.To > day))
                        .OrderByDescending(e => stoppedIds.Contains(e.EnterpriseId)).Select(e => (int?)e.EnterpriseId).FirstOrDefault(),
                    x.r.LodgingHouseId,
                }),
                4, r =>
                {
                    var enterprise = IntOrNull(r, 2);
                    tally.Add(r.GetInt32(0), r.GetString(1), enterprise, r.GetInt32(3), enterprise is int e && stopped.Contains(e), true);
                }));
        if (stoppedIds.Count > 0)
            scans.Add(reader.Prepare(workers.SelectMany(w => w.Employments, (w, e) => new { w, e })
                .Where(x => stoppedIds.Contains(x.e.EnterpriseId) && x.e.From <= day && (x.e.To == null || x.e.To > day))
                .LeftJoin(residencesOnDay, x => x.w.Id, r => r.WorkerId, (x, r) => new { x.w.Id, x.w.HomeProvinceCode, x.e.EnterpriseId, LodgingHouseId = (int?)r!.LodgingHouseId }),
                4, r =>
                {
                    var house = IntOrNull(r, 3);
                    tally.Add(r.GetInt32(0), r.GetString(1), r.GetInt32(2), house, true, house is int h && locked.Contains(h));
                }));
        return scans;
    }

    /// <summary>The affected workers by name (without diacritics, then id), cut by the database, each with the employer
    /// and lodging held on the day (a stopped employer and a locked house first, when a worker has two).</summary>
    private async Task<List<AffectedWorker>> NamedAsync(Situation s, PlaceNames names, Func<IQueryable<Worker>, IQueryable<Worker>> cut, CancellationToken ct)
    {
        var (day, stoppedIds, lockedHouses) = (s.Day, s.StoppedIds, s.LockedHouses);
        var affected = scope.WorkersOn(db.Set<Worker>().AsNoTracking(), day).Where(w =>
            w.Employments.Any(e => stoppedIds.Contains(e.EnterpriseId) && e.From <= day && (e.To == null || e.To > day))
            || w.Residences.Any(r => lockedHouses.Contains(r.LodgingHouseId) && r.From <= day && (r.To == null || r.To > day)));
        var people = await cut(affected.OrderBy(w => w.NameSearch).ThenBy(w => w.Id)).Select(w => new
        {
            w.Id, w.FullName, w.DateOfBirth, w.HomeProvinceCode,
            EnterpriseId = w.Employments.Where(e => e.From <= day && (e.To == null || e.To > day))
                .OrderByDescending(e => stoppedIds.Contains(e.EnterpriseId)).Select(e => (int?)e.EnterpriseId).FirstOrDefault(),
            LodgingHouseId = w.Residences.Where(r => r.From <= day && (r.To == null || r.To > day))
                .OrderByDescending(r => lockedHouses.Contains(r.LodgingHouseId)).Select(r => (int?)r.LodgingHouseId).FirstOrDefault(),
        }).ToListAsync(ct);
        var (stopped, locked) = (stoppedIds.ToHashSet(), lockedHouses.ToHashSet());
        return people.Select(p => new AffectedWorker(p.Id, p.FullName, p.DateOfBirth.Year, ProvinceCodes.Names.GetValueOrDefault(p.HomeProvinceCode, p.HomeProvinceCode),
            names.Enterprise(p.EnterpriseId), names.Zone(p.EnterpriseId), names.House(p.LodgingHouseId), names.Commune(p.LodgingHouseId),
            p.EnterpriseId is int e && stopped.Contains(e), p.LodgingHouseId is int h && locked.Contains(h))).ToList();
    }

    /// <summary>Names of the province's places: a few thousand rows, fewer than the affected workers' references to them.</summary>
    private async Task<PlaceNames> PlaceNamesAsync(Situation s, CancellationToken ct) => new(
        s.Enterprises.ToDictionary(e => e.Id),
        await db.Set<IndustrialZone>().AsNoTracking().ToDictionaryAsync(z => z.Id, z => z.Name, ct),
        await db.Set<LodgingHouse>().AsNoTracking().Select(l => new { l.Id, l.Name, l.CommuneCode }).ToDictionaryAsync(l => l.Id, l => (l.Name, l.CommuneCode), ct),
        await db.Set<AdminUnit>().AsNoTracking().Where(u => u.Level == AdminLevel.Commune).ToDictionaryAsync(u => u.Code, u => u.Name, ct));

    private sealed record PlaceNames(Dictionary<int, Enterprise> Enterprises, Dictionary<int, string> Zones,
        Dictionary<int, (string Name, string CommuneCode)> Houses, Dictionary<string, string> Communes)
    {
        public string? Enterprise(int? id) => id is int i && Enterprises.TryGetValue(i, out var e) ? e.Name : null;
        public string? Zone(int? enterpriseId) => enterpriseId is int i && Enterprises.TryGetValue(i, out var e) && e.IndustrialZoneId is int z ? Zones[z] : null;
        public string? House(int? id) => id is int i && Houses.TryGetValue(i, out var h) ? h.Name : null;
        public string? Commune(int? houseId) => houseId is int i && Houses.TryGetValue(i, out var h) ? Communes.GetValueOrDefault(h.CommuneCode) : null;
    }
}
