using System.Globalization;
using System.Text;
using Lachan.Features.Registry.Contracts;

namespace Lachan.Features.Rosters;

/// <summary>The people of a sample roster and how a messy spreadsheet states them.</summary>
public static partial class SampleRosters
{
    private sealed record Person(string Cccd, string Name, Sex Sex, DateOnly Dob, string? Bhxh, string? Phone,
        string Address, string? Lodging, DateOnly HiredOn, ContractType Contract, string Workshop);

    private static readonly string[] Near = ["027", "019", "020", "022", "025", "026", "030", "033", "034", "035", "036", "037", "038", "040", "042", "015", "010", "008", "001"];
    private static readonly string[] AllProvinces = [.. ProvinceCodes.Names.Keys.Order(StringComparer.Ordinal)];
    private static readonly string[] Families = ["Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý", "Phan", "Hồ", "Đinh", "Trịnh", "Lương", "Thân", "Giáp", "Hà"];
    private static readonly string[] MaleMiddle = ["Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Thành", "Ngọc"];
    private static readonly string[] FemaleMiddle = ["Thị", "Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Hồng", "Kim"];
    private static readonly string[] MaleGiven = ["Hùng", "Dũng", "Tuấn", "Nam", "Long", "Hải", "Sơn", "Thắng", "Cường", "Đạt", "Huy", "Khánh", "Phong", "Quân", "Trung", "Việt", "Hiếu", "Tùng", "Mạnh", "Đức"];
    private static readonly string[] FemaleGiven = ["Lan", "Hương", "Hoa", "Nhung", "Huyền", "Trang", "Thủy", "Hằng", "Linh", "Ngọc", "Phương", "Thảo", "Yến", "Mai", "Hạnh", "Dung", "Nga", "Oanh", "Quỳnh", "Vân", "Ánh"];
    private static readonly string[] BacGiangDistricts = ["Lục Nam", "Lục Ngạn", "Sơn Động", "Yên Thế", "Tân Yên", "Lạng Giang", "Yên Dũng", "Hiệp Hòa", "Việt Yên"];
    private static readonly string[] Districts = ["Đông Anh", "Tiên Du", "Quế Võ", "Thanh Sơn", "Hoằng Hóa", "Nghĩa Đàn", "Hương Sơn", "Chi Lăng", "Bảo Yên", "Phú Bình", "Kim Bảng", "Hải Hậu"];
    private static readonly string[] Communes = ["Tân Mỹ", "Đồng Tâm", "Hợp Thịnh", "Quang Minh", "Tiên Sơn", "Hồng Thái", "Nghĩa Trung", "Bình Sơn", "Xuân Hương", "Phương Sơn", "Đông Lỗ", "Mai Trung"];
    private static readonly (string Commune, string District)[] IzCommunes =
        [("Quang Châu", "huyện Việt Yên"), ("Vân Trung", "huyện Việt Yên"), ("Tăng Tiến", "huyện Việt Yên"), ("Hoàng Ninh", "huyện Việt Yên"), ("Nội Hoàng", "huyện Yên Dũng"), ("Song Khê", "thành phố Bắc Giang"), ("Hòa Sơn", "huyện Hiệp Hòa")];
    private static readonly string[] Villages = ["Nam Ngạn", "Đông Tiến", "Vân Cốc", "Tam Tầng", "Núi Hiếu", "Đạo Ngạn", "Trung Đồng", "My Điền", "Quế Sơn", "Xuân Lạn"];
    private static readonly string[] Landlords = ["bà Lan", "ông Hùng", "bà Tuyết", "ông Sáu", "bà Hường", "ông Thắng", "bà Mến", "ông Toàn", "bà Nhàn", "ông Khải"];
    private static readonly string[] Units = ["Kho", "QC", "Xưởng cắt", "Bộ phận SMT", "Văn phòng", "Bảo trì", "Đóng gói"];
    private static readonly string[] PhonePrefixes = ["032", "033", "034", "035", "036", "037", "038", "039", "070", "076", "077", "078", "079", "081", "082", "083", "084", "085", "086", "088", "089", "090", "091", "093", "094", "096", "097", "098"];
    private static readonly Dictionary<ContractType, string[]> ContractTexts = new()
    {
        [ContractType.Indefinite] = ["Không xác định thời hạn", "KXĐ", "HĐLĐ không xác định thời hạn", "Vô thời hạn"],
        [ContractType.Definite] = ["Xác định thời hạn", "HĐ 12 tháng", "36 tháng", "1 năm", "XĐTH"],
        [ContractType.Probation] = ["Thử việc", "HĐ thử việc"],
        [ContractType.Seasonal] = ["Mùa vụ", "HĐ mùa vụ"],
    };
    private static readonly string[] SpreadsheetErrors = ["#N/A", "#REF!", "#VALUE!"];
    private static readonly DateTime ExcelEpoch = new(1899, 12, 30);

