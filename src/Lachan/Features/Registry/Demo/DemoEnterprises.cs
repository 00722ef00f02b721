using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Localization;

namespace Lachan.Features.Registry.Demo;

/// <summary>A generated enterprise with what the worker generator needs to know about it.</summary>
internal sealed record DemoEnterprise(Enterprise Entity, int Size, DateOnly Since, DemoPlaces.Zone? Zone, DemoPlaces.Commune Commune);

/// <summary>Invented enterprises in the styles common in Bắc Giang's zones (Korean, Chinese and Taiwanese, Japanese
/// and Vietnamese owners), any likeness to a real company's name being chance. Sizes are skewed: many of a few dozen
/// workers, a few of thousands.</summary>
internal static class DemoEnterprises
{
    private static readonly Weighted<string> Sectors = Weighted<string>.Parse(
        "Điện tử 30, Linh kiện điện tử 15, May mặc 20, Cơ khí chính xác 8, Nhựa 6, Bao bì 5, Dệt 3, Quang học 3, Giày da 2, Thực phẩm 2, Logistics 2, Vật liệu xây dựng 2");
    private static readonly string[] KoreanA = "Han Sung Dae Woo Jin Young Myung Kyung Seo Hwa Dong Sam Hyun Min Tae Chang Joo Yong Kum Won Bo Se".Split(' ');
    private static readonly string[] KoreanB = "jin il sung woo won kwang shin dong san hwa yang kang tech chul mi".Split(' ');
    private static readonly string[] SinoA = "Phú Hồng Vĩnh Kim Hưng Long Đại Quang Tân Cát Thái Bảo Hằng Nguyên Gia Thuận Hoa Vạn".Split(' ');
    private static readonly string[] SinoB = "Thịnh Phát Lợi Hưng Đạt Tường Khang Vượng Xương Hải Nghiệp Thành An Tín Mỹ".Split(' ');
    private static readonly string[] JapaneseA = "Toka Nishi Kawa Yama Shin Fuji Hoku Mina Sakura Kita Oka Taka Hiro Asa".Split(' ');
    private static readonly string[] JapaneseB = "moto hara seiko den tec kawa mura no giken".Split(' ');
    private static readonly string[] Vietnamese = "Bắc Hà|Việt Thắng|Hà Phong|Minh Anh|Thành Công|Đức Giang|Hồng Lĩnh|Trường Sơn|Kinh Bắc|Xương Giang|Cầu Sông|Phú An|Tân Phát|Hải Long|An Phát|Sao Vàng|Hòa Bình|Đại Dương|Hoàng Gia|Nam Tiến".Split('|');

    public static List<IndustrialZone> Zones() => DemoPlaces.Zones.Select((z, i) => new IndustrialZone
    {
        Id = i + 1, Code = z.Code, Name = z.Name, AreaHectares = z.Hectares, DistrictCode = z.DistrictCode, ProvinceCode = DemoProvince.ProvinceCode,
    }).ToList();

