using Lachan.Infrastructure;
using System.Runtime.InteropServices;
using Lachan.Features.Registry.Model;
using Lachan.Features.Registry.Rules;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

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
/// jurisdiction. The orders and places are few and evaluated in memory (<see cref="ZoneTimeline"/>). The counts come
/// from two lean indexed queries (ids only: employments of the stopped enterprises, residences in the locked houses);
/// names are read only for the page shown, which the database sorts and cuts (at 300,000 workers, reading every
/// affected worker's name took four times as long as the rest).</summary>
public sealed class AffectedWorkers(LachanDb db, Jurisdiction scope, TimeProvider time)
{
    /// <summary>What the orders in force on the day stop and lock, before any worker is read.</summary>
    private sealed record Situation(DateOnly Day, string? ZoneName, string? OrderNumber, List<Enterprise> Enterprises, List<(Enterprise Enterprise, ZoneOrder Order)> Stopping,
        List<int> StoppedIds, List<int> LockedHouses);

    public async Task<AffectedResult?> RunAsync(AffectedQuery query, CancellationToken ct = default)
    {
        await using var scan = await SqliteMemoryMap.ForScanAsync(db, ct);
        if (await SituationAsync(query, ct) is not { } s) return null;
        var rows = await RowsAsync(s, ct);
        var names = await PlaceNamesAsync(s, ct);

        // one pass over ~200,000 rows counting by id, then a few hundred ids folded into names
        var (byEnterprise, byHouse, byProvince) = (new Dictionary<int, int>(), new Dictionary<int, int>(), new Dictionary<string, int>(StringComparer.Ordinal));
        int withoutEnterprise = 0, withoutHouse = 0, employerStopped = 0, lodgingLocked = 0;
        foreach (var r in rows.Values)
        {
            if (r.EnterpriseId is int e) CollectionsMarshal.GetValueRefOrAddDefault(byEnterprise, e, out _)++; else withoutEnterprise++;
            if (r.LodgingHouseId is int h) CollectionsMarshal.GetValueRefOrAddDefault(byHouse, h, out _)++; else withoutHouse++;
            CollectionsMarshal.GetValueRefOrAddDefault(byProvince, r.HomeProvinceCode, out _)++;
            if (r.EmployerStopped) employerStopped++;
            if (r.LodgingLocked) lodgingLocked++;
        }
        static IReadOnlyList<CountRow> Named<TKey>(Dictionary<TKey, int> byKey, int withoutKey, Func<TKey, string?> name) where TKey : notnull
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            if (withoutKey > 0) counts["—"] = withoutKey;
            foreach (var (key, n) in byKey) CollectionsMarshal.GetValueRefOrAddDefault(counts, name(key) ?? "—", out _) += n;
            return counts.Select(c => new CountRow(c.Key, c.Value)).OrderByDescending(c => c.Workers).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        }
        var counts = new AffectedCounts(rows.Count, employerStopped, lodgingLocked, s.StoppedIds.Count, s.LockedHouses.Count,
            Named(byEnterprise, withoutEnterprise, id => names.Zone(id)), Named(byEnterprise, withoutEnterprise, id => names.Enterprise(id)),
            Named(byHouse, withoutHouse, id => names.Commune(id)), Named(byProvince, 0, code => ProvinceCodes.Names.GetValueOrDefault(code, code)));

