using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Relief.Supplies;

public sealed class PointForm
{
    public string? Name { get; set; }
    public PointKind Kind { get; set; }
    public string? CommuneCode { get; set; }
    public string? Address { get; set; }
    public string? OpeningHours { get; set; }
}

/// <summary>A point and what it holds, item by item.</summary>
public sealed record PointStock(SupplyPoint Point, string CommuneName, IReadOnlyList<StockLine> Lines);

/// <summary>Quantity in units (money: đồng, Item null) of one lot.</summary>
public sealed record StockLine(string Item, string Unit, string? LotCode, DateOnly? ExpiresOn, string ReceiptNo, long Quantity);

/// <summary>Points (zero-đồng supermarkets and warehouses): listing with stock, and opening a new one.</summary>
public sealed class SupplyPoints(LachanDb db, AuditLog audit)
{
    public async Task<IReadOnlyList<PointStock>> ListAsync(int? lotsOf, CancellationToken ct)
    {
        var points = await db.Set<SupplyPoint>().AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
        var codes = points.Select(p => p.CommuneCode).Distinct().ToList();
        var communes = await db.Set<AdminUnit>().Where(u => codes.Contains(u.Code)).Select(u => new { u.Code, u.Name }).ToDictionaryAsync(u => u.Code, u => u.Name, ct);
        var items = await db.Set<SupplyItem>().AsNoTracking().ToDictionaryAsync(i => i.Id, ct);
        var held = await db.Set<Holding>().AsNoTracking().Where(h => h.Kind == AccountKind.Point && h.Quantity > 0)
            .Select(h => new { h.Ref, h.ItemId, h.LotCode, h.ExpiresOn, h.Donation!.ReceiptNo, h.Quantity }).ToListAsync(ct);
        return [.. points.Select(p => new PointStock(p, communes.GetValueOrDefault(p.CommuneCode) ?? p.CommuneCode, [..
            held.Where(h => h.Ref == p.Id)
                .GroupBy(h => p.Id == lotsOf ? (h.ItemId, h.LotCode, h.ExpiresOn, h.ReceiptNo) : (h.ItemId, null, null, ""))
                .OrderBy(g => g.Key.ItemId ?? int.MaxValue).ThenBy(g => g.Key.Item3)
                .Select(g => new StockLine(g.Key.ItemId is { } i ? items[i].Name : "Tiền mặt", g.Key.ItemId is { } j ? items[j].Unit : "đ",
                    g.Key.Item2, g.Key.Item3, g.Key.Item4, g.Sum(h => h.Quantity)))]))];
    }

    public async Task<SaveResult> OpenAsync(PointForm form, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.AddIf(string.IsNullOrWhiteSpace(form.Name) || form.Name.Trim().Length > 200, "Name", "Supplies.NameRequired");
        errors.AddIf(string.IsNullOrWhiteSpace(form.Address) || form.Address.Trim().Length > 300, "Address", "Supplies.AddressRequired");
        errors.AddIf(form.OpeningHours?.Trim().Length > 100, "OpeningHours", "Supplies.HoursTooLong");
        var commune = form.CommuneCode?.Trim() ?? "";
        errors.AddIf(!await db.Set<AdminUnit>().AnyAsync(u => u.Code == commune && u.Level == AdminLevel.Commune, ct), "CommuneCode", "Supplies.CommuneUnknown");
        if (!errors.Ok) return new SaveResult.Invalid(errors);
        var point = new SupplyPoint { Name = form.Name!.Trim(), Kind = form.Kind, CommuneCode = commune, Address = form.Address!.Trim(), OpeningHours = form.OpeningHours?.Trim() ?? "" };
        db.Add(point);
        await audit.SaveThenRecordAsync("create", nameof(SupplyPoint), () => point.Id, null, () => new { point.Name, Kind = point.Kind.ToString(), point.CommuneCode, point.Address, point.OpeningHours }, ct);
        return new SaveResult.Saved(point.Id);
    }
}