    private sealed class PersonMaker(Random rnd, SampleOptions o)
    {
        private readonly HashSet<long> _issued = [];
        public Random Rnd => rnd;

        private T Pick<T>(IReadOnlyList<T> items) => items[rnd.Next(items.Count)];
        private string Digits(int n) => string.Concat(Enumerable.Range(0, n).Select(_ => (char)('0' + rnd.Next(10))));

        public Person NewPerson()
        {
            var u = rnd.NextDouble();
            var province = u < 0.35 ? "024" : u < 0.85 ? Pick(Near) : Pick(AllProvinces);
            var female = rnd.NextDouble() < 0.6;
            var sex = female ? Sex.Female : Sex.Male;
            var year = rnd.Next(10) < 8 ? rnd.Next(o.AsOf.Year - 46, o.AsOf.Year - 18) : rnd.Next(o.AsOf.Year - 55, o.AsOf.Year - 46);
            var dob = new DateOnly(year, 1, 1).AddDays(rnd.Next(365));
            string cccd;
            do cccd = Cccd.Compose(province, sex, year, rnd.Next(1_000_000));
            while (!_issued.Add(long.Parse(cccd, CultureInfo.InvariantCulture)));

            var middle = female ? Pick(FemaleMiddle) : Pick(MaleMiddle);
            var given = female ? FemaleGiven : MaleGiven;
            var name = $"{(rnd.Next(10) < 3 ? "Nguyễn" : Pick(Families))} {middle} {(rnd.Next(4) == 0 ? Pick(given) + " " : "")}{Pick(given)}";
            var bhxh = rnd.Next(10) < 8 ? (rnd.Next(7) == 0 ? "0" + rnd.Next(1, 10) : rnd.Next(10, 100).ToString(CultureInfo.InvariantCulture)) + Digits(8) : null;
            var phone = rnd.Next(10) < 9 ? Phone() : null;
            var provinceName = ProvinceCodes.Names[province];
            var city = provinceName is "Hà Nội" or "Hải Phòng" or "Đà Nẵng" or "Hồ Chí Minh" or "Cần Thơ";
            var address = $"Xã {Pick(Communes)}, huyện {(province == "024" ? Pick(BacGiangDistricts) : Pick(Districts))}, {(city ? "thành phố" : "tỉnh")} {provinceName}";
            var lodging = rnd.Next(20) < 17 ? Lodging() : null;
            var latest = o.AsOf.AddDays(-1);
            var earliest = new[] { dob.AddYears(18), new DateOnly(2010, 1, 1), }.Max();
            if (earliest > latest) earliest = latest;
            var hired = earliest.AddDays(rnd.Next(latest.DayNumber - earliest.DayNumber + 1));
            var v = rnd.Next(20);
            var contract = v < 11 ? ContractType.Indefinite : v < 18 ? ContractType.Definite : v < 19 ? ContractType.Probation : ContractType.Seasonal;
            return new Person(cccd, name, sex, dob, bhxh, phone, address, lodging, hired, contract, Workshop());
        }

        private string Phone() => Pick(PhonePrefixes) + Digits(7);
        private string Workshop() => rnd.Next(3) switch { 0 => $"Chuyền {rnd.Next(1, 41)}", 1 => $"Tổ may {rnd.Next(1, 21)}", _ => Pick(Units) };

        private string Lodging()
        {
            if (o.Lodgings is { Count: > 0 } given) return Pick(given);
            if (rnd.Next(10) == 0) return "Ký túc xá công ty";
            var (commune, district) = Pick(IzCommunes);
            return $"Nhà trọ {Pick(Landlords)}, thôn {Pick(Villages)}, xã {commune}, {district}";
        }

        /// <summary>The same CCCD stating something else: another phone, workshop or birth date (same year).</summary>
        public Person Differently(Person p)
        {
            while (true)
            {
                var q = rnd.Next(3) switch
                {
                    0 => p with { Phone = Phone() },
                    1 => p with { Workshop = Workshop() },
                    _ => p with { Dob = new DateOnly(p.Dob.Year, 1, 1).AddDays(rnd.Next(365)) },
                };
                if (q != p) return q;
            }
        }

