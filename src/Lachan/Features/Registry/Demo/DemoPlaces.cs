using Lachan.Features.Registry.Contracts;

namespace Lachan.Features.Registry.Demo;

/// <summary>Bắc Giang as it was in May 2021 (DOMAIN.md §2): the province, its 10 district-level units, a plausible set
/// of communes for each, and the six industrial zones.</summary>
/// <remarks>Commune codes follow the GSO 5-digit scheme. Codes without a star were taken from a public copy of the
/// GSO list; starred ones (<c>07777*</c>) are invented in the district's range where the real code was not at hand,
/// so they must not be relied on outside the demo. All units end on 30/06/2025: the province merged into Bắc Ninh and
/// the district level was abolished on 01/07/2025.</remarks>
internal static class DemoPlaces
{
    public static readonly DateOnly ValidFrom = new(1997, 1, 1);   // Bắc Giang re-established from Hà Bắc
    public static readonly DateOnly ValidTo = new(2025, 6, 30);

    public sealed record Commune(string Code, string Name, string Kind, string DistrictCode);
    public sealed record District(string Code, string Name, string Kind, IReadOnlyList<Commune> Communes);

    /// <param name="Communes">Communes the zone lies in (its enterprises' addresses).</param>
    /// <param name="LodgingNear">Communes its workers lodge in, with weights.</param>
    public sealed record Zone(string Code, string Name, decimal Hectares, string DistrictCode,
        IReadOnlyList<Commune> Communes, IReadOnlyList<(Commune Commune, int Weight)> LodgingNear);

