using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Localization;

namespace Lachan.Features.Registry.Demo;

/// <summary>Invented Vietnamese personal names: family names in rough national proportions (Nguyễn about a third),
/// middle and given names by sex. Each distinct name is built once, with its search key, and then shared.</summary>
internal sealed class DemoNames
{
    // Weights per thousand, roughly as in published surname surveys; Thân and Giáp are typical of Bắc Giang,
    // Nông, Vi and Hứa of the Tày/Nùng provinces the workers come from.
    private static readonly Weighted<string> Family = Weighted<string>.Parse(
        "Nguyễn 350, Trần 105, Lê 90, Phạm 65, Hoàng 50, Vũ 40, Phan 15, Đặng 20, Bùi 20, Đỗ 15, Ngô 15, Dương 12, Hà 12, " +
        "Lương 8, Đào 8, Trịnh 8, Đinh 8, Hồ 6, Lý 5, Lưu 5, Mai 5, Cao 5, Nông 5, Thân 6, Giáp 4, Phùng 4, Tạ 4, Chu 4, " +
        "Nghiêm 3, Triệu 3, Vi 3, Hứa 3, Tô 3, Kiều 2, La 2, Lăng 2");
    private static readonly Weighted<string> MaleMiddle = Weighted<string>.Parse(
        "Văn 45, Đức 12, Minh 10, Quang 8, Đình 6, Hữu 6, Công 5, Xuân 4, Thanh 4, Duy 4, Trung 3, Mạnh 3, Tiến 3, Hoàng 3, Thế 3, Ngọc 2, Bá 2, Anh 2");
    private static readonly Weighted<string> FemaleMiddle = Weighted<string>.Parse(
        "Thị 60, Ngọc 6, Thu 5, Thanh 5, Thùy 4, Hồng 4, Phương 3, Minh 3, Kim 3, Quỳnh 2, Hoài 2, Bích 2, Mai 2, Khánh 2, Hải 2, Diệu 1");
    private static readonly string[] MaleGiven =
        ("Hùng Dũng Tuấn Nam Long Hải Sơn Thắng Huy Cường Minh Đức Quân Hiếu Trung Phong Tùng Hưng Việt Anh Khánh Bình " +
         "Thành Toàn Tiến Hoàng Đạt Lâm Vinh Kiên Quang Lực Hậu Công Duy Thịnh Tú Hiệp Tài Phúc Trọng Chiến Giang Nghĩa " +
         "Quý Tâm Thái Hòa Lợi Khoa Sang Mạnh Tình Vương Hạnh Định Bảo Luân").Split(' ');
    private static readonly string[] FemaleGiven =
        ("Lan Hương Hoa Huyền Trang Linh Thảo Ngọc Hà Hằng Nga Nhung Phương Thủy Mai Yến Hạnh Loan Dung Vân Tuyết Quỳnh " +
         "Oanh Liên Thúy Hiền Hồng Nhàn Xuân Anh Ly Vy Giang Thơ Duyên Tâm Trinh Nhi My Chi Thư Huệ Lý Thanh Sen Hậu Lụa " +
         "Nhài Mơ Hoài Ngân Thắm Hiên Châm Nguyệt").Split(' ');

    private readonly Dictionary<long, (string FullName, string Search)> built = [];

    /// <summary>A name for a person of this sex; about one in seven has a second middle name ("Nguyễn Thị Thu Hà").</summary>
    public (string FullName, string Search) Next(Random rng, Sex sex)
    {
        var female = sex == Sex.Female;
        var family = Family.PickIndex(rng);
        var middles = female ? FemaleMiddle : MaleMiddle;
        var middle = middles.PickIndex(rng);
        var second = rng.Next(7) == 0 ? middles.PickIndex(rng) : -1;
        if (second == middle || (second >= 0 && middles[second] is "Văn" or "Thị")) second = -1;
        var givens = female ? FemaleGiven : MaleGiven;
        var given = Skewed(rng, givens.Length);
        var key = ((((long)family * 64 + middle) * 64 + second + 1) * 128 + given) * 2 + (female ? 1 : 0);
        if (!built.TryGetValue(key, out var name))
        {
            var text = second < 0
                ? $"{Family[family]} {middles[middle]} {givens[given]}"
                : $"{Family[family]} {middles[middle]} {middles[second]} {givens[given]}";
            text = VietnameseText.NormalizeName(text);
            built[key] = name = (text, VietnameseText.SearchKey(text));
        }
        return name;
    }

    /// <summary>The lower of two draws: early entries (the common names) come up more often.</summary>
    public static int Skewed(Random rng, int n) => Math.Min(rng.Next(n), rng.Next(n));

    public static string Given(Random rng, Sex sex) => sex == Sex.Female ? FemaleGiven[Skewed(rng, FemaleGiven.Length)] : MaleGiven[Skewed(rng, MaleGiven.Length)];
}

/// <summary>Picks items by integer weight with one draw; integer arithmetic only, so every machine gets the same picks.</summary>
internal sealed class Weighted<T>
{
    private readonly T[] items;
    private readonly int[] cumulative;
    private readonly int total;

    public Weighted(IEnumerable<(T Item, int Weight)> pairs)
    {
        var list = pairs.Where(p => p.Weight > 0).ToList();
        items = [.. list.Select(p => p.Item)];
        cumulative = new int[list.Count];
        for (var i = 0; i < list.Count; i++)
            cumulative[i] = total += list[i].Weight;
        if (total == 0) throw new ArgumentException("No positive weight.", nameof(pairs));
    }

    public int Count => items.Length;
    public T this[int index] => items[index];

    public int PickIndex(Random rng)
    {
        var x = rng.Next(total);
        var i = Array.BinarySearch(cumulative, x);
        return i < 0 ? ~i : i + 1;
    }

    public T Pick(Random rng) => items[PickIndex(rng)];

    /// <summary>"A 3, B 1" → A three times as likely as B.</summary>
    public static Weighted<string> Parse(string spec) => new(spec.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Select(e => { var i = e.LastIndexOf(' '); return (e[..i], int.Parse(e[(i + 1)..], System.Globalization.CultureInfo.InvariantCulture)); }));
}
