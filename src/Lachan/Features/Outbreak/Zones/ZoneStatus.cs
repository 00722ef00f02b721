using Lachan.Features.Outbreak.Contracts;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Zones;

public sealed record ZoneStatusRow(int Id, string Name, ControlZoneKind Kind, ZoneLevel Level, string? DecisionNumber, DateOnly? Since, DateOnly? Until, int Orders);

public sealed record OrderRow(int Id, ZoneLevel Level, string DecisionNumber, DateOnly DecisionDate, string IssuedBy, DateOnly EffectiveFrom,
    DateOnly? EffectiveTo, DateOnly? LiftedOn, IReadOnlyList<string> Exempt, string? ScanFileName);

public sealed record ZoneStatusDetail(ZoneStatusRow Zone, string Target, IReadOnlyList<ZonePeriod> Periods, IReadOnlyList<OrderRow> Orders);

/// <summary>Zones with their status on a day, and one zone's timeline. Zone status is public (decisions are published),
/// so every role with Zones read sees every zone; who is affected is filtered by jurisdiction elsewhere.</summary>
public sealed class ZoneStatus(LachanDb db, Jurisdiction scope)
{
    private IQueryable<ControlZone> Zones() => scope.Can(OutbreakAreas.Zones, Access.Read)
        ? db.Set<ControlZone>().WithOrders()
        : db.Set<ControlZone>().Where(_ => false);

    public async Task<IReadOnlyList<ZoneStatusRow>> ListAsync(DateOnly day, CancellationToken ct = default) =>
        (await Zones().ToListAsync(ct)).Select(z => Row(z, day))
            .OrderByDescending(r => r.Level).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();

    /// <summary>The list on each of the days, from one read of the zones and their orders (the home's trends).</summary>
    public async Task<IReadOnlyList<IReadOnlyList<ZoneStatusRow>>> ListOnDaysAsync(IReadOnlyList<DateOnly> days, CancellationToken ct = default)
    {
        var zones = await Zones().ToListAsync(ct);
        return [.. days.Select(day => (IReadOnlyList<ZoneStatusRow>)[.. zones.Select(z => Row(z, day))])];
    }

    public async Task<ZoneStatusDetail?> LoadAsync(int id, DateOnly day, CancellationToken ct = default)
    {
        var z = await Zones().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (z is null) return null;
        var exemptIds = z.Orders.SelectMany(o => o.Exemptions).Select(x => x.EnterpriseId).Distinct().ToList();
        var taxCodes = await db.Set<Enterprise>().AsNoTracking().Where(e => exemptIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => $"{e.TaxCode} {e.Name}", ct);
        var scans = await db.Set<ZoneOrderScan>().AsNoTracking().Where(s => z.Orders.Select(o => o.Id).Contains(s.ZoneOrderId))
            .ToDictionaryAsync(s => s.ZoneOrderId, s => s.FileName, ct);
        var orders = z.Orders.OrderByDescending(o => o.EffectiveFrom).ThenByDescending(o => o.DecisionDate).ThenByDescending(o => o.Id)
            .Select(o => new OrderRow(o.Id, o.Level, o.DecisionNumber, o.DecisionDate, o.IssuedBy, o.EffectiveFrom, o.EffectiveTo, o.LiftedOn,
                o.Exemptions.Select(x => taxCodes[x.EnterpriseId]).Order(StringComparer.Ordinal).ToList(), scans.GetValueOrDefault(o.Id)))
            .ToList();
        return new ZoneStatusDetail(Row(z, day), await TargetAsync(z, ct), ZoneTimeline.Periods(z.Orders), orders);
    }

    private static ZoneStatusRow Row(ControlZone z, DateOnly day)
    {
        var order = ZoneTimeline.InForce(z.Orders, day);
        var until = order is null ? null : order.LiftedOn?.AddDays(-1) is { } l && (order.EffectiveTo is not { } t || l < t) ? l : order.EffectiveTo;
        return new ZoneStatusRow(z.Id, z.Name, z.Kind, order?.Level ?? ZoneLevel.Normal, order?.DecisionNumber, order?.EffectiveFrom, until, z.Orders.Count);
    }

    private async Task<string> TargetAsync(ControlZone z, CancellationToken ct) => z.Kind switch
    {
        ControlZoneKind.IndustrialZone => await db.Set<IndustrialZone>().Where(i => i.Id == z.IndustrialZoneId).Select(i => i.Code + " · " + i.Name).FirstAsync(ct),
        ControlZoneKind.Commune => await db.Set<AdminUnit>().Where(u => u.Code == z.CommuneCode).Select(u => u.Code + " · " + u.Kind + " " + u.Name).FirstAsync(ct),
        ControlZoneKind.EnterpriseSite => await db.Set<Enterprise>().Where(e => e.Id == z.EnterpriseId).Select(e => e.TaxCode + " · " + e.Name).FirstAsync(ct),
        _ => string.Join(", ", await db.Set<LodgingHouse>().Where(l => z.LodgingHouses.Select(x => x.LodgingHouseId).Contains(l.Id)).OrderBy(l => l.Name).Select(l => l.Name).ToListAsync(ct)),
    };

    /// <summary>The periods in which orders stopped one enterprise: the "why" in its status history.</summary>
    public async Task<IReadOnlyList<ZonePeriod>> StoppedPeriodsAsync(Enterprise e, CancellationToken ct = default) =>
        ZoneTimeline.StoppedPeriods(e, await Zones().ToListAsync(ct));
}