    // "code [tt|p] name": tt = thị trấn, p = phường, otherwise xã.
    public static readonly IReadOnlyList<District> Districts =
    [
        D("213", "Bắc Giang", "thành phố", "07201 p Thọ Xương; 07204 p Trần Nguyên Hãn; 07207 p Ngô Quyền; 07210 p Hoàng Văn Thụ; 07213 p Trần Phú; 07216* p Mỹ Độ; 07219* p Lê Lợi; 07222* Song Mai; 07225* p Xương Giang; 07228* p Đa Mai; 07231 p Dĩnh Kế; 07441* Dĩnh Trì; 07672* Tân Tiến; 07675* Đồng Sơn; 07678* Song Khê; 07687 Tân Mỹ"),
        D("215", "Yên Thế", "huyện", "07234 tt Cầu Gồ; 07237 tt Bố Hạ; 07243 Đồng Tiến; 07246 Canh Nậu; 07249 Xuân Lương; 07252* Tam Tiến; 07255* Đồng Vương; 07258* Đồng Hưu; 07261* Tân Sỏi; 07264* Phồn Xương; 07267* Đồng Lạc; 07270* Tân Hiệp; 07273* Hương Vĩ; 07276* Đông Sơn; 07279* Đồng Kỳ; 07282* Hồng Kỳ; 07285* Tiến Thắng; 07288* An Thượng"),
        D("216", "Tân Yên", "huyện", "07297 tt Cao Thượng; 07300 tt Nhã Nam; 07303 Lan Giới; 07309 Tân Trung; 07312 Đại Hóa; 07315 Quang Tiến; 07318* Phúc Sơn; 07321* An Dương; 07324* Phúc Hòa; 07327* Liên Sơn; 07330* Hợp Đức; 07333* Lam Cốt; 07336* Cao Xá; 07339* Ngọc Châu; 07342* Việt Lập; 07345* Song Vân"),
        D("217", "Lạng Giang", "huyện", "07369 tt Kép; 07375 tt Vôi; 07378 Nghĩa Hòa; 07381 Nghĩa Hưng; 07384 Quang Thịnh; 07387 Hương Sơn; 07390 Đào Mỹ; 07393* Tiên Lục; 07396* An Hà; 07399* Phi Mô; 07402* Xuân Hương; 07405* Tân Thanh; 07408* Yên Mỹ; 07411* Tân Dĩnh; 07414* Thái Đào; 07417* Dương Đức; 07420* Mỹ Thái; 07423* Đại Lâm; 07426* Tân Hưng"),
        D("218", "Lục Nam", "huyện", "07444 tt Đồi Ngô; 07447 tt Lục Nam; 07450 Đông Hưng; 07453 Đông Phú; 07456 Tam Dị; 07459 Bảo Sơn; 07462 Bảo Đài; 07465 Thanh Lâm; 07468 Tiên Nha; 07471 Trường Giang; 07474 Tiên Hưng; 07477* Huyền Sơn; 07480* Cương Sơn; 07483* Nghĩa Phương; 07486* Vô Tranh; 07489* Bình Sơn; 07492* Lục Sơn; 07495* Yên Sơn"),
        D("219", "Lục Ngạn", "huyện", "07525 tt Chũ; 07528 Cấm Sơn; 07531 Tân Sơn; 07534 Phong Minh; 07537 Phong Vân; 07540 Xa Lý; 07543 Hộ Đáp; 07546 Sơn Hải; 07549 Thanh Hải; 07552* Kiên Lao; 07555* Biên Sơn; 07558* Kiên Thành; 07561* Hồng Giang; 07564* Kim Sơn; 07567* Tân Hoa; 07570* Giáp Sơn; 07573* Biển Động; 07576* Quý Sơn; 07579* Phì Điền; 07582* Tân Quang; 07585* Đồng Cốc; 07588* Tân Lập; 07591* Phú Nhuận; 07594* Mỹ An; 07597* Nam Dương; 07600* Tân Mộc; 07603* Đèo Gia; 07606* Phượng Sơn"),
        D("220", "Sơn Động", "huyện", "07615 tt An Châu; 07616 tt Thanh Sơn; 07618 Thạch Sơn; 07621 Vân Sơn; 07624 Hữu Sản; 07627 Quế Sơn; 07630 Phúc Thắng; 07633 Chiên Sơn; 07636* Giáo Liêm; 07639* Cẩm Đàn; 07642* An Lạc; 07645* Vĩnh An; 07648* Yên Định; 07651* Lệ Viễn; 07654* An Bá; 07657* Tuấn Đạo; 07660* Dương Hưu; 07663* Long Sơn; 07666* Thanh Luận"),
        D("221", "Yên Dũng", "huyện", "07681 tt Neo; 07682 tt Tân Dân; 07684 Lão Hộ; 07690 Hương Gián; 07693 Tân An; 07699* Quỳnh Sơn; 07702* Xuân Phú; 07705* Tân Liễu; 07708* Trí Yên; 07711* Lãng Sơn; 07714* Yên Lư; 07717* Tiến Dũng; 07720* Nham Sơn; 07723* Đức Giang; 07726* Cảnh Thụy; 07729* Tư Mại; 07732* Nội Hoàng; 07735* Tiền Phong; 07738* Đồng Việt; 07741* Đồng Phúc"),
        D("222", "Việt Yên", "huyện", "07753 tt Bích Động; 07756 tt Nếnh; 07759 Thượng Lan; 07762 Việt Tiến; 07765 Nghĩa Trung; 07768 Minh Đức; 07771 Hương Mai; 07774 Tự Lạn; 07777* Bích Sơn; 07780* Trung Sơn; 07783* Hồng Thái; 07786* Tăng Tiến; 07789* Quảng Minh; 07792* Ninh Sơn; 07795* Vân Trung; 07798* Vân Hà; 07801* Quang Châu; 07804* Tiên Sơn; 07807* Hoàng Ninh"),
        D("223", "Hiệp Hòa", "huyện", "07810 tt Thắng; 07813 Đồng Tân; 07816 Thanh Vân; 07819 Hoàng Lương; 07822 Hoàng Vân; 07825 Hoàng Thanh; 07828 Hoàng An; 07831 Ngọc Sơn; 07834 Thái Sơn; 07837 Hòa Sơn; 07840* Đức Thắng; 07843* Quang Minh; 07846* Lương Phong; 07849* Hùng Sơn; 07852* Đại Thành; 07855* Thường Thắng; 07858* Hợp Thịnh; 07861* Danh Thắng; 07864* Mai Trung; 07867* Đoan Bái; 07870* Bắc Lý; 07873* Xuân Cẩm; 07876* Hương Lâm; 07879* Đông Lỗ; 07882* Châu Minh; 07885* Mai Đình"),
    ];

    private static readonly Dictionary<string, Commune> ByDistrictAndName =
        Districts.SelectMany(d => d.Communes).ToDictionary(c => c.DistrictCode + "/" + c.Name);

    public static readonly IReadOnlyDictionary<string, District> DistrictByCode = Districts.ToDictionary(d => d.Code);

    /// <summary>A commune by "district/name", e.g. "222/Nếnh".</summary>
    public static Commune C(string key) => ByDistrictAndName[key];

