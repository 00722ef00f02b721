using Lachan.Features.Registry.AdminUnits;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Registry.Enterprises;

public sealed record EnterpriseForm
{
    /// <summary>10 digits, or 10-3 for a branch.</summary>
    public string? TaxCode { get; init; }
    public string? Name { get; init; }
    /// <summary>Empty for an enterprise outside the industrial zones.</summary>
    public int? IndustrialZoneId { get; init; }
    /// <summary>Commune-level unit of the address; district and province follow from it.</summary>
    public string? CommuneCode { get; init; }
    public string? Address { get; init; }
    public string? Sector { get; init; }
    public string? ContactPhone { get; init; }
}

/// <summary>Creates and corrects enterprises: the steering committee anywhere in its province, the IZ board in its zones.
/// A new enterprise starts Operating; its status changes only through <see cref="EnterpriseStatusEditor"/>.</summary>
public sealed class EnterpriseEditor(LachanDb db, Jurisdiction scope, AuditLog audit, PlaceLookup places)
{
    public static FieldErrors Validate(EnterpriseForm f)
    {
        var errors = new FieldErrors();
        errors.AddIf(string.IsNullOrWhiteSpace(f.TaxCode), nameof(f.TaxCode), "Field.Required");
        if (!string.IsNullOrWhiteSpace(f.TaxCode) && OtherIds.TaxCode(f.TaxCode.Trim()) is { IsValid: false } tax)
            errors.TryAdd(nameof(f.TaxCode), tax.Error!);
        errors.AddIf(string.IsNullOrWhiteSpace(f.Name), nameof(f.Name), "Field.Required");
        errors.AddIf(f.Name is { Length: > 300 }, nameof(f.Name), "Field.TooLong");
        errors.AddIf(string.IsNullOrWhiteSpace(f.CommuneCode), nameof(f.CommuneCode), "Field.Required");
        errors.AddIf(f.Address is { Length: > 300 }, nameof(f.Address), "Field.TooLong");
        errors.AddIf(f.Sector is { Length: > 100 }, nameof(f.Sector), "Field.TooLong");
        if (!string.IsNullOrWhiteSpace(f.ContactPhone))
            errors.AddIf(OtherIds.NormalizePhone(f.ContactPhone) is null, nameof(f.ContactPhone), "Phone.Format");
        return errors;
    }

    public async Task<SaveResult> CreateAsync(EnterpriseForm f, CancellationToken ct = default)
    {
        if (!scope.Can(RegistryAreas.Enterprises, Access.Write)) return new SaveResult.NotFound();
        var enterprise = new Enterprise { TaxCode = "", Name = "", NameSearch = "", CommuneCode = "", DistrictCode = "", ProvinceCode = "" };
        var errors = await CheckAndApplyAsync(enterprise, f, ct);
        if (!errors.Ok) return new SaveResult.Invalid(errors);
        db.Set<Enterprise>().Add(enterprise);
        await audit.SaveThenRecordAsync("create", nameof(Enterprise), () => enterprise.Id, null, () => Snapshot(enterprise), ct);
        return new SaveResult.Saved(enterprise.Id);
    }

    public async Task<SaveResult> UpdateAsync(int id, EnterpriseForm f, CancellationToken ct = default)
    {
        if (!scope.Can(RegistryAreas.Enterprises, Access.Write)) return new SaveResult.NotFound();
        var enterprise = await scope.Enterprises(db.Set<Enterprise>()).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (enterprise is null) return new SaveResult.NotFound();
        var before = Snapshot(enterprise);
        var errors = await CheckAndApplyAsync(enterprise, f, ct);
        if (!errors.Ok) return new SaveResult.Invalid(errors);
        var after = Snapshot(enterprise);
        if (before == after) return new SaveResult.Saved(id); // nothing changed: nothing to write
        audit.Record("update", nameof(Enterprise), id, before, after);
        await db.SaveChangesAsync(ct);
        return new SaveResult.Saved(id);
    }

    /// <summary>Checks the form against the database (unique tax code, zone and commune exist) and copies it onto the
    /// enterprise; the result must still lie in the caller's jurisdiction (an IZ board cannot move an enterprise out of
    /// its zones, nor the steering committee into another province).</summary>
    private async Task<FieldErrors> CheckAndApplyAsync(Enterprise e, EnterpriseForm f, CancellationToken ct)
    {
        var errors = Validate(f);
        var tax = f.TaxCode?.Trim();
        if (errors.Ok && tax != e.TaxCode && await db.Set<Enterprise>().AnyAsync(x => x.TaxCode == tax, ct))
            errors.TryAdd(nameof(f.TaxCode), "Enterprise.TaxCodeExists");
        var zone = f.IndustrialZoneId is int zid ? await scope.Zones(db.Set<IndustrialZone>().AsNoTracking()).FirstOrDefaultAsync(z => z.Id == zid, ct) : null;
        errors.AddIf(f.IndustrialZoneId is not null && zone is null, nameof(f.IndustrialZoneId), "Enterprise.ZoneUnknown");
        var commune = await places.CommuneAsync(f.CommuneCode, ct);
        errors.AddIf(!string.IsNullOrWhiteSpace(f.CommuneCode) && commune is null, nameof(f.CommuneCode), "Place.CommuneUnknown");
        if (!errors.Ok) return errors;

        var name = VietnameseText.NormalizeName(f.Name!);
        var (communeCode, districtCode, provinceCode) = commune!.Value;
        // Jurisdiction decides, on the enterprise as it would be saved (a zone-less one has no zone code).
        var candidate = new Enterprise
        {
            TaxCode = tax!, Name = name, NameSearch = VietnameseText.SearchKey(name), IndustrialZoneId = zone?.Id,
            IndustrialZone = zone ?? new IndustrialZone { Code = "", Name = "", DistrictCode = "", ProvinceCode = "" },
            CommuneCode = communeCode, DistrictCode = districtCode, ProvinceCode = provinceCode,
        };
        if (!scope.Enterprises(new[] { candidate }.AsQueryable()).Any())
        {
            errors.TryAdd(scope.Role == Role.IzBoard ? nameof(f.IndustrialZoneId) : nameof(f.CommuneCode), "Place.OutOfScope");
            return errors;
        }
        e.TaxCode = candidate.TaxCode;
        e.Name = candidate.Name;
        e.NameSearch = candidate.NameSearch;
        e.IndustrialZoneId = candidate.IndustrialZoneId;
        (e.CommuneCode, e.DistrictCode, e.ProvinceCode) = (communeCode, districtCode, provinceCode);
        e.Address = Blank(f.Address) is { } a ? VietnameseText.NormalizeName(a) : null;
        e.Sector = Blank(f.Sector) is { } sector ? VietnameseText.NormalizeName(sector) : null;
        e.ContactPhone = OtherIds.NormalizePhone(f.ContactPhone);
        return errors;
    }

    private sealed record EnterpriseSnapshot(string TaxCode, string Name, int? IndustrialZoneId, string CommuneCode,
        string DistrictCode, string ProvinceCode, string? Address, string? Sector, string? ContactPhone, string Status);

    private static EnterpriseSnapshot Snapshot(Enterprise e) => new(e.TaxCode, e.Name, e.IndustrialZoneId, e.CommuneCode,
        e.DistrictCode, e.ProvinceCode, e.Address, e.Sector, e.ContactPhone, e.Status.ToString());

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
