using Lachan.Features.Outbreak.Contracts;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Zones;

/// <summary>The target is named by its kind: an IZ by code, a commune by code, an enterprise by tax code, a cluster by
/// the ids of its lodging houses.</summary>
public sealed record ControlZoneForm
{
    public ControlZoneKind? Kind { get; init; }
    public string? Name { get; init; }
    public string? IndustrialZoneCode { get; init; }
    public string? CommuneCode { get; init; }
    public string? EnterpriseTaxCode { get; init; }
    public IReadOnlyList<int>? LodgingHouseIds { get; init; }
}

public sealed record ZoneOrderForm
{
    public ZoneLevel? Level { get; init; }
    public string? DecisionNumber { get; init; }
    public DateOnly? DecisionDate { get; init; }
    public string? IssuedBy { get; init; }
    public DateOnly? EffectiveFrom { get; init; }
    public DateOnly? EffectiveTo { get; init; }
    /// <summary>Tax codes of the enterprises in the zone the order lets keep working, separated by commas, spaces or lines.</summary>
    public string? ExemptTaxCodes { get; init; }
}

public sealed record OrderScan(string FileName, byte[] Content);

/// <summary>Declares zones, issues and lifts orders (province steering committee: Zones write). Each change and its
/// audit event are written together.</summary>
public sealed class ZoneOrders(LachanDb db, Jurisdiction scope, AuditLog audit, CurrentUser user)
{
    public const int MaxScanBytes = 10 << 20;

