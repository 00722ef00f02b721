using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Outbreak.Zones;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Demo;

/// <summary>The wave's own orders, beside the province's of 18/05 (<see cref="DemoZoneOrders"/>): an enterprise with a case
/// outside the four suspended zones is put under medical isolation for 14 days from the day after its first case and then
/// resumes; so is a lodging house outside Nếnh (itself isolated) where a third case lives. Decision 2787/QĐ-BYT: isolate the
/// place, trace, test. Orders end by 30/06, so the province is back to normal on 01/07/2021 as the story says.</summary>
internal static class DemoWaveZones
{
    private static readonly string[] Suspended = ["DT", "QC", "VT", "SKNH"];
    private static readonly DateOnly LastIsolationDay = new(2021, 6, 30);
    private const int IsolationDays = 14, CasesForLodging = 3, MaxLodgingClusters = 60;
    private const string Health = "Trung tâm Kiểm soát bệnh tật tỉnh Bắc Giang (demo)";

    public static async Task<int> AddAsync(LachanDb db, IReadOnlyList<(Case Case, int? EnterpriseId, int? HouseId)> places, WaveRegistry reg, CancellationToken ct)
    {
        var number = await db.Set<ZoneOrder>().CountAsync(ct);
        var zones = new List<ControlZone>();
        var enterprises = places.Where(p => p.EnterpriseId is int e && !Suspended.Contains(reg.ZoneOfEnterprise[e]))
            .GroupBy(p => p.EnterpriseId!.Value).Select(g => (Id: g.Key, First: g.Min(p => p.Case.ConfirmedOn))).OrderBy(x => x.First).ThenBy(x => x.Id).ToList();
        var names = await db.Set<Enterprise>().AsNoTracking().Where(e => enterprises.Select(x => x.Id).Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => (e.Name, e.ProvinceCode), ct);
        foreach (var (id, first) in enterprises)
            if (Isolation(first, ref number) is { } order)
                zones.Add(new ControlZone { Name = names[id].Name, Kind = ControlZoneKind.EnterpriseSite, EnterpriseId = id, ProvinceCode = names[id].ProvinceCode, Orders = [order] });

        var houses = places.Where(p => p.HouseId is int h && reg.CommuneOfHouse[h] != DemoProvince.DemoCommuneCode)
            .GroupBy(p => p.HouseId!.Value).Where(g => g.Count() >= CasesForLodging)
            .Select(g => (Id: g.Key, Third: g.Select(p => p.Case.ConfirmedOn).Order().ElementAt(CasesForLodging - 1)))
            .OrderBy(x => x.Third).ThenBy(x => x.Id).Take(MaxLodgingClusters).ToList();
        var houseNames = await db.Set<LodgingHouse>().AsNoTracking().Where(h => houses.Select(x => x.Id).Contains(h.Id))
            .ToDictionaryAsync(h => h.Id, h => (h.Name, h.ProvinceCode), ct);
        foreach (var (id, third) in houses)
            if (Isolation(third, ref number) is { } order)
                zones.Add(new ControlZone
                {
                    Name = houseNames[id].Name, Kind = ControlZoneKind.LodgingCluster, ProvinceCode = houseNames[id].ProvinceCode,
                    LodgingHouses = [new ControlZoneLodging { LodgingHouseId = id }], Orders = [order],
                });
        db.Set<ControlZone>().AddRange(zones);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return zones.Count;
    }

    /// <summary>Decided on the day of the case, in force from the next day for 14 days; none that would run into July.</summary>
    private static ZoneOrder? Isolation(DateOnly caseOn, ref int number)
    {
        var from = caseOn.AddDays(1);
        if (from.AddDays(IsolationDays - 1) > LastIsolationDay) return null;
        return new ZoneOrder
        {
            Level = ZoneLevel.MedicalIsolation, DecisionNumber = $"{++number:000}/QĐ-CDC (demo)", DecisionDate = caseOn, IssuedBy = Health,
            EffectiveFrom = from, EffectiveTo = from.AddDays(IsolationDays - 1),
        };
    }
}
