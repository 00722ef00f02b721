using Lachan.Features.Registry.AdminUnits;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Registry.Lodging;

/// <summary>A lodging house and its landlord, as one form: people register a house with whoever lets it.</summary>
public sealed record LodgingForm
{
    public string? Name { get; init; }
    public string? Address { get; init; }
    public string? CommuneCode { get; init; }
    public int? Rooms { get; init; }
    /// <summary>How many people the house may lodge.</summary>
    public int? Capacity { get; init; }
    public string? LandlordName { get; init; }
    public string? LandlordPhone { get; init; }
    /// <summary>Optional; when it matches a known landlord, the house is linked to that person (one landlord, many houses).</summary>
    public string? LandlordCccd { get; init; }
}

/// <summary>Creates and corrects lodging houses: the steering committee, a district or a commune within its area.</summary>
public sealed class LodgingEditor(LachanDb db, Jurisdiction scope, AuditLog audit, PlaceLookup places)
{
    public static FieldErrors Validate(LodgingForm f)
    {
        var errors = new FieldErrors();
        errors.AddIf(string.IsNullOrWhiteSpace(f.Name), nameof(f.Name), "Field.Required");
        errors.AddIf(f.Name is { Length: > 200 }, nameof(f.Name), "Field.TooLong");
        errors.AddIf(string.IsNullOrWhiteSpace(f.Address), nameof(f.Address), "Field.Required");
        errors.AddIf(f.Address is { Length: > 300 }, nameof(f.Address), "Field.TooLong");
        errors.AddIf(string.IsNullOrWhiteSpace(f.CommuneCode), nameof(f.CommuneCode), "Field.Required");
        errors.AddIf(f.Rooms is null, nameof(f.Rooms), "Field.Required");
        errors.AddIf(f.Rooms is < 1 or > 1000, nameof(f.Rooms), "Lodging.RoomsRange");
        errors.AddIf(f.Capacity is null, nameof(f.Capacity), "Field.Required");
        errors.AddIf(f.Capacity is < 1 or > 10_000, nameof(f.Capacity), "Lodging.CapacityRange");
        errors.AddIf(f.Rooms is >= 1 and <= 1000 && f.Capacity is >= 1 && f.Capacity < f.Rooms, nameof(f.Capacity), "Lodging.CapacityBelowRooms");
        errors.AddIf(string.IsNullOrWhiteSpace(f.LandlordName), nameof(f.LandlordName), "Field.Required");
        errors.AddIf(f.LandlordName is { Length: > 100 }, nameof(f.LandlordName), "Field.TooLong");
        if (!string.IsNullOrWhiteSpace(f.LandlordPhone))
            errors.AddIf(OtherIds.NormalizePhone(f.LandlordPhone) is null, nameof(f.LandlordPhone), "Phone.Format");
        if (!string.IsNullOrWhiteSpace(f.LandlordCccd) && Cccd.Validate(f.LandlordCccd.Trim()) is { IsValid: false } cccd)
            errors.TryAdd(nameof(f.LandlordCccd), cccd.Error!);
        return errors;
    }

    public async Task<SaveResult> CreateAsync(LodgingForm f, CancellationToken ct = default)
    {
        if (!scope.Can(RegistryAreas.Lodging, Access.Write)) return new SaveResult.NotFound();
        var house = new LodgingHouse { Name = "", NameSearch = "", Address = "", CommuneCode = "", DistrictCode = "", ProvinceCode = "" };
        var errors = await CheckAndApplyAsync(house, f, ct);
        if (!errors.Ok) return new SaveResult.Invalid(errors);
        db.Set<LodgingHouse>().Add(house);
        await audit.SaveThenRecordAsync("create", nameof(LodgingHouse), () => house.Id, null, () => Snapshot(house), ct);
        return new SaveResult.Saved(house.Id);
    }

    public async Task<SaveResult> UpdateAsync(int id, LodgingForm f, CancellationToken ct = default)
    {
        if (!scope.Can(RegistryAreas.Lodging, Access.Write)) return new SaveResult.NotFound();
        var house = await scope.LodgingHouses(db.Set<LodgingHouse>().Include(l => l.Landlord)).FirstOrDefaultAsync(l => l.Id == id, ct);
        if (house is null) return new SaveResult.NotFound();
        var before = Snapshot(house);
        var errors = await CheckAndApplyAsync(house, f, ct);
        if (!errors.Ok) return new SaveResult.Invalid(errors);
        var after = Snapshot(house);
        if (before == after) return new SaveResult.Saved(id); // nothing changed: nothing to write
        // A landlord met for the first time gets its id in the first save.
        await audit.SaveThenRecordAsync("update", nameof(LodgingHouse), () => id, before, () => Snapshot(house), ct);
        return new SaveResult.Saved(id);
    }