    public async Task<SaveResult> CreateZoneAsync(ControlZoneForm f, CancellationToken ct = default)
    {
        if (!scope.Can(OutbreakAreas.Zones, Access.Write)) return new SaveResult.NotFound();
        var errors = new FieldErrors();
        errors.AddIf(f.Kind is null || !Enum.IsDefined(f.Kind.Value), nameof(f.Kind), "Field.Required");
        errors.AddIf(f.Name is { Length: > 200 }, nameof(f.Name), "Field.TooLong");
        var zone = new ControlZone { Name = f.Name?.Trim() ?? "", Kind = f.Kind ?? default, ProvinceCode = "" };
        switch (f.Kind)
        {
            case ControlZoneKind.IndustrialZone:
                var izCode = (f.IndustrialZoneCode ?? "").Trim().ToUpperInvariant();
                var iz = await db.Set<IndustrialZone>().AsNoTracking().FirstOrDefaultAsync(z => z.Code == izCode, ct);
                errors.AddIf(iz is null, nameof(f.IndustrialZoneCode), string.IsNullOrWhiteSpace(f.IndustrialZoneCode) ? "Field.Required" : "Zone.Unknown");
                if (iz is not null) (zone.IndustrialZoneId, zone.ProvinceCode, zone.Name) = (iz.Id, iz.ProvinceCode, Named(zone.Name, iz.Name));
                break;
            case ControlZoneKind.Commune:
                var communeCode = (f.CommuneCode ?? "").Trim();
                var commune = await db.Set<AdminUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Code == communeCode && u.Level == AdminLevel.Commune, ct);
                var province = commune is null ? null : await db.Set<AdminUnit>().AsNoTracking().Where(u => u.Code == commune.ParentCode).Select(u => u.ParentCode).FirstOrDefaultAsync(ct);
                errors.AddIf(province is null, nameof(f.CommuneCode), string.IsNullOrWhiteSpace(f.CommuneCode) ? "Field.Required" : "Place.CommuneUnknown");
                if (province is not null) (zone.CommuneCode, zone.ProvinceCode, zone.Name) = (commune!.Code, province, Named(zone.Name, commune.Name));
                break;
            case ControlZoneKind.EnterpriseSite:
                var taxCode = (f.EnterpriseTaxCode ?? "").Trim();
                var e = await db.Set<Enterprise>().AsNoTracking().FirstOrDefaultAsync(x => x.TaxCode == taxCode, ct);
                errors.AddIf(e is null, nameof(f.EnterpriseTaxCode), string.IsNullOrWhiteSpace(f.EnterpriseTaxCode) ? "Field.Required" : "Enterprise.Unknown");
                if (e is not null) (zone.EnterpriseId, zone.ProvinceCode, zone.Name) = (e.Id, e.ProvinceCode, Named(zone.Name, e.Name));
                break;
            case ControlZoneKind.LodgingCluster:
                var ids = (f.LodgingHouseIds ?? []).Distinct().ToList();
                var houses = await db.Set<LodgingHouse>().AsNoTracking().Where(l => ids.Contains(l.Id)).Select(l => new { l.Id, l.ProvinceCode }).ToListAsync(ct);
                errors.AddIf(ids.Count == 0, nameof(f.LodgingHouseIds), "Field.Required");
                errors.AddIf(houses.Count != ids.Count, nameof(f.LodgingHouseIds), "Lodging.Unknown");
                errors.AddIf(zone.Name.Length == 0, nameof(f.Name), "Field.Required");
                if (houses.Count > 0)
                {
                    zone.ProvinceCode = houses[0].ProvinceCode;
                    zone.LodgingHouses = houses.Select(h => new ControlZoneLodging { LodgingHouseId = h.Id }).ToList();
                }
                break;
        }
        if (!errors.Ok) return new SaveResult.Invalid(errors);
        db.Set<ControlZone>().Add(zone);
        await audit.SaveThenRecordAsync("create", nameof(ControlZone), () => zone.Id, null, () => ZoneSnapshot(zone), ct);
        return new SaveResult.Saved(zone.Id);
    }

    private static string Named(string typed, string targetName) => typed.Length > 0 ? typed : targetName;

    public static FieldErrors Validate(ZoneOrderForm f)
    {
        var errors = new FieldErrors();
        errors.AddIf(f.Level is null || !Enum.IsDefined(f.Level.Value), nameof(f.Level), "Field.Required");
        errors.AddIf(string.IsNullOrWhiteSpace(f.DecisionNumber), nameof(f.DecisionNumber), "Field.Required");
        errors.AddIf(f.DecisionNumber is { Length: > 64 }, nameof(f.DecisionNumber), "Field.TooLong");
        errors.AddIf(f.DecisionDate is null, nameof(f.DecisionDate), "Field.Required");
        errors.AddIf(string.IsNullOrWhiteSpace(f.IssuedBy), nameof(f.IssuedBy), "Field.Required");
        errors.AddIf(f.IssuedBy is { Length: > 200 }, nameof(f.IssuedBy), "Field.TooLong");
        errors.AddIf(f.EffectiveFrom is null, nameof(f.EffectiveFrom), "Field.Required");
        errors.AddIf(f.EffectiveFrom is { } from && f.EffectiveTo is { } to && to < from, nameof(f.EffectiveTo), "Order.EndsBeforeStart");
        errors.AddIf(f.EffectiveFrom is { Year: < 2000 or > 2100 }, nameof(f.EffectiveFrom), "Order.DateRange");
        return errors;
    }

    public async Task<SaveResult> AddOrderAsync(int zoneId, ZoneOrderForm f, OrderScan? scan, CancellationToken ct = default)
    {
        if (!scope.Can(OutbreakAreas.Zones, Access.Write)) return new SaveResult.NotFound();
        var zone = await db.Set<ControlZone>().AsNoTracking().FirstOrDefaultAsync(z => z.Id == zoneId, ct);
        if (zone is null) return new SaveResult.NotFound();
        var errors = Validate(f);
        if (scan is not null)
        {
            errors.AddIf(scan.Content.Length > MaxScanBytes, "Scan", "Order.ScanTooLarge");
            errors.AddIf(ScanType(scan.Content) is null, "Scan", "Order.ScanType");
        }
        var exempt = new List<Enterprise>();
        foreach (var taxCode in (f.ExemptTaxCodes ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Distinct())
        {
            var e = await db.Set<Enterprise>().AsNoTracking().FirstOrDefaultAsync(x => x.TaxCode == taxCode, ct);
            if (e is null || !ZoneTimeline.Contains(zone, e)) { errors.TryAdd(nameof(f.ExemptTaxCodes), "Order.ExemptionNotInZone"); break; }
            exempt.Add(e);
        }
        if (!errors.Ok) return new SaveResult.Invalid(errors);

        var order = new ZoneOrder
        {
            ControlZoneId = zoneId, Level = f.Level!.Value, DecisionNumber = f.DecisionNumber!.Trim(), DecisionDate = f.DecisionDate!.Value,
            IssuedBy = f.IssuedBy!.Trim(), EffectiveFrom = f.EffectiveFrom!.Value, EffectiveTo = f.EffectiveTo,
            Exemptions = exempt.Select(e => new ZoneOrderExemption { EnterpriseId = e.Id }).ToList(),
            Scan = scan is null ? null : new ZoneOrderScan { FileName = Path.GetFileName(scan.FileName), ContentType = ScanType(scan.Content)!, Content = scan.Content },
        };
        db.Set<ZoneOrder>().Add(order);
        await audit.SaveThenRecordAsync("create", nameof(ZoneOrder), () => order.Id, null,
            () => new { order.ControlZoneId, Zone = zone.Name, order.Level, order.DecisionNumber, order.DecisionDate, order.IssuedBy, order.EffectiveFrom, order.EffectiveTo,
                Exempt = exempt.Select(e => e.TaxCode).ToList(), Scan = order.Scan?.FileName }, ct);
        return new SaveResult.Saved(order.Id);
    }

    /// <summary>Ends an order from a day (back to normal); lifting on or before its first day cancels a planned order.</summary>
    public async Task<SaveResult> LiftAsync(int orderId, DateOnly? liftedOn, CancellationToken ct = default)
    {
        if (!scope.Can(OutbreakAreas.Zones, Access.Write)) return new SaveResult.NotFound();
        var order = await db.Set<ZoneOrder>().FirstOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null) return new SaveResult.NotFound();
        var errors = new FieldErrors();
        errors.AddIf(liftedOn is null, "LiftedOn", "Field.Required");
        errors.AddIf(order.LiftedOn is not null, "LiftedOn", "Order.AlreadyLifted");
        errors.AddIf(liftedOn is { } day && order.EffectiveTo is { } last && day > last, "LiftedOn", "Order.AlreadyEnded");
        if (!errors.Ok) return new SaveResult.Invalid(errors);
        order.LiftedOn = liftedOn;
        order.LiftedBy = user.Name;
        audit.Record("lift", nameof(ZoneOrder), order.Id, new { LiftedOn = (DateOnly?)null }, new { order.LiftedOn });
        await db.SaveChangesAsync(ct);
        return new SaveResult.Saved(order.Id);
    }

    /// <summary>By signature, not by name: a PDF or a photo of the signed decision.</summary>
    public static string? ScanType(ReadOnlySpan<byte> b) =>
        b.StartsWith("%PDF-"u8) ? "application/pdf"
        : b.StartsWith([(byte)0xFF, (byte)0xD8, (byte)0xFF]) ? "image/jpeg"
        : b.StartsWith([(byte)0x89, (byte)'P', (byte)'N', (byte)'G']) ? "image/png"
        : null;

    private static object ZoneSnapshot(ControlZone z) => new
    {
        z.Name, z.Kind, z.IndustrialZoneId, z.CommuneCode, z.EnterpriseId, z.ProvinceCode, LodgingHouseIds = z.LodgingHouses.Select(l => l.LodgingHouseId).ToList(),
    };
}
