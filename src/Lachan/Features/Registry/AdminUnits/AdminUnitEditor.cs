using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Registry.AdminUnits;

public sealed record AdminUnitForm
{
    /// <summary>The official (GSO) code: 2 digits for a province, 3 for a district, 5 for a commune.</summary>
    public string? Code { get; init; }
    public string? Name { get; init; }
    /// <summary>"tỉnh", "thành phố", "huyện", "thị xã", "quận", "xã", "phường", "thị trấn".</summary>
    public string? Kind { get; init; }
    public AdminLevel? Level { get; init; }
    public string? ParentCode { get; init; }
    public DateOnly? ValidFrom { get; init; }
    /// <summary>The last day the unit exists (e.g. 30/06/2025 for a merged province); empty while it exists.</summary>
    public DateOnly? ValidTo { get; init; }
}

public abstract record UnitSaveResult
{
    public sealed record Saved(string Code) : UnitSaveResult;
    public sealed record Invalid(FieldErrors Errors) : UnitSaveResult;
    public sealed record NotFound : UnitSaveResult;
}

/// <summary>Creates and corrects administrative units (the provincial steering committee only). The code and level
/// of a unit never change: records point at the code, and a unit that changes level is a new unit.</summary>
public sealed class AdminUnitEditor(LachanDb db, Jurisdiction scope, AuditLog audit)
{
    public static readonly IReadOnlyDictionary<AdminLevel, string[]> Kinds = new Dictionary<AdminLevel, string[]>
    {
        [AdminLevel.Province] = ["tỉnh", "thành phố"],
        [AdminLevel.District] = ["huyện", "thành phố", "thị xã", "quận"],
        [AdminLevel.Commune] = ["xã", "phường", "thị trấn", "đặc khu"],
    };

    public static FieldErrors Validate(AdminUnitForm f)
    {
        var errors = new FieldErrors();
        errors.AddIf(string.IsNullOrWhiteSpace(f.Code), nameof(f.Code), "Field.Required");
        errors.AddIf(f.Code?.Trim() is { Length: > 0 } c && (c.Length > 16 || !c.All(char.IsAsciiDigit)), nameof(f.Code), "AdminUnit.CodeFormat");
        errors.AddIf(string.IsNullOrWhiteSpace(f.Name), nameof(f.Name), "Field.Required");
        errors.AddIf(f.Name is { Length: > 100 }, nameof(f.Name), "Field.TooLong");
        errors.AddIf(f.Level is null, nameof(f.Level), "Field.Required");
        errors.AddIf(f.Level is { } l && !Enum.IsDefined(l), nameof(f.Level), "Field.Invalid");
        errors.AddIf(string.IsNullOrWhiteSpace(f.Kind), nameof(f.Kind), "Field.Required");
        if (f.Level is { } level && Kinds.TryGetValue(level, out var kinds) && !string.IsNullOrWhiteSpace(f.Kind))
            errors.AddIf(!kinds.Contains(f.Kind.Trim().ToLowerInvariant()), nameof(f.Kind), "AdminUnit.KindInvalid");
        errors.AddIf(f.Level == AdminLevel.Province && !string.IsNullOrWhiteSpace(f.ParentCode), nameof(f.ParentCode), "AdminUnit.ProvinceHasNoParent");
        errors.AddIf(f.Level is AdminLevel.District or AdminLevel.Commune && string.IsNullOrWhiteSpace(f.ParentCode), nameof(f.ParentCode), "Field.Required");
        errors.AddIf(f.ValidFrom is null, nameof(f.ValidFrom), "Field.Required");
        errors.AddIf(f.ValidFrom is { } from && f.ValidTo is { } to && to < from, nameof(f.ValidTo), "AdminUnit.ValidToBeforeFrom");
        return errors;
    }

    public async Task<UnitSaveResult> CreateAsync(AdminUnitForm f, CancellationToken ct = default)
    {
        if (!scope.Can(RegistryAreas.Places, Access.Write)) return new UnitSaveResult.NotFound();
        var errors = Validate(f);
        var code = f.Code?.Trim();
        if (errors.Ok && await db.Set<AdminUnit>().AnyAsync(u => u.Code == code, ct)) errors.TryAdd(nameof(f.Code), "AdminUnit.CodeExists");
        var unit = new AdminUnit { Code = code ?? "", Name = "", Kind = "", Level = f.Level ?? AdminLevel.Commune };
        await CheckAndApplyAsync(unit, f, errors, ct);
        if (!errors.Ok) return new UnitSaveResult.Invalid(errors);
        db.Set<AdminUnit>().Add(unit);
        audit.Record("create", nameof(AdminUnit), unit.Code, null, Snapshot(unit));
        await db.SaveChangesAsync(ct); // the key is the code: one save holds the unit and its audit event
        return new UnitSaveResult.Saved(unit.Code);
    }

    public async Task<UnitSaveResult> UpdateAsync(string code, AdminUnitForm f, CancellationToken ct = default)
    {
        if (!scope.Can(RegistryAreas.Places, Access.Write)) return new UnitSaveResult.NotFound();
        var unit = await db.Set<AdminUnit>().FirstOrDefaultAsync(u => u.Code == code, ct);
        if (unit is null) return new UnitSaveResult.NotFound();
        // Code and level are fixed: the form may repeat them, but not change them.
        f = f with { Code = unit.Code, Level = f.Level ?? unit.Level };
        var errors = Validate(f);
        errors.AddIf(f.Level != unit.Level, nameof(f.Level), "AdminUnit.LevelFixed");
        var before = Snapshot(unit);
        await CheckAndApplyAsync(unit, f, errors, ct);
        if (!errors.Ok) return new UnitSaveResult.Invalid(errors);
        var after = Snapshot(unit);
        if (before == after) return new UnitSaveResult.Saved(code);
        audit.Record("update", nameof(AdminUnit), code, before, after);
        await db.SaveChangesAsync(ct);
        return new UnitSaveResult.Saved(code);
    }

    /// <summary>The parent must be a unit one level up (a commune's parent is a district); then the form is copied.</summary>
    private async Task CheckAndApplyAsync(AdminUnit unit, AdminUnitForm f, FieldErrors errors, CancellationToken ct)
    {
        var parentCode = string.IsNullOrWhiteSpace(f.ParentCode) ? null : f.ParentCode.Trim();
        if (parentCode is not null && f.Level is AdminLevel.District or AdminLevel.Commune)
        {
            var parentLevel = f.Level - 1;
            errors.AddIf(parentCode == unit.Code || !await db.Set<AdminUnit>().AnyAsync(u => u.Code == parentCode && u.Level == parentLevel, ct),
                nameof(f.ParentCode), "AdminUnit.ParentUnknown");
        }
        if (!errors.Ok) return;
        unit.Name = VietnameseText.NormalizeName(f.Name!);
        unit.Kind = f.Kind!.Trim().ToLowerInvariant();
        unit.ParentCode = parentCode;
        unit.ValidFrom = f.ValidFrom!.Value;
        unit.ValidTo = f.ValidTo;
    }

    private sealed record UnitSnapshot(string Code, string Name, string Kind, string Level, string? ParentCode, DateOnly ValidFrom, DateOnly? ValidTo);

    private static UnitSnapshot Snapshot(AdminUnit u) => new(u.Code, u.Name, u.Kind, u.Level.ToString(), u.ParentCode, u.ValidFrom, u.ValidTo);
}
