using Lachan.Features.Registry.Contracts;

namespace Lachan.Features.Registry.Demo;

/// <summary>Where workers come from and the numbers they carry: CCCD (always valid for the person's sex and birth
/// year), mobile phone, social-insurance and old ID numbers, each unique across the demo province.</summary>
internal sealed class DemoIdentities
{
    /// <summary>CCCD province codes, weighted: about a third local, the rest mostly from the northern uplands and
    /// the north-central coast, as the seed article describes.</summary>
    public static readonly Weighted<string> HomeProvince = Weighted<string>.Parse(
        "024 350, 020 60, 038 60, 040 55, 019 35, 030 30, 027 30, 025 30, 008 30, 002 30, 014 30, 004 25, 011 20, " +
        "015 20, 034 20, 042 20, 006 15, 010 15, 017 15, 022 15, 001 15, 036 15, 012 10, 026 10, 031 8, 033 8, 035 8, " +
        "037 8, 044 8, 045 4, 046 3, 064 3, 066 3");

    // A few real district-level units per home province, for permanent addresses; "huyện" unless another kind is given.
    private static readonly Dictionary<string, string[]> HomeDistricts = new()
    {
        ["001"] = ["Sóc Sơn", "Đông Anh", "Gia Lâm", "Mê Linh"], ["002"] = ["Vị Xuyên", "Bắc Quang", "Quản Bạ", "Hoàng Su Phì"],
        ["004"] = ["Hòa An", "Trùng Khánh", "Hà Quảng"], ["006"] = ["Chợ Đồn", "Bạch Thông", "Na Rì"],
        ["008"] = ["Sơn Dương", "Yên Sơn", "Hàm Yên", "Chiêm Hóa"], ["010"] = ["Bảo Thắng", "Bảo Yên", "Văn Bàn"],
        ["011"] = ["Điện Biên", "Tuần Giáo", "Mường Ảng"], ["012"] = ["Tam Đường", "Than Uyên", "Tân Uyên"],
        ["014"] = ["Mai Sơn", "Mộc Châu", "Yên Châu", "Thuận Châu"], ["015"] = ["Văn Yên", "Trấn Yên", "Yên Bình"],
        ["017"] = ["Lương Sơn", "Kim Bôi", "Lạc Sơn"], ["019"] = ["Phú Bình", "thị xã Phổ Yên", "Đồng Hỷ", "Đại Từ"],
        ["020"] = ["Chi Lăng", "Hữu Lũng", "Cao Lộc", "Lộc Bình", "Văn Quan"], ["022"] = ["thị xã Đông Triều", "Tiên Yên", "Ba Chẽ"],
        ["025"] = ["Lâm Thao", "Phù Ninh", "Thanh Ba", "Đoan Hùng"], ["026"] = ["Tam Dương", "Lập Thạch", "Sông Lô"],
        ["027"] = ["Quế Võ", "Gia Bình", "Lương Tài", "Yên Phong"], ["030"] = ["thành phố Chí Linh", "thị xã Kinh Môn", "Thanh Hà", "Nam Sách"],
        ["031"] = ["Thủy Nguyên", "An Lão", "Tiên Lãng"], ["033"] = ["Khoái Châu", "Tiên Lữ", "Phù Cừ"],
        ["034"] = ["Quỳnh Phụ", "Hưng Hà", "Thái Thụy", "Tiền Hải"], ["035"] = ["Lý Nhân", "Thanh Liêm", "Bình Lục"],
        ["036"] = ["Hải Hậu", "Giao Thủy", "Ý Yên", "Nghĩa Hưng"], ["037"] = ["Kim Sơn", "Yên Mô", "Nho Quan"],
        ["038"] = ["Hoằng Hóa", "Hậu Lộc", "Nga Sơn", "Thọ Xuân", "Tĩnh Gia"], ["040"] = ["Diễn Châu", "Quỳnh Lưu", "Yên Thành", "Nghi Lộc", "Đô Lương"],
        ["042"] = ["Cẩm Xuyên", "Kỳ Anh", "Thạch Hà", "Can Lộc"], ["044"] = ["Bố Trạch", "Quảng Trạch", "Lệ Thủy"],
        ["045"] = ["Hải Lăng", "Triệu Phong", "Gio Linh"], ["046"] = ["Phong Điền", "Quảng Điền", "Phú Vang"],
        ["064"] = ["Chư Sê", "Đức Cơ"], ["066"] = ["Krông Pắc", "Ea Kar"],
    };
    private static readonly string[] CommuneNames =
        "Tân Lập|Hồng Phong|Quang Trung|Đồng Tâm|Xuân Sơn|Thanh Sơn|Tân Thành|Minh Khai|Hợp Thành|Bình Minh|Đông Phương|Nghĩa Hưng|Phú Xuân|Yên Lạc|Trung Hòa|Kim Sơn|Thịnh Hưng|Hưng Đạo|Lam Sơn|An Bình".Split('|');
    private static readonly string[] Villages =
        "Đông|Tây|Nam|Bắc|Trung|Thượng|Hạ|Tân Lập|Đồng Tiến|Làng Mới|Chợ|Đình|Hòa Bình|Quyết Tiến|Cầu".Split('|');
    private static readonly string[] Uplands = ["002", "004", "006", "010", "011", "012", "014", "015", "017", "020"];
    private static readonly string[] Xom = ["038", "040", "042", "044"];

