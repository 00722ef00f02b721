using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Localization;

namespace Lachan.Features.Registry.Demo;

/// <summary>Lodging houses (nhà trọ) and their landlords in the communes around the zones, Nếnh the most; a few
/// landlords keep more than one house.</summary>
internal sealed class DemoLodging
{
    // Residential groups (tổ dân phố) of thị trấn Nếnh and the villages around Đình Trám, as the demo names them.
    private static readonly string[] NenhGroups = ["Nếnh", "Sen Hồ", "Đình Trám", "Ninh Khánh", "Phúc Lâm", "Hoàng Mai", "Kiểu", "Trúc Tay"];
    private static readonly string[] Villages = "Đông|Tây|Nam|Bắc|Trung|Thượng|Hạ|Tân Lập|Đồng Tiến|Làng Mới|Chợ|Đình|Hòa Bình|Quyết Tiến|Cầu|Mai|Sen|Trám".Split('|');
    private static readonly string[] Brands = "Thành Đạt|Phúc Lộc|An Khang|Bình An|Hưng Thịnh|Hạnh Phúc|Sinh Viên|Công Nhân|Minh Châu|Thiên Phúc|Hoa Sữa|Gia Đình".Split('|');

    public List<Landlord> Landlords { get; } = [];
    public List<LodgingHouse> Houses { get; } = [];
    private readonly Dictionary<string, Weighted<int>> byCommune = [];

    public DemoLodging(Random rng, DemoNames names, DemoIdentities ids, int count = 3_000)
    {
        var communes = DemoPlaces.LodgingCommunes;
        var perCommune = DemoEnterprises.Apportion(communes.Select(c => (long)c.Houses).ToArray(), count);
        for (var c = 0; c < communes.Count; c++)
        {
            var commune = communes[c].Commune;
            var localLandlords = new List<Landlord>();
            var first = Houses.Count;
            for (var i = 0; i < perCommune[c]; i++)
            {
                var landlord = localLandlords.Count > 0 && rng.Next(100) < 7 ? localLandlords[rng.Next(localLandlords.Count)] : NewLandlord(rng, names, ids);
                if (landlord.Id == Landlords.Count + 1) { Landlords.Add(landlord); localLandlords.Add(landlord); }
                var rooms = 5 + DemoNames.Skewed(rng, 36);
                var name = VietnameseText.NormalizeName(rng.Next(4) switch
                {
                    0 => $"Khu trọ {Brands[rng.Next(Brands.Length)]}",
                    1 => $"Nhà trọ {landlord.FullName}",
                    _ => $"Nhà trọ {landlord.FullName.Split(' ')[^1]} {DemoNames.Given(rng, rng.Next(2) == 0 ? Sex.Female : Sex.Male)}",
                });
                Houses.Add(new LodgingHouse
                {
                    Id = Houses.Count + 1, Name = name, NameSearch = VietnameseText.SearchKey(name),
                    Address = $"{Place(rng, commune)}, {DemoPlaces.Describe(commune)}, tỉnh Bắc Giang",
                    CommuneCode = commune.Code, DistrictCode = commune.DistrictCode, ProvinceCode = DemoProvince.ProvinceCode,
                    LandlordId = landlord.Id, Rooms = rooms, Capacity = rooms * (2 + rng.Next(3)),
                });
            }
            byCommune[commune.Code] = new(Enumerable.Range(first, Houses.Count - first).Select(h => (h, Houses[h].Capacity)));
        }
    }

    /// <summary>A house in the commune, the bigger ones more likely; null when the commune has none.</summary>
    public LodgingHouse? PickIn(Random rng, string communeCode) =>
        byCommune.TryGetValue(communeCode, out var picker) ? Houses[picker.Pick(rng)] : null;

    public bool HasHousesIn(string communeCode) => byCommune.ContainsKey(communeCode);

    private Landlord NewLandlord(Random rng, DemoNames names, DemoIdentities ids)
    {
        var sex = rng.Next(100) < 55 ? Sex.Male : Sex.Female;
        var (fullName, search) = names.Next(rng, sex);
        var born = DemoEnterprises.RandomDate(rng, new(1950, 1, 1), new(1985, 12, 31));
        return new Landlord
        {
            Id = Landlords.Count + 1, FullName = fullName, NameSearch = search, Phone = ids.Phone(rng),
            Cccd = rng.Next(100) < 85 ? ids.Cccd(rng, "024", sex, born) : null,
        };
    }

    private static string Place(Random rng, DemoPlaces.Commune commune)
    {
        var number = $"Số {rng.Next(1, 200)}";
        if (commune.Name == DemoProvince.DemoCommuneName)
            return $"{number}, tổ dân phố {NenhGroups[rng.Next(NenhGroups.Length)]}";
        return commune.Kind == "xã" ? $"{number}, thôn {Villages[rng.Next(Villages.Length)]}" : $"{number}, tổ dân phố {rng.Next(1, 13)}";
    }
}
