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
    IReadOnlyList<StoppedEnterprise> Enterprises, Paged<AffectedWorker> Workers)
{
    /// <summary>Every affected worker, for export (the list above is one page of it).</summary>
    internal IReadOnlyList<AffectedWorker> All { get; init; } = [];
}

/// <summary>Computes who is affected from the orders in force on the day: workers employed at an enterprise that an
/// order stops, and workers residing in a lodging house inside a locked zone. Workers are those of the caller's
/// jurisdiction. The orders and places are few and evaluated in memory (<see cref="ZoneTimeline"/>); the workers are
/// found by two indexed queries (employments of the stopped enterprises, residences in the locked houses).</summary>
public sealed class AffectedWorkers(LachanDb db, Jurisdiction scope, TimeProvider time)
{
    public async Task<AffectedResult?> RunAsync(AffectedQuery query, CancellationToken ct = default)
    {
        var zonesQuery = db.ControlZones.AsNoTracking().Include(z => z.Orders).ThenInclude(o => o.Exemptions).Include(z => z.LodgingHouses).AsSplitQuery();
        string? zoneName = null, orderNumber = null;
        var day = query.Date ?? DateOnly.FromDateTime(time.GetLocalNow().DateTime);
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

        var enterprises = await db.Enterprises.AsNoTracking()
            .Select(e => new Enterprise { Id = e.Id, Name = e.Name, TaxCode = e.TaxCode, NameSearch = "", IndustrialZoneId = e.IndustrialZoneId, CommuneCode = e.CommuneCode, DistrictCode = "", ProvinceCode = "" })
            .ToListAsync(ct);
        var stopping = enterprises.Select(e => (e, Order: ZoneTimeline.StoppingOrder(e, zones, day))).Where(x => x.Order is not null).ToList();
        var stoppedIds = stopping.Select(x => x.e.Id).ToList();

        var locked = zones.Where(z => ZoneTimeline.Restricts(ZoneTimeline.LevelOn(z.Orders, day))).ToList();
        var lockedCommunes = locked.Where(z => z.Kind == ControlZoneKind.Commune).Select(z => z.CommuneCode!).ToList();
        var clusterHouses = locked.SelectMany(z => z.LodgingHouses).Select(l => l.LodgingHouseId).Distinct().ToList();
        var lockedHouses = await db.LodgingHouses.AsNoTracking()
            .Where(l => lockedCommunes.Contains(l.CommuneCode) || clusterHouses.Contains(l.Id)).Select(l => l.Id).ToListAsync(ct);

        var workers = scope.Workers(db.Workers.AsNoTracking());
        var byEmployer = await workers.SelectMany(w => w.Employments, (w, e) => new { w, e })
            .Where(x => stoppedIds.Contains(x.e.EnterpriseId) && x.e.From <= day && (x.e.To == null || x.e.To > day))
            .Select(x => new Row(x.w.Id, x.w.FullName, x.w.NameSearch, x.w.DateOfBirth, x.w.HomeProvinceCode, x.e.EnterpriseId,
                x.w.Residences.Where(r => r.From <= day && (r.To == null || r.To > day)).Select(r => (int?)r.LodgingHouseId).FirstOrDefault()))
            .ToListAsync(ct);
        var byLodging = await workers.SelectMany(w => w.Residences, (w, r) => new { w, r })
            .Where(x => lockedHouses.Contains(x.r.LodgingHouseId) && x.r.From <= day && (x.r.To == null || x.r.To > day))
            .Select(x => new Row(x.w.Id, x.w.FullName, x.w.NameSearch, x.w.DateOfBirth, x.w.HomeProvinceCode,
                x.w.Employments.Where(e => e.From <= day && (e.To == null || e.To > day)).Select(e => (int?)e.EnterpriseId).FirstOrDefault(), x.r.LodgingHouseId))
            .ToListAsync(ct);

        var rows = byEmployer.Concat(byLodging).DistinctBy(r => r.Id).OrderBy(r => r.NameSearch, StringComparer.Ordinal).ThenBy(r => r.Id).ToList();
        var stoppedSet = stoppedIds.ToHashSet();
        var lockedSet = lockedHouses.ToHashSet();
        var names = await NamesAsync(rows, ct);
        var zoneNames = await db.IndustrialZones.AsNoTracking().ToDictionaryAsync(z => z.Id, z => z.Name, ct);
        var enterpriseById = enterprises.ToDictionary(e => e.Id);
        string? Iz(int? enterpriseId) => enterpriseId is int id && enterpriseById[id].IndustrialZoneId is int iz ? zoneNames[iz] : null;

        var all = rows.Select(r => new AffectedWorker(r.Id, r.FullName, r.DateOfBirth.Year, ProvinceCodes.Names.GetValueOrDefault(r.HomeProvinceCode, r.HomeProvinceCode),
            r.EnterpriseId is int e ? enterpriseById[e].Name : null, Iz(r.EnterpriseId),
            r.LodgingHouseId is int l ? names.Houses[l].Name : null, r.LodgingHouseId is int l2 ? names.Communes.GetValueOrDefault(names.Houses[l2].CommuneCode) : null,
            r.EnterpriseId is int s && stoppedSet.Contains(s), r.LodgingHouseId is int k && lockedSet.Contains(k))).ToList();

        static IReadOnlyList<CountRow> By(IEnumerable<AffectedWorker> ws, Func<AffectedWorker, string?> key) =>
            ws.GroupBy(w => key(w) ?? "—").Select(g => new CountRow(g.Key, g.Count())).OrderByDescending(c => c.Workers).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        var counts = new AffectedCounts(all.Count, all.Count(w => w.EmployerStopped), all.Count(w => w.LodgingLocked), stoppedIds.Count, lockedHouses.Count,
            By(all, w => w.IndustrialZone), By(all, w => w.Enterprise), By(all, w => w.Commune), By(all, w => w.HomeProvince));

        var visibleEnterprises = await scope.Enterprises(db.Enterprises.AsNoTracking()).Where(e => stoppedIds.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct);
        var stoppedList = stopping.Where(x => visibleEnterprises.Contains(x.e.Id))
            .Select(x => new StoppedEnterprise(x.e.Id, x.e.Name, x.e.TaxCode, Iz(x.e.Id), x.Order!.DecisionNumber, x.Order.Id))
            .OrderBy(x => x.IndustrialZone).ThenBy(x => x.Name, StringComparer.Ordinal).ToList();

        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var pageItems = all.Skip((page - 1) * size).Take(size).ToList();
        return new AffectedResult(day, zoneName, orderNumber, counts, stoppedList, new Paged<AffectedWorker>(pageItems, all.Count, page, size)) { All = all };
    }

    private sealed record Row(int Id, string FullName, string NameSearch, DateOnly DateOfBirth, string HomeProvinceCode, int? EnterpriseId, int? LodgingHouseId);

    private sealed record PlaceNames(Dictionary<int, (string Name, string CommuneCode)> Houses, Dictionary<string, string> Communes);

    private async Task<PlaceNames> NamesAsync(List<Row> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.LodgingHouseId).OfType<int>().Distinct().ToList();
        var houses = (await db.LodgingHouses.AsNoTracking().Where(l => ids.Contains(l.Id)).Select(l => new { l.Id, l.Name, l.CommuneCode }).ToListAsync(ct))
            .ToDictionary(l => l.Id, l => (l.Name, l.CommuneCode));
        var communes = await db.AdminUnits.AsNoTracking().Where(u => u.Level == AdminLevel.Commune).ToDictionaryAsync(u => u.Code, u => u.Name, ct);
        return new PlaceNames(houses, communes);
    }
}