    // Two leading digits of the old 9-digit CMND by issuing area (approximate; others fall back to Bắc Giang's "12").
    private static readonly Dictionary<string, string> CmndPrefix = new()
    {
        ["001"] = "01", ["031"] = "03", ["011"] = "04", ["012"] = "04", ["014"] = "05", ["010"] = "06", ["015"] = "06",
        ["002"] = "07", ["008"] = "07", ["004"] = "08", ["020"] = "08", ["006"] = "09", ["019"] = "09", ["022"] = "10",
        ["017"] = "11", ["024"] = "12", ["027"] = "12", ["025"] = "13", ["026"] = "13", ["030"] = "14", ["033"] = "14",
        ["034"] = "15", ["035"] = "16", ["036"] = "16", ["037"] = "16", ["038"] = "17", ["040"] = "18", ["042"] = "18",
    };
    // Mobile prefixes of the three big networks that start 03, 08 or 09.
    private static readonly int[] MobilePrefixes = [32, 33, 34, 35, 36, 37, 38, 39, 81, 82, 83, 84, 85, 86, 88, 89, 90, 91, 93, 94, 96, 97, 98];

    private readonly HashSet<long> cccds = [];
    private readonly HashSet<long> phones = [];
    private readonly HashSet<long> bhxh = [];
    private readonly HashSet<long> cmnds = [];
    private readonly List<DemoPlaces.Commune> homeCommunes =
        DemoPlaces.Districts.Where(d => d.Code != "213").SelectMany(d => d.Communes).Where(c => c.Kind == "xã").ToList();

    public string Cccd(Random rng, string province, Sex sex, DateOnly dateOfBirth)
    {
        while (true)
        {
            var cccd = Contracts.Cccd.Compose(province, sex, dateOfBirth.Year, rng.Next(1_000_000));
            if (!cccds.Add(long.Parse(cccd, System.Globalization.CultureInfo.InvariantCulture))) continue;
            if (Contracts.Cccd.Validate(cccd, sex, dateOfBirth).Error is { } error)   // self-check: the seed never holds an invalid CCCD
                throw new InvalidOperationException($"Generated CCCD {cccd} fails {error}.");
            return cccd;
        }
    }

    public string Phone(Random rng) => Unique(phones, () => $"0{MobilePrefixes[rng.Next(MobilePrefixes.Length)]}{rng.Next(10_000_000):0000000}");

    /// <summary>10 digits; the first two follow the province that first insured the person.</summary>
    public string Bhxh(Random rng, string homeProvince) =>
        Unique(bhxh, () => $"{(rng.Next(4) == 0 ? homeProvince[1..] : "24")}{rng.Next(100_000_000):00000000}");

    public string Cmnd(Random rng, string homeProvince) =>
        Unique(cmnds, () => $"{CmndPrefix.GetValueOrDefault(homeProvince, "12")}{rng.Next(10_000_000):0000000}");

    public string PermanentAddress(Random rng, string homeProvince)
    {
        var village = Xom.Contains(homeProvince) ? $"Xóm {rng.Next(1, 16)}"
            : Uplands.Contains(homeProvince) && rng.Next(3) == 0 ? $"Bản {Villages[rng.Next(Villages.Length)]}"
            : $"Thôn {Villages[rng.Next(Villages.Length)]}";
        if (homeProvince == "024")
            return $"{village}, {DemoPlaces.Describe(homeCommunes[rng.Next(homeCommunes.Count)])}, tỉnh Bắc Giang";
        var districts = HomeDistricts[homeProvince];
        var district = districts[rng.Next(districts.Length)];
        if (!char.IsLower(district[0])) district = "huyện " + district;
        var province = ProvinceCodes.Names[homeProvince];
        var kind = homeProvince is "001" or "031" ? "thành phố" : "tỉnh";
        return $"{village}, xã {CommuneNames[rng.Next(CommuneNames.Length)]}, {district}, {kind} {province}";
    }

    private static string Unique(HashSet<long> seen, Func<string> next)
    {
        while (true)
        {
            var value = next();
            if (seen.Add(long.Parse(value, System.Globalization.CultureInfo.InvariantCulture))) return value;
        }
    }
}