        var visible = await scope.Enterprises(db.Enterprises.AsNoTracking()).Where(e => s.StoppedIds.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct);
        var stopped = s.Stopping.Where(x => visible.Contains(x.Enterprise.Id))
            .Select(x => new StoppedEnterprise(x.Enterprise.Id, x.Enterprise.Name, x.Enterprise.TaxCode, names.Zone(x.Enterprise.Id), x.Order.DecisionNumber, x.Order.Id))
            .OrderBy(x => x.IndustrialZone).ThenBy(x => x.Name, StringComparer.Ordinal).ToList();

        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var items = await NamedAsync(s, rows, names, q => q.PageOf(page, size), ct);
        return new AffectedResult(s.Day, s.ZoneName, s.OrderNumber, counts, stopped, new Paged<AffectedWorker>(items, rows.Count, page, size));
    }

    /// <summary>Every affected worker by name, for export.</summary>
    public async Task<IReadOnlyList<AffectedWorker>?> AllAsync(AffectedQuery query, CancellationToken ct = default)
    {
        await using var scan = await SqliteMemoryMap.ForScanAsync(db, ct);
        if (await SituationAsync(query, ct) is not { } s) return null;
        return await NamedAsync(s, await RowsAsync(s, ct), await PlaceNamesAsync(s, ct), q => q, ct);
    }

    /// <summary>How many enterprises orders stop on the day, province-wide, without reading any worker.</summary>
    public async Task<int> EnterprisesStoppedAsync(DateOnly day, CancellationToken ct = default) =>
        (await SituationAsync(new AffectedQuery { Date = day }, ct))!.StoppedIds.Count;

    private async Task<Situation?> SituationAsync(AffectedQuery query, CancellationToken ct)
    {
        var zonesQuery = db.ControlZones.WithOrders();
        string? zoneName = null, orderNumber = null;
        var day = query.Date ?? time.ProvinceToday();
        List<ControlZone> zones;
        if (query.Order is int orderId)
        {
            var order = await db.ZoneOrders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId, ct);
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
        var stopping = enterprises.Select(e => (e, ZoneTimeline.StoppingOrder(e, zones, day))).Where(x => x.Item2 is not null).Select(x => (x.e, x.Item2!)).ToList();
        var locked = zones.Where(z => ZoneTimeline.Restricts(ZoneTimeline.LevelOn(z.Orders, day))).ToList();
        var lockedCommunes = locked.Where(z => z.Kind == ControlZoneKind.Commune).Select(z => z.CommuneCode!).ToList();
        var clusterHouses = locked.SelectMany(z => z.LodgingHouses).Select(l => l.LodgingHouseId).Distinct().ToList();
        var lockedHouses = lockedCommunes.Count == 0 && clusterHouses.Count == 0 ? [] : await db.LodgingHouses.AsNoTracking()
            .Where(l => lockedCommunes.Contains(l.CommuneCode) || clusterHouses.Contains(l.Id)).Select(l => l.Id).ToListAsync(ct);
        return new Situation(day, zoneName, orderNumber, enterprises, stopping, stopping.Select(x => x.Item1.Id).ToList(), lockedHouses);
    }

    /// <summary>Just what places an enterprise in zones and names it.</summary>
    private Task<List<Enterprise>> EnterprisesAsync(CancellationToken ct) =>
        db.Enterprises.AsNoTracking()
            .Select(e => new Enterprise { Id = e.Id, Name = e.Name, TaxCode = e.TaxCode, NameSearch = "", IndustrialZoneId = e.IndustrialZoneId, CommuneCode = e.CommuneCode, DistrictCode = "", ProvinceCode = "" })
            .ToListAsync(ct);

    /// <summary>One affected worker without names: the employer and lodging held on the day, and why.</summary>
    private readonly record struct Row(int Id, string HomeProvinceCode, int? EnterpriseId, int? LodgingHouseId, bool EmployerStopped, bool LodgingLocked);

    /// <summary>Two indexed scans, read without EF's materializer (<see cref="PlainReader"/>): the workers employed by a
    /// stopped enterprise on the day with their lodging, and the residents of a locked house with their employer.</summary>
    private async Task<Dictionary<int, Row>> RowsAsync(Situation s, CancellationToken ct)
    {
        var (day, stoppedIds, lockedHouses) = (s.Day, s.StoppedIds, s.LockedHouses);
        var workers = scope.Workers(db.Workers.AsNoTracking());
        var locked = lockedHouses.ToHashSet();
        var stopped = stoppedIds.ToHashSet();
        var provinces = new Dictionary<string, string>(StringComparer.Ordinal);   // ~63 codes: one string each, not one per row
        string Province(System.Data.Common.DbDataReader r)
        {
            var code = r.GetString(1);
            return provinces.TryGetValue(code, out var shared) ? shared : provinces[code] = code;
        }
        static int? IntOrNull(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);

        // Joined rather than looked up per row: PostgreSQL then hashes the day's residences (0.6 s instead of 2.1 s at
        // 300,000 workers); SQLite probes the same index either way. A worker with two on the day gives two rows, one kept.
        var residencesOnDay = db.Residences.Where(r => r.From <= day && (r.To == null || r.To > day));
        var employmentsOnDay = db.Employments.Where(e => e.From <= day && (e.To == null || e.To > day));
        var rows = new Dictionary<int, Row>();
        if (stoppedIds.Count > 0)
            await workers.SelectMany(w => w.Employments, (w, e) => new { w, e })
                .Where(x => stoppedIds.Contains(x.e.EnterpriseId) && x.e.From <= day && (x.e.To == null || x.e.To > day))
                .LeftJoin(residencesOnDay, x => x.w.Id, r => r.WorkerId, (x, r) => new { x.w.Id, x.w.HomeProvinceCode, x.e.EnterpriseId, LodgingHouseId = (int?)r!.LodgingHouseId })
                .ReadEachAsync(db, 4, r =>
                {
                    var house = IntOrNull(r, 3);
                    rows[r.GetInt32(0)] = new Row(r.GetInt32(0), Province(r), r.GetInt32(2), house, true, house is int h && locked.Contains(h));
                }, ct);
        if (lockedHouses.Count > 0)
            await workers.SelectMany(w => w.Residences, (w, r) => new { w, r })
                .Where(x => lockedHouses.Contains(x.r.LodgingHouseId) && x.r.From <= day && (x.r.To == null || x.r.To > day))
                .LeftJoin(employmentsOnDay, x => x.w.Id, e => e.WorkerId, (x, e) => new { x.w.Id, x.w.HomeProvinceCode, EnterpriseId = (int?)e!.EnterpriseId, x.r.LodgingHouseId })
                .ReadEachAsync(db, 4, r =>
                {
                    var enterprise = IntOrNull(r, 2);
                    rows.TryAdd(r.GetInt32(0), new Row(r.GetInt32(0), Province(r), enterprise, r.GetInt32(3), enterprise is int e && stopped.Contains(e), true));
                }, ct);
        return rows;
    }

    /// <summary>The affected workers by name (without diacritics, then id), cut by the database.</summary>
    private async Task<List<AffectedWorker>> NamedAsync(Situation s, Dictionary<int, Row> rows, PlaceNames names,
        Func<IQueryable<Worker>, IQueryable<Worker>> cut, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var (day, stoppedIds, lockedHouses) = (s.Day, s.StoppedIds, s.LockedHouses);
        var affected = scope.Workers(db.Workers.AsNoTracking()).Where(w =>
            w.Employments.Any(e => stoppedIds.Contains(e.EnterpriseId) && e.From <= day && (e.To == null || e.To > day))
            || w.Residences.Any(r => lockedHouses.Contains(r.LodgingHouseId) && r.From <= day && (r.To == null || r.To > day)));
        var people = await cut(affected.OrderBy(w => w.NameSearch).ThenBy(w => w.Id)).Select(w => new { w.Id, w.FullName, w.DateOfBirth }).ToListAsync(ct);
        return people.Where(p => rows.ContainsKey(p.Id)).Select(p =>
        {
            var r = rows[p.Id];
            return new AffectedWorker(p.Id, p.FullName, p.DateOfBirth.Year, ProvinceCodes.Names.GetValueOrDefault(r.HomeProvinceCode, r.HomeProvinceCode),
                names.Enterprise(r.EnterpriseId), names.Zone(r.EnterpriseId), names.House(r.LodgingHouseId), names.Commune(r.LodgingHouseId), r.EmployerStopped, r.LodgingLocked);
        }).ToList();
    }

    /// <summary>Names of the province's places: a few thousand rows, fewer than the affected workers' references to them.</summary>
    private async Task<PlaceNames> PlaceNamesAsync(Situation s, CancellationToken ct) => new(
        s.Enterprises.ToDictionary(e => e.Id),
        await db.IndustrialZones.AsNoTracking().ToDictionaryAsync(z => z.Id, z => z.Name, ct),
        await db.LodgingHouses.AsNoTracking().Select(l => new { l.Id, l.Name, l.CommuneCode }).ToDictionaryAsync(l => l.Id, l => (l.Name, l.CommuneCode), ct),
        await db.AdminUnits.AsNoTracking().Where(u => u.Level == AdminLevel.Commune).ToDictionaryAsync(u => u.Code, u => u.Name, ct));

    private sealed record PlaceNames(Dictionary<int, Enterprise> Enterprises, Dictionary<int, string> Zones,
        Dictionary<int, (string Name, string CommuneCode)> Houses, Dictionary<string, string> Communes)
    {
        public string? Enterprise(int? id) => id is int i && Enterprises.TryGetValue(i, out var e) ? e.Name : null;
        public string? Zone(int? enterpriseId) => enterpriseId is int i && Enterprises.TryGetValue(i, out var e) && e.IndustrialZoneId is int z ? Zones[z] : null;
        public string? House(int? id) => id is int i && Houses.TryGetValue(i, out var h) ? h.Name : null;
        public string? Commune(int? houseId) => houseId is int i && Houses.TryGetValue(i, out var h) ? Communes.GetValueOrDefault(h.CommuneCode) : null;
    }
}
