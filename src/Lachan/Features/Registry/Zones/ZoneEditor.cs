using Lachan.Features.Registry.Contracts;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Registry.Zones;

public sealed record ZoneForm
{
    /// <summary>Short code used in jurisdiction scopes (e.g. "DT" for Đình Trám); letters, digits and hyphens.</summary>
    public string? Code { get; init; }
    public string? Name { get; init; }
    public decimal? AreaHectares { get; init; }
    /// <summary>The district-level unit the zone lies in; the province follows from it.</summary>
    public string? DistrictCode { get; init; }
}

/// <summary>Creates and corrects industrial zones (the provincial steering committee only: Places write).</summary>
public sealed class ZoneEditor(LachanDb db, Jurisdiction scope, AuditLog audit)
{
    public static FieldErrors Validate(ZoneForm f)
    {
        var errors = new FieldErrors();
        var code = f.Code?.Trim();
        errors.AddIf(string.IsNullOrEmpty(code), nameof(f.Code), "Field.Required");
        errors.AddIf(code is { Length: > 0 } && (code.Length > 16 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')), nameof(f.Code), "Zone.CodeFormat");
        errors.AddIf(string.IsNullOrWhiteSpace(f.Name), nameof(f.Name), "Field.Required");
        errors.AddIf(f.Name is { Length: > 200 }, nameof(f.Name), "Field.TooLong");
        errors.AddIf(f.AreaHectares is null, nameof(f.AreaHectares), "Field.Required");
        errors.AddIf(f.AreaHectares is <= 0 or >= 10_000_000m, nameof(f.AreaHectares), "Zone.AreaRange");
        errors.AddIf(string.IsNullOrWhiteSpace(f.DistrictCode), nameof(f.DistrictCode), "Field.Required");
        return errors;
    }

    public async Task<SaveResult> CreateAsync(ZoneForm f, CancellationToken ct = default)
    {
        if (!scope.Can(RegistryAreas.Places, Access.Write)) return new SaveResult.NotFound();
        var zone = new IndustrialZone { Code = "", Name = "", DistrictCode = "", ProvinceCode = "" };
        var errors = await CheckAndApplyAsync(zone, f, ct);
        if (!errors.Ok) return new SaveResult.Invalid(errors);
        db.Set<IndustrialZone>().Add(zone);
        await audit.SaveThenRecordAsync("create", nameof(IndustrialZone), () => zone.Id, null, () => Snapshot(zone), ct);
        return new SaveResult.Saved(zone.Id);
    }

    public async Task<SaveResult> UpdateAsync(int id, ZoneForm f, CancellationToken ct = default)
    {
        if (!scope.Can(RegistryAreas.Places, Access.Write)) return new SaveResult.NotFound();
        var zone = await scope.Zones(db.Set<IndustrialZone>()).FirstOrDefaultAsync(z => z.Id == id, ct);
        if (zone is null) return new SaveResult.NotFound();
        var before = Snapshot(zone);
        var errors = await CheckAndApplyAsync(zone, f, ct);
        if (!errors.Ok) return new SaveResult.Invalid(errors);
        var after = Snapshot(zone);
        if (before == after) return new SaveResult.Saved(id); // nothing changed: nothing to write
        audit.Record("update", nameof(IndustrialZone), id, before, after);
        await db.SaveChangesAsync(ct);
        return new SaveResult.Saved(id);
    }

    /// <summary>Validates against the database (unique code, existing district) and copies the form onto the zone.</summary>
    private async Task<FieldErrors> CheckAndApplyAsync(IndustrialZone zone, ZoneForm f, CancellationToken ct)
    {
        var errors = Validate(f);
        var code = f.Code?.Trim().ToUpperInvariant();
        if (!errors.ContainsKey(nameof(f.Code)) && code != zone.Code && await db.Set<IndustrialZone>().AnyAsync(z => z.Code == code, ct))
            errors.TryAdd(nameof(f.Code), "Zone.CodeExists");
        var district = string.IsNullOrWhiteSpace(f.DistrictCode) ? null
            : await db.Set<AdminUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Code == f.DistrictCode.Trim() && u.Level == AdminLevel.District, ct);
        if (!string.IsNullOrWhiteSpace(f.DistrictCode))
            errors.AddIf(district?.ParentCode is null, nameof(f.DistrictCode), "Place.DistrictUnknown");
        if (!errors.Ok) return errors;

        zone.Code = code!;
        zone.Name = VietnameseText.NormalizeName(f.Name!);
        zone.AreaHectares = Math.Round(f.AreaHectares!.Value, 2);
        zone.DistrictCode = district!.Code;
        zone.ProvinceCode = district.ParentCode!;
        return errors;
    }

    /// <summary>A value record, so "nothing changed" is a plain equality.</summary>
    private sealed record ZoneSnapshot(string Code, string Name, decimal AreaHectares, string DistrictCode, string ProvinceCode);

    private static ZoneSnapshot Snapshot(IndustrialZone z) => new(z.Code, z.Name, z.AreaHectares, z.DistrictCode, z.ProvinceCode);
}
