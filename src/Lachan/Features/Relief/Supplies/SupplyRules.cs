namespace Lachan.Features.Relief.Supplies;

/// <summary>Seeded goods and per-worker limits, and the limit check itself (pure, unit-tested alone).</summary>
public static class SupplyRules
{
    private const string Era2021 = "Kế hoạch hỗ trợ đời sống công nhân của LĐLĐ tỉnh, 05/2021 (giả định)";

    /// <summary>Common goods of the 2021 zero-đồng supermarkets, with plausible values (invented).</summary>
    public static readonly SupplyItem[] Items =
    [
        new() { Id = 1, Code = "GOI-CB", Name = "Gói nhu yếu phẩm cơ bản", Unit = "gói", UnitValue = 500_000 },
        new() { Id = 2, Code = "GAO-10", Name = "Gạo 10 kg", Unit = "bao", UnitValue = 150_000 },
        new() { Id = 3, Code = "MI-THUNG", Name = "Mì tôm (thùng 30 gói)", Unit = "thùng", UnitValue = 110_000 },
        new() { Id = 4, Code = "DAU-AN", Name = "Dầu ăn 1 lít", Unit = "chai", UnitValue = 45_000 },
        new() { Id = 5, Code = "TRUNG-10", Name = "Trứng gà (vỉ 10 quả)", Unit = "vỉ", UnitValue = 30_000 },
    ];

    /// <summary>One basic package per worker per 7 days; at most 1,000,000 đồng cash per worker per 30 days.</summary>
    public static readonly IssueLimitRule[] Limits =
    [
        new() { Id = 1, Code = "basic-package-7d", ItemId = 1, MaxPerWindow = 1, WindowDays = 7, EffectiveFrom = new(2021, 1, 1), Source = Era2021 },
        new() { Id = 2, Code = "cash-30d", ItemId = null, MaxPerWindow = 1_000_000, WindowDays = 30, EffectiveFrom = new(2021, 1, 1), Source = Era2021 },
    ];

    /// <summary>What one recipient already received: goods (ItemId) or cash (ItemId null, Quantity in đồng).</summary>
    public readonly record struct Received(DateOnly Day, int? ItemId, long Quantity);

    /// <summary>The first rule in force on <paramref name="day"/> that the issue would break, or null. A rule's window is
    /// the day of the issue and the WindowDays − 1 days before it; what is asked counts with what was received.</summary>
    public static IssueLimitRule? Breached(IEnumerable<IssueLimitRule> rules, DateOnly day,
        IReadOnlyDictionary<int, long> items, long cash, IEnumerable<Received> history)
    {
        var past = history.ToList();
        foreach (var rule in rules.Where(r => r.InForceOn(day)).OrderBy(r => r.Id))
        {
            var asked = rule.ItemId is { } item ? items.GetValueOrDefault(item) : cash;
            if (asked == 0) continue;
            var first = day.AddDays(-(rule.WindowDays - 1));
            var had = past.Where(h => h.ItemId == rule.ItemId && h.Day >= first && h.Day <= day).Sum(h => h.Quantity);
            if (had + asked > rule.MaxPerWindow) return rule;
        }
        return null;
    }
}