    /// <summary>Checks the form against the database and the caller's jurisdiction (a commune registers houses only in
    /// itself), then copies it onto the house and its landlord.</summary>
    private async Task<FieldErrors> CheckAndApplyAsync(LodgingHouse house, LodgingForm f, CancellationToken ct)
    {
        var errors = Validate(f);
        var commune = await places.CommuneAsync(f.CommuneCode, ct);
        errors.AddIf(!string.IsNullOrWhiteSpace(f.CommuneCode) && commune is null, nameof(f.CommuneCode), "Place.CommuneUnknown");
        if (commune is var (c, d, p) && !InScope(c, d, p)) errors.TryAdd(nameof(f.CommuneCode), "Place.OutOfScope");
        if (!errors.Ok) return errors;

        house.Name = VietnameseText.NormalizeName(f.Name!);
        house.NameSearch = VietnameseText.SearchKey(house.Name);
        house.Address = VietnameseText.NormalizeName(f.Address!);
        (house.CommuneCode, house.DistrictCode, house.ProvinceCode) = commune!.Value;
        house.Rooms = f.Rooms!.Value;
        house.Capacity = f.Capacity!.Value;

        // One landlord may let several houses. A CCCD names the person; without one, a different name on a landlord who
        // lets other houses too means the house changed hands (a new landlord), not a spelling fix for all of them.
        var cccd = string.IsNullOrWhiteSpace(f.LandlordCccd) ? null : f.LandlordCccd.Trim();
        var name = VietnameseText.TitleCaseName(f.LandlordName!);
        var phone = OtherIds.NormalizePhone(f.LandlordPhone);
        var landlord = house.Landlord;
        var known = false; // a landlord already on record through another house: blank fields keep what is known
        if (cccd is not null && cccd != landlord?.Cccd)
        {
            // Link only to a landlord whose every house the caller may see: linking to another commune's landlord would
            // rename them there and show their phone here. Such a person gets a record of their own, as a new landlord
            // would (the CCCD is not unique among landlords), so the answer does not tell that the CCCD is known elsewhere.
            Landlord? other = null;
            foreach (var candidate in await db.Set<Landlord>().Where(l => l.Cccd == cccd).OrderBy(l => l.Id).ToListAsync(ct))
                if (!await LetsOutsideAsync(candidate.Id, house.Id, ct)) { other = candidate; break; }
            known = other is not null;
            landlord = other ?? (landlord?.Cccd is null && landlord is not null && !await LetsOutsideAsync(landlord.Id, house.Id, ct) ? landlord : null);
        }
        else if (landlord is not null && cccd is null && landlord.NameSearch != VietnameseText.SearchKey(name)
                 && await db.Set<LodgingHouse>().AnyAsync(l => l.LandlordId == landlord.Id && l.Id != house.Id, ct))
            landlord = null;
        // A landlord who also lets houses outside the caller's jurisdiction is never changed from here: a different name,
        // phone or CCCD makes this house's landlord a record of its own.
        else if (landlord is not null && (landlord.NameSearch != VietnameseText.SearchKey(name) || landlord.Phone != phone || landlord.Cccd != cccd)
                 && await LetsOutsideAsync(landlord.Id, house.Id, ct))
            landlord = null;
        if (landlord is null)
        {
            landlord = new Landlord { FullName = "", NameSearch = "" };
            db.Set<Landlord>().Add(landlord);
        }
        landlord.FullName = name;
        landlord.NameSearch = VietnameseText.SearchKey(landlord.FullName);
        landlord.Phone = phone ?? (known ? landlord.Phone : null);
        landlord.Cccd = cccd;
        house.Landlord = landlord;
        return errors;
    }

    /// <summary>Whether the landlord lets a house (other than this one) that the caller may not see.</summary>
    private async Task<bool> LetsOutsideAsync(int landlordId, int houseId, CancellationToken ct) =>
        landlordId != 0 && await db.Set<LodgingHouse>().CountAsync(l => l.LandlordId == landlordId && l.Id != houseId, ct)
            != await scope.LodgingHouses(db.Set<LodgingHouse>()).CountAsync(l => l.LandlordId == landlordId && l.Id != houseId, ct);

    /// <summary>Jurisdiction decides, on a house as it would be saved in that commune.</summary>
    public bool InScope(string commune, string district, string province) => Allowed([new UnitChoice(commune, "", "", district, null, province, false)]).Count == 1;

    /// <summary>The communes the caller may register houses in, asked of Jurisdiction in one go (each in-memory query
    /// compiles an expression tree: one per list, not one per commune).</summary>
    public IReadOnlyList<UnitChoice> Allowed(IReadOnlyList<UnitChoice> communes)
    {
        var houses = communes.Select(c => new LodgingHouse
        {
            Name = "", NameSearch = "", Address = "", CommuneCode = c.Code, DistrictCode = c.ParentCode ?? "", ProvinceCode = c.GrandparentCode ?? "",
        });
        var allowed = scope.LodgingHouses(houses.AsQueryable()).Select(h => h.CommuneCode).ToHashSet();
        return communes.Where(c => allowed.Contains(c.Code)).ToList();
    }

    private sealed record LodgingSnapshot(string Name, string Address, string CommuneCode, string DistrictCode, string ProvinceCode,
        int Rooms, int Capacity, int LandlordId, string? LandlordName, string? LandlordPhone, string? LandlordCccd);

    private static LodgingSnapshot Snapshot(LodgingHouse l) => new(l.Name, l.Address, l.CommuneCode, l.DistrictCode, l.ProvinceCode,
        l.Rooms, l.Capacity, l.Landlord?.Id ?? l.LandlordId, l.Landlord?.FullName, l.Landlord?.Phone, l.Landlord?.Cccd);
}