    /// <summary>About 90% in the six zones, shared by area; the first is a large electronics maker in Đình Trám (the
    /// demo's enterprise HR account and outbreak story use it).</summary>
    public static List<DemoEnterprise> Generate(Random rng, DemoIdentities ids, int count = 380)
    {
        var inZones = count * 9 / 10;
        var perZone = Apportion(DemoPlaces.Zones.Select(z => (long)(z.Hectares * 100)).ToArray(), inZones);
        var names = new HashSet<string>();
        var taxCodes = new HashSet<string>();
        var result = new List<DemoEnterprise>(count);
        for (var z = 0; z <= DemoPlaces.Zones.Count; z++)
        {
            var zone = z < DemoPlaces.Zones.Count ? DemoPlaces.Zones[z] : null;
            var n = zone is null ? count - inZones : perZone[z];
            for (var i = 0; i < n; i++)
            {
                var anchor = result.Count == 0;
                var sector = anchor ? "Điện tử" : Sectors.Pick(rng);
                var name = UniqueName(rng, names, sector);
                var commune = zone is null
                    ? DemoPlaces.OutsideZoneCommunes[rng.Next(DemoPlaces.OutsideZoneCommunes.Count)]
                    : zone.Communes[rng.Next(zone.Communes.Count)];
                string taxCode;
                do taxCode = $"2400{rng.Next(1_000_000):000000}"; while (!taxCodes.Add(taxCode));
                if (!OtherIds.TaxCode(taxCode).IsValid) throw new InvalidOperationException($"Generated tax code {taxCode} is invalid.");
                var u = rng.NextDouble();
                var size = anchor ? 4_800 : 20 + (int)(4_980 * u * u * u * u * u * u * u);
                // The big employers came first; most of the others registered from 2015 on.
                var since = anchor ? new DateOnly(2010, 3, 15)
                    : size >= 1_000 || rng.Next(5) == 0 ? RandomDate(rng, new(2008, 1, 1), new(2016, 12, 31)) : RandomDate(rng, new(2015, 1, 1), new(2020, 12, 31));
                var place = zone is null ? $"Lô {(char)('A' + rng.Next(6))}{rng.Next(1, 13)}, Cụm công nghiệp {commune.Name}" : $"Lô {(char)('A' + rng.Next(11))}{rng.Next(1, 21)}, {zone.Name}";
                var entity = new Enterprise
                {
                    Id = result.Count + 1, TaxCode = taxCode, Name = name, NameSearch = VietnameseText.SearchKey(name),
                    IndustrialZoneId = zone is null ? null : z + 1, CommuneCode = commune.Code, DistrictCode = commune.DistrictCode,
                    ProvinceCode = DemoProvince.ProvinceCode, Address = $"{place}, {DemoPlaces.Describe(commune)}, tỉnh Bắc Giang",
                    Sector = sector, ContactPhone = ids.Phone(rng), Status = EnterpriseStatus.Operating,
                };
                entity.StatusHistory.Add(new EnterpriseStatusChange { Id = entity.Id, EnterpriseId = entity.Id, Status = EnterpriseStatus.Operating, From = since, Reason = "Đăng ký hoạt động" });
                result.Add(new DemoEnterprise(entity, size, since, zone, commune));
            }
        }
        return result;
    }

    private static string UniqueName(Random rng, HashSet<string> taken, string sector)
    {
        while (true)
        {
            var name = VietnameseText.NormalizeName(NameFor(rng, sector));
            if (taken.Add(name)) return name;
        }
    }

    private static string NameFor(Random rng, string sector)
    {
        string P(string[] a) => a[rng.Next(a.Length)];
        var work = sector switch { "Linh kiện điện tử" => "Điện tử", "May mặc" => "May", "Logistics" or "Thực phẩm" or "Vật liệu xây dựng" => "", _ => sector };
        switch (rng.Next(20))
        {
            case < 7: // Korean-owned
                var k = P(KoreanA) + P(KoreanB);
                return rng.Next(3) == 0 ? $"Công ty TNHH {k} Vina" : $"Công ty TNHH {work} {k} {(rng.Next(2) == 0 ? "Vina" : "Việt Nam")}";
            case < 12: // Chinese / Taiwanese-owned
                var s = P(SinoA) + " " + P(SinoB);
                return rng.Next(3) switch
                {
                    0 => $"Công ty TNHH Khoa học Kỹ thuật {s} Việt Nam",
                    1 => $"Công ty TNHH Công nghệ {work} {s} (Việt Nam)",
                    _ => $"Công ty TNHH {work} {s} Bắc Giang",
                };
            case < 14: // Japanese-owned
                var j = P(JapaneseA) + P(JapaneseB);
                return $"Công ty TNHH {j} {(work.Length > 0 && rng.Next(2) == 0 ? work + " " : "")}Việt Nam";
            default: // Vietnamese
                var v = P(Vietnamese);
                return rng.Next(3) == 0 ? $"Công ty TNHH {work} {v}" : $"Công ty CP {(work.Length > 0 ? work : sector)} {v}";
        }
    }

    public static DateOnly RandomDate(Random rng, DateOnly from, DateOnly to) => from.AddDays(rng.Next(to.DayNumber - from.DayNumber + 1));

    /// <summary>Splits <paramref name="total"/> in proportion to the weights, by largest remainder (exact, integer).</summary>
    public static int[] Apportion(long[] weights, int total)
    {
        var sum = weights.Sum();
        var shares = weights.Select(w => (int)(w * total / sum)).ToArray();
        var order = Enumerable.Range(0, weights.Length).OrderByDescending(i => weights[i] * total % sum).ThenBy(i => i).ToArray();
        var missing = total - shares.Sum();
        for (var k = 0; k < missing; k++) shares[order[k % order.Length]]++;
        return shares;
    }
}