    public static readonly IReadOnlyList<Zone> Zones =
    [
        new("DT", "KCN Đình Trám", 127m, "222", [C("222/Nếnh"), C("222/Hoàng Ninh")],
            [(C("222/Nếnh"), 6), (C("222/Hoàng Ninh"), 3), (C("222/Hồng Thái"), 1), (C("222/Bích Động"), 1), (C("222/Quảng Minh"), 1)]),
        new("QC", "KCN Quang Châu", 426m, "222", [C("222/Quang Châu")],
            [(C("222/Quang Châu"), 5), (C("222/Nếnh"), 2), (C("222/Vân Trung"), 2), (C("222/Tăng Tiến"), 1), (C("222/Vân Hà"), 1)]),
        new("VT", "KCN Vân Trung", 350m, "222", [C("222/Vân Trung"), C("222/Tăng Tiến")],
            [(C("222/Vân Trung"), 5), (C("222/Tăng Tiến"), 3), (C("222/Quang Châu"), 2), (C("222/Nếnh"), 2), (C("222/Tiên Sơn"), 1)]),
        new("VH", "KCN Việt Hàn", 197m, "222", [C("222/Hồng Thái"), C("222/Tăng Tiến")],
            [(C("222/Hồng Thái"), 4), (C("222/Tăng Tiến"), 3), (C("222/Nếnh"), 2), (C("222/Ninh Sơn"), 1)]),
        // Song Khê lies in Bắc Giang city, Nội Hoàng in Yên Dũng; the zone is filed under the city.
        new("SKNH", "KCN Song Khê – Nội Hoàng", 158m, "213", [C("213/Song Khê"), C("221/Nội Hoàng")],
            [(C("213/Song Khê"), 4), (C("221/Nội Hoàng"), 4), (C("221/Tiền Phong"), 2), (C("213/Tân Mỹ"), 2), (C("213/Đồng Sơn"), 1), (C("221/Yên Lư"), 1)]),
        new("HP", "KCN Hòa Phú", 207m, "223", [C("223/Mai Đình")],
            [(C("223/Mai Đình"), 5), (C("223/Hương Lâm"), 2), (C("223/Đông Lỗ"), 2), (C("223/Châu Minh"), 1)]),
    ];

    /// <summary>Where the lodging houses are, with roughly how many each commune has (scaled to the total).</summary>
    public static readonly IReadOnlyList<(Commune Commune, int Houses)> LodgingCommunes =
    [
        (C("222/Nếnh"), 700), (C("222/Quang Châu"), 340), (C("222/Vân Trung"), 300), (C("222/Hoàng Ninh"), 240),
        (C("222/Tăng Tiến"), 240), (C("222/Hồng Thái"), 230), (C("222/Bích Động"), 80), (C("222/Tiên Sơn"), 70),
        (C("222/Ninh Sơn"), 70), (C("222/Quảng Minh"), 70), (C("222/Vân Hà"), 60),
        (C("221/Nội Hoàng"), 120), (C("221/Tiền Phong"), 80), (C("221/Yên Lư"), 40), (C("221/Tân An"), 30),
        (C("213/Song Khê"), 100), (C("213/Tân Mỹ"), 60), (C("213/Đồng Sơn"), 50), (C("213/Dĩnh Kế"), 40), (C("213/Xương Giang"), 20),
        (C("223/Mai Đình"), 150), (C("223/Hương Lâm"), 50), (C("223/Đông Lỗ"), 40), (C("223/Châu Minh"), 30), (C("223/Thắng"), 20),
    ];

    /// <summary>Communes of the enterprises outside the zones (clusters and town centres).</summary>
    public static readonly IReadOnlyList<Commune> OutsideZoneCommunes =
    [
        C("213/Dĩnh Kế"), C("213/Xương Giang"), C("213/Song Mai"), C("213/Đa Mai"), C("217/Vôi"), C("217/Kép"),
        C("217/Tân Dĩnh"), C("216/Cao Thượng"), C("221/Neo"), C("221/Tân An"), C("218/Đồi Ngô"), C("219/Chũ"),
        C("215/Cầu Gồ"), C("223/Thắng"), C("222/Bích Động"), C("222/Minh Đức"),
    ];

    public static IEnumerable<AdminUnit> AdminUnits()
    {
        yield return Unit(DemoProvince.ProvinceCode, "Bắc Giang", AdminLevel.Province, "tỉnh", null);
        foreach (var d in Districts)
        {
            yield return Unit(d.Code, d.Name, AdminLevel.District, d.Kind, DemoProvince.ProvinceCode);
            foreach (var c in d.Communes)
                yield return Unit(c.Code, c.Name, AdminLevel.Commune, c.Kind, d.Code);
        }
    }

    /// <summary>"xã Hồng Thái, huyện Việt Yên" as written in addresses.</summary>
    public static string Describe(Commune c)
    {
        var d = DistrictByCode[c.DistrictCode];
        return $"{c.Kind} {c.Name}, {d.Kind} {d.Name}";
    }

    private static AdminUnit Unit(string code, string name, AdminLevel level, string kind, string? parent) =>
        new() { Code = code, Name = name, Level = level, Kind = kind, ParentCode = parent, ValidFrom = ValidFrom, ValidTo = ValidTo };

    private static District D(string code, string name, string kind, string communes) => new(code, name, kind,
        communes.Split(';', StringSplitOptions.TrimEntries).Select(entry =>
        {
            var parts = entry.Split(' ', 2);
            var rest = parts[1];
            var communeKind = rest.StartsWith("tt ", StringComparison.Ordinal) ? "thị trấn" : rest.StartsWith("p ", StringComparison.Ordinal) ? "phường" : "xã";
            if (communeKind != "xã") rest = rest[(rest.IndexOf(' ', StringComparison.Ordinal) + 1)..];
            return new Commune(parts[0].TrimEnd('*'), rest, communeKind, code);
        }).ToList());
}