        public SampleRow Row(int rowNumber, int stt, RosterField[] fields, Person p, SampleRowKind kind, int? duplicateOf)
        {
            var numeric = rnd.NextDouble() < o.NumericCccdShare && !p.Cccd.StartsWith("00", StringComparison.Ordinal);
            var cells = fields.Select(f => Cell(f, p, stt, numeric)).ToArray();
            return new SampleRow(rowNumber, cells, kind, Expected(rowNumber, p, numeric), DuplicateOf: duplicateOf);
        }

        private static RosterRow Expected(int rowNumber, Person p, bool recovered) =>
            new(rowNumber, p.Cccd, p.Name, p.Sex, p.Dob, null, p.Bhxh, p.Phone, p.Address, p.Lodging, p.HiredOn, p.Contract, p.Workshop, recovered);

        private object? Cell(RosterField f, Person p, int stt, bool numericCccd) => f switch
        {
            RosterField.Stt => (long)stt,
            RosterField.FullName => Name(p.Name),
            RosterField.DateOfBirth => Date(p.Dob),
            RosterField.Sex => SexText(p.Sex),
            RosterField.Cccd => numericCccd ? long.Parse(p.Cccd, CultureInfo.InvariantCulture)
                : o.Messy && rnd.Next(20) == 0 ? $"{p.Cccd[..3]} {p.Cccd[3..6]} {p.Cccd[6..9]} {p.Cccd[9..]}" : p.Cccd,
            RosterField.Bhxh => p.Bhxh is { } b && o.Messy && rnd.Next(4) == 0 ? long.Parse(b, CultureInfo.InvariantCulture) : p.Bhxh,
            RosterField.Phone => PhoneCell(p.Phone),
            RosterField.PermanentAddress => Text(p.Address),
            RosterField.Lodging => Text(p.Lodging is { } l && o.Messy && rnd.Next(10) == 0 ? l.Replace(", ", ",\n", StringComparison.Ordinal) : p.Lodging),
            RosterField.HiredOn => Date(p.HiredOn),
            RosterField.ContractType => o.Messy ? Pick(ContractTexts[p.Contract]) : ContractTexts[p.Contract][0],
            RosterField.Workshop => Text(p.Workshop),
            _ => null,
        };

        private string Name(string name)
        {
            if (!o.Messy) return name;
            var s = rnd.Next(20) switch
            {
                < 4 => name.ToUpperInvariant(),
                4 => name.ToLowerInvariant(),
                5 or 6 => name.Replace(" ", "  ", StringComparison.Ordinal),
                7 => " " + name + "  ",
                _ => name,
            };
            return rnd.Next(100) < 15 ? s.Normalize(NormalizationForm.FormD) : s;
        }

        private string? Text(string? text) => text is null || !o.Messy ? text : rnd.Next(20) switch
        {
            0 or 1 => text.Normalize(NormalizationForm.FormD),
            2 => text.Replace(" ", "  ", StringComparison.Ordinal),
            3 => " " + text + " ",
            _ => text,
        };

        /// <summary>A real date cell, dd/MM/yyyy or d/M/yy text, an Excel serial number, dd-MM-yyyy or dd.MM.yyyy.</summary>
        private object Date(DateOnly d)
        {
            string F(string format) => d.ToString(format, CultureInfo.InvariantCulture);
            if (!o.Messy) return F("dd/MM/yyyy");
            return rnd.Next(20) switch
            {
                < 6 => d.ToDateTime(TimeOnly.MinValue),
                < 12 => F("dd/MM/yyyy"),
                < 15 when d.Year is >= 1950 and < 2030 => F("d/M/yy"),
                < 18 => (d.ToDateTime(TimeOnly.MinValue) - ExcelEpoch).TotalDays,
                18 => F("dd-MM-yyyy"),
                _ => F("dd.MM.yyyy"),
            };
        }

        private string SexText(Sex sex) => !o.Messy ? (sex == Sex.Male ? "Nam" : "Nữ")
            : sex == Sex.Male ? Pick(["Nam", "Nam", "NAM", "nam"]) : Pick(["Nữ", "Nữ", "NỮ", "nữ", "Nu"]);

