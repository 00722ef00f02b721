using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Infrastructure;

/// <summary>A small registry the tests know by heart, in two jurisdictions: "own" (zone DT-like, commune and district
/// of the own enterprise, province 24) and "other" (another zone, commune, district and province 27). Codes carry a
/// tag so several worlds can live in one database.</summary>
public sealed record TestRegistry(
    string Tag, IndustrialZone ZoneOwn, IndustrialZone ZoneOther, Enterprise EnterpriseOwn, Enterprise EnterpriseOther,
    LodgingHouse LodgingOwn, LodgingHouse LodgingOther, Worker WorkerOwn, Worker WorkerOther, string SpareUnitCode)
{
    public const string OwnProvince = "24";
    public const string OtherProvince = "27";
    public const string OwnWorkerName = "Đặng Thị Quỳnh Hương";
    public const string OtherWorkerName = "Trương Văn Bảo";

    private static int _serial = Random.Shared.Next(100_000, 800_000);

    public static string NewCccd(string province, Sex sex, int year) =>
        Cccd.Compose(province, sex, year, Interlocked.Increment(ref _serial));

    /// <summary>Digits only, like a GSO code, and far from the real ones (which have at most 5 digits).</summary>
    public static string NewUnitCode() => $"9{Interlocked.Increment(ref _serial):0000000}";

    public static string NewTaxCode() => $"24{Interlocked.Increment(ref _serial) % 100_000_000:00000000}";

    /// <summary>The jurisdiction code that makes a user of this role see the "own" side only.</summary>
    public string? OwnScope(Role role) => Roles.ScopeOf(role) switch
    {
        ScopeKind.Province => OwnProvince,
        ScopeKind.IndustrialZones => ZoneOwn.Code,
        ScopeKind.District => EnterpriseOwn.DistrictCode,
        ScopeKind.Commune => EnterpriseOwn.CommuneCode,
        ScopeKind.Enterprise => EnterpriseOwn.TaxCode,
        _ => null,
    };

    public static async Task<TestRegistry> AddAsync(LachanApp app)
    {
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var spareUnit = NewUnitCode();
        var zoneOwn = new IndustrialZone { Code = "DT" + tag, Name = "KCN Đình Trám " + tag, AreaHectares = 127, DistrictCode = "D1" + tag, ProvinceCode = OwnProvince };
        var zoneOther = new IndustrialZone { Code = "QC" + tag, Name = "KCN Quang Châu " + tag, AreaHectares = 426, DistrictCode = "D2" + tag, ProvinceCode = OtherProvince };
        var entOwn = Enterprise("Công ty TNHH May Hòa Bình " + tag, zoneOwn, "C1" + tag, "D1" + tag, OwnProvince);
        var entOther = Enterprise("Công ty Cổ phần Điện tử Ánh Dương " + tag, zoneOther, "C2" + tag, "D2" + tag, OtherProvince);
        var landlord = new Landlord { FullName = "Lê Văn Chủ", NameSearch = "le van chu", Phone = "0912000111" };
        var lodgeOwn = Lodging("Nhà trọ Hương Sen " + tag, "C1" + tag, "D1" + tag, OwnProvince, landlord);
        var lodgeOther = Lodging("Nhà trọ Bình An " + tag, "C2" + tag, "D2" + tag, OtherProvince, landlord);
        await app.WithDbAsync(async db =>
        {
            // the administrative units behind the codes (forms check that a commune or district exists)
            var from = new DateOnly(2000, 1, 1);
            foreach (var (code, name) in new[] { (OwnProvince, "Bắc Giang"), (OtherProvince, "Bắc Ninh") })
                if (!await db.Set<AdminUnit>().AnyAsync(u => u.Code == code))
                    db.Set<AdminUnit>().Add(new AdminUnit { Code = code, Name = name, Kind = "tỉnh", Level = AdminLevel.Province, ValidFrom = from });
            db.Set<AdminUnit>().AddRange(
                new AdminUnit { Code = "D1" + tag, Name = "Huyện Một " + tag, Kind = "huyện", Level = AdminLevel.District, ParentCode = OwnProvince, ValidFrom = from },
                new AdminUnit { Code = "D2" + tag, Name = "Huyện Hai " + tag, Kind = "huyện", Level = AdminLevel.District, ParentCode = OtherProvince, ValidFrom = from },
                new AdminUnit { Code = "C1" + tag, Name = "Xã Một " + tag, Kind = "xã", Level = AdminLevel.Commune, ParentCode = "D1" + tag, ValidFrom = from },
                new AdminUnit { Code = "C2" + tag, Name = "Xã Hai " + tag, Kind = "xã", Level = AdminLevel.Commune, ParentCode = "D2" + tag, ValidFrom = from },
                // a unit with an official-looking (digits only) code, for the forms that edit units
                new AdminUnit { Code = spareUnit, Name = "Xã Dự Phòng " + tag, Kind = "xã", Level = AdminLevel.Commune, ParentCode = "D1" + tag, ValidFrom = from });
            db.AddRange(zoneOwn, zoneOther, entOwn, entOther, landlord, lodgeOwn, lodgeOther);
            await db.SaveChangesAsync();
        });
        var workerOwn = Worker(OwnWorkerName, Sex.Female, new DateOnly(1996, 3, 8), OwnProvince, "0977111222");
        var workerOther = Worker(OtherWorkerName, Sex.Male, new DateOnly(1990, 11, 20), OtherProvince, "0977333444");
        workerOwn.Hire(entOwn.Id, new DateOnly(2019, 4, 1), ContractType.Indefinite, "Xưởng may 2");
        workerOwn.MoveLodging(lodgeOwn.Id, new DateOnly(2019, 4, 1), "P.3");
        workerOther.Hire(entOther.Id, new DateOnly(2018, 9, 15), ContractType.Definite);
        workerOther.MoveLodging(lodgeOther.Id, new DateOnly(2018, 9, 15));
        await app.WithDbAsync(async db =>
        {
            db.Set<Worker>().AddRange(workerOwn, workerOther);
            await db.SaveChangesAsync();
        });
        return new TestRegistry(tag, zoneOwn, zoneOther, entOwn, entOther, lodgeOwn, lodgeOther, workerOwn, workerOther, spareUnit);
    }

    private static Enterprise Enterprise(string name, IndustrialZone zone, string commune, string district, string province) => new()
    {
        TaxCode = NewTaxCode(), Name = name, NameSearch = VietnameseText.SearchKey(name), IndustrialZone = zone,
        CommuneCode = commune, DistrictCode = district, ProvinceCode = province, Sector = "may mặc",
    };

    private static LodgingHouse Lodging(string name, string commune, string district, string province, Landlord landlord) => new()
    {
        Name = name, NameSearch = VietnameseText.SearchKey(name), Address = "Thôn Núi, " + name, CommuneCode = commune,
        DistrictCode = district, ProvinceCode = province, Landlord = landlord, Rooms = 12, Capacity = 30,
    };

    private static Worker Worker(string name, Sex sex, DateOnly dob, string registry, string phone) => new()
    {
        Cccd = NewCccd("024", sex, dob.Year), FullName = name, NameSearch = VietnameseText.SearchKey(name), Sex = sex, DateOfBirth = dob,
        Phone = phone, HomeProvinceCode = "024", ProvinceCode = registry, PermanentAddress = "Xã Tân Mỹ, Bắc Giang",
    };
}
