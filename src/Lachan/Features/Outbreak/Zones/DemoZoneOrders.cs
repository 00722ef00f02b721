using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Zones;

/// <summary>The demo province's May 2021 orders (DOMAIN.md §3), with invented decision numbers: the four IZs suspended
/// on 18/05/2021; Nếnh town, where most of their workers lodge, under medical isolation; 35 enterprises assessed safe
/// and exempted from 24/05; the zones reopening in stages from 28/05 under social distancing, normal from 01/07.</summary>
public static class DemoZoneOrders
{
    private const string SteeringCommittee = "Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh Bắc Giang (demo)";
    private static readonly DateOnly Lockdown = new(2021, 5, 18), Exemptions = new(2021, 5, 24), Normal = new(2021, 7, 1);

    /// <summary>Zone code → first day of its reopening (Đình Trám, where the first cases were, reopens last).</summary>
    private static readonly (string Code, DateOnly Reopens)[] LockedZones =
        [("QC", new(2021, 5, 28)), ("VT", new(2021, 6, 1)), ("SKNH", new(2021, 6, 4)), ("DT", new(2021, 6, 8))];

    private const int ExemptedEnterprises = 35;

    public static async Task<int> AddAsync(LachanDb db, string nenhCommuneCode, CancellationToken ct = default)
    {
        var number = 0;
        string Decision() => $"{++number:00}/QĐ-BCĐ (demo)";
        var zones = new List<ControlZone>();
        var izs = await db.Set<IndustrialZone>().AsNoTracking().Where(z => LockedZones.Select(l => l.Code).Contains(z.Code)).OrderBy(z => z.Id).ToListAsync(ct);
        var enterprises = await db.Set<Enterprise>().AsNoTracking().Where(e => e.IndustrialZoneId != null)
            .Select(e => new { e.Id, e.TaxCode, ZoneId = e.IndustrialZoneId!.Value }).ToListAsync(ct);
        // Deterministic: the exempted are the first enterprises of each zone by tax code, shared out in turn.
        var exemptByZone = izs.ToDictionary(z => z.Id, _ => new List<int>());
        var queues = izs.ToDictionary(z => z.Id, z => new Queue<int>(enterprises.Where(e => e.ZoneId == z.Id).OrderBy(e => e.TaxCode, StringComparer.Ordinal).Select(e => e.Id)));
        for (var i = 0; i < ExemptedEnterprises && queues.Values.Any(q => q.Count > 0); i++)
        {
            var z = izs[i % izs.Count];
            if (queues[z.Id].TryDequeue(out var id)) exemptByZone[z.Id].Add(id);
        }

        foreach (var (code, reopens) in LockedZones)
        {
            var iz = izs.FirstOrDefault(z => z.Code == code);
            if (iz is null) continue;
            var zone = new ControlZone { Name = iz.Name, Kind = ControlZoneKind.IndustrialZone, IndustrialZoneId = iz.Id, ProvinceCode = iz.ProvinceCode };
            zone.Orders.Add(Order(ZoneLevel.Lockdown, Decision(), Lockdown.AddDays(-1), Lockdown, null));
            var exempting = Order(ZoneLevel.Lockdown, Decision(), Exemptions.AddDays(-1), Exemptions, null);
            exempting.Exemptions = exemptByZone[iz.Id].Select(id => new ZoneOrderExemption { EnterpriseId = id }).ToList();
            zone.Orders.Add(exempting);
            zone.Orders.Add(Order(ZoneLevel.SocialDistancing, Decision(), reopens.AddDays(-1), reopens, Normal.AddDays(-1)));
            zones.Add(zone);
        }
        var nenh = await db.Set<AdminUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Code == nenhCommuneCode, ct);
        if (nenh is not null && izs.Count > 0)
        {
            var zone = new ControlZone { Name = nenh.Kind + " " + nenh.Name, Kind = ControlZoneKind.Commune, CommuneCode = nenh.Code, ProvinceCode = izs[0].ProvinceCode };
            zone.Orders.Add(Order(ZoneLevel.MedicalIsolation, Decision(), Lockdown.AddDays(-1), Lockdown, new DateOnly(2021, 6, 7)));
            zone.Orders.Add(Order(ZoneLevel.SocialDistancing, Decision(), new DateOnly(2021, 6, 7), new DateOnly(2021, 6, 8), Normal.AddDays(-1)));
            zones.Add(zone);
        }
        db.Set<ControlZone>().AddRange(zones);
        await db.SaveChangesAsync(ct);
        return zones.Sum(z => z.Orders.Count);
    }

    private static ZoneOrder Order(ZoneLevel level, string number, DateOnly decided, DateOnly from, DateOnly? to) => new()
    {
        Level = level, DecisionNumber = number, DecisionDate = decided, IssuedBy = SteeringCommittee, EffectiveFrom = from, EffectiveTo = to,
    };
}