        private object? PhoneCell(string? p) => p is null || !o.Messy ? p : rnd.Next(10) switch
        {
            5 => $"+84 {p[1..4]} {p[4..7]} {p[7..]}",
            6 => "+84" + p[1..],
            7 => $"{p[..4]}.{p[4..7]}.{p[7..]}",
            8 => $"{p[..4]} {p[4..7]} {p[7..]}",
            9 => long.Parse(p, CultureInfo.InvariantCulture),   // a number: the leading zero is lost
            _ => p,
        };

        /// <summary>A new person's row with exactly one problem; the CCCD stays text so the expected code is certain.</summary>
        public SampleRow Invalid(int rowNumber, int stt, RosterField[] fields)
        {
            var p = NewPerson();
            var cells = fields.Select(f => Cell(f, p, stt, numericCccd: false)).ToArray();
            void Set(RosterField f, object? value) => cells[Array.IndexOf(fields, f)] = value;
            string Dmy(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            string BadDate(DateOnly d) => rnd.Next(4) switch
            {
                0 => $"30/02/{d.Year}", 1 => $"{d.Year}/13/45", 2 => $"ngày {d.Day}/{d.Month}", _ => $"32/{d.Month:00}/{d.Year}",
            };
            var hasSex = fields.Contains(RosterField.Sex);
            (RosterField Field, string Code) problem;
            switch (rnd.Next(hasSex ? 13 : 11))
            {
                case 0:
                    problem = (RosterField.Cccd, "Cccd.Format");
                    Set(RosterField.Cccd, rnd.Next(2) == 0 ? p.Cccd[..10] : "Chưa có");
                    break;
                case 1:
                    problem = (RosterField.Cccd, "Cccd.Province");
                    Set(RosterField.Cccd, "099" + p.Cccd[3..]);
                    break;
                case 2:
                    problem = (RosterField.Cccd, "Cccd.Century");
                    Set(RosterField.Cccd, p.Cccd[..3] + "8" + p.Cccd[4..]);
                    break;
                case 3:
                    problem = (RosterField.Cccd, "Roster.CccdMissing");
                    Set(RosterField.Cccd, null);
                    break;
                case 4:
                    problem = (RosterField.Cccd, "Cccd.BirthYearMismatch");
                    Set(RosterField.DateOfBirth, Dmy(p.Dob.AddYears(rnd.Next(1, 3))));
                    break;
                case 5:
                    problem = (RosterField.DateOfBirth, "Roster.DateFormat");
                    Set(RosterField.DateOfBirth, BadDate(p.Dob));
                    break;
                case 6:
                    problem = (RosterField.HiredOn, "Roster.DateFormat");
                    Set(RosterField.HiredOn, BadDate(p.HiredOn));
                    break;
                case 7:
                    problem = (Pick([RosterField.FullName, RosterField.DateOfBirth, RosterField.Cccd, RosterField.PermanentAddress, RosterField.Lodging, RosterField.HiredOn]), "Roster.CellError");
                    Set(problem.Field, Pick(SpreadsheetErrors));
                    break;
                case 8:
                    problem = (RosterField.FullName, rnd.Next(2) == 0 ? "Roster.NameHasDigits" : "Field.Required");
                    Set(RosterField.FullName, problem.Code == "Field.Required" ? null : p.Name + " 2");
                    break;
                case 9:
                    problem = (RosterField.HiredOn, "Worker.HiredTooYoung");
                    Set(RosterField.HiredOn, Dmy(p.Dob.AddYears(12)));
                    break;
                case 10:
                    problem = rnd.Next(3) switch
                    {
                        0 => (RosterField.Phone, "Phone.Format"),
                        1 => (RosterField.Bhxh, "Bhxh.Format"),
                        _ => (RosterField.ContractType, "Roster.ContractFormat"),
                    };
                    Set(problem.Field, problem.Field switch { RosterField.Phone => "0912", RosterField.Bhxh => "12345", _ => "Hợp đồng miệng" });
                    break;
                case 11:
                    problem = (RosterField.Cccd, "Cccd.SexMismatch");
                    Set(RosterField.Sex, p.Sex == Sex.Male ? "Nữ" : "Nam");
                    break;
                default:
                    problem = (RosterField.Sex, "Roster.SexFormat");
                    Set(RosterField.Sex, Pick(["x", "Khác"]));
                    break;
            }
            return new SampleRow(rowNumber, cells, SampleRowKind.Invalid, Expected(rowNumber, p, false), problem.Field, problem.Code);
        }
    }
}
