using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lachan.Infrastructure.Calendar;

/// <summary>A weekday off work by law or by the government's yearly notice (Tết, Hùng Kings, 30/4, 1/5, 2/9 and the
/// days given in compensation). Data, not code: each year's days are announced late and an administrator adds them.
/// Saturdays and Sundays are never working days and need no row.</summary>
public sealed class PublicHoliday
{
    public int Id { get; set; }
    public DateOnly Day { get; set; }
    public string Name { get; set; } = "";
    public string? Source { get; set; }
}

public sealed class PublicHolidayConfiguration : IEntityTypeConfiguration<PublicHoliday>
{
    public void Configure(EntityTypeBuilder<PublicHoliday> builder)
    {
        builder.ToTable("PublicHolidays");
        builder.HasIndex(h => h.Day).IsUnique();
        builder.Property(h => h.Name).HasMaxLength(100);
        builder.Property(h => h.Source).HasMaxLength(200);
        builder.HasData(Seed.Select((h, i) => new PublicHoliday { Id = i + 1, Day = h.Day, Name = h.Name, Source = h.Source }));
    }

    /// <summary>The weekdays off in 2021–2022 (Labour Code 2019 art. 112 and the Prime Minister's yearly notices),
    /// the years of Resolution 68 and Decision 08.</summary>
    private static readonly (DateOnly Day, string Name, string Source)[] Seed =
    [
        (new(2021, 1, 1), "Tết Dương lịch", "BLLĐ 2019 Đ.112"),
        .. Days(new(2021, 2, 10), 5, "Tết Nguyên đán Tân Sửu", "TB 6150/TB-LĐTBXH"),
        (new(2021, 4, 21), "Giỗ Tổ Hùng Vương", "BLLĐ 2019 Đ.112"),
        (new(2021, 4, 30), "Ngày Chiến thắng", "BLLĐ 2019 Đ.112"),
        (new(2021, 5, 3), "Quốc tế Lao động (nghỉ bù 1/5)", "BLLĐ 2019 Đ.112"),
        (new(2021, 9, 2), "Quốc khánh", "BLLĐ 2019 Đ.112"),
        (new(2021, 9, 3), "Quốc khánh", "BLLĐ 2019 Đ.112"),
        (new(2022, 1, 3), "Tết Dương lịch (nghỉ bù)", "TB 4997/TB-LĐTBXH"),
        .. Days(new(2022, 1, 31), 5, "Tết Nguyên đán Nhâm Dần", "TB 4997/TB-LĐTBXH"),
        (new(2022, 4, 11), "Giỗ Tổ Hùng Vương (nghỉ bù)", "TB 4997/TB-LĐTBXH"),
        (new(2022, 5, 2), "Ngày Chiến thắng (nghỉ bù)", "TB 4997/TB-LĐTBXH"),
        (new(2022, 5, 3), "Quốc tế Lao động (nghỉ bù)", "TB 4997/TB-LĐTBXH"),
        (new(2022, 9, 1), "Quốc khánh", "TB 4997/TB-LĐTBXH"),
        (new(2022, 9, 2), "Quốc khánh", "BLLĐ 2019 Đ.112"),
    ];

    private static IEnumerable<(DateOnly, string, string)> Days(DateOnly from, int count, string name, string source) =>
        Enumerable.Range(0, count).Select(i => (from.AddDays(i), name, source));
}
