using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Infrastructure.Calendar;

/// <summary>Counting in working days (Monday to Friday, not a public holiday), as the procedures' deadlines are
/// written ("within 2 working days"). Pure over a set of holidays, so the rule is tested without a database.</summary>
public sealed class WorkingDays(IReadOnlySet<DateOnly> holidays)
{
    public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);

    /// <summary>The n-th working day after <paramref name="day"/> (n ≥ 0; 0 is the day itself). A step received on
    /// Friday with 2 working days is due on Tuesday; one received during Tết is due counting from after Tết.</summary>
    public DateOnly Add(DateOnly day, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var d = day;
        for (var left = n; left > 0;)
        {
            d = d.AddDays(1);
            if (IsWorkingDay(d)) left--;
        }
        return d;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/> (0 when to ≤ from).</summary>
    public int Between(DateOnly from, DateOnly to)
    {
        var n = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            if (IsWorkingDay(d)) n++;
        return n;
    }
}

/// <summary>The public holidays as stored: read per request (a few dozen rows), added by an administrator with an
/// audit event.</summary>
public sealed class HolidayCalendar(LachanDb db, AuditLog audit)
{
    public async Task<WorkingDays> WorkingDaysAsync(CancellationToken ct) =>
        new(await db.Set<PublicHoliday>().AsNoTracking().Select(h => h.Day).ToHashSetAsync(ct));

    public Task<List<PublicHoliday>> ListAsync(int? year, CancellationToken ct) =>
        db.Set<PublicHoliday>().AsNoTracking().Where(h => year == null || (h.Day >= new DateOnly(year.Value, 1, 1) && h.Day <= new DateOnly(year.Value, 12, 31)))
            .OrderBy(h => h.Day).ToListAsync(ct);

    /// <summary>Adds a day off; false when the day is already one (the unique index decides under a race too).</summary>
    public async Task<bool> AddAsync(DateOnly day, string name, string? source, CancellationToken ct)
    {
        if (await db.Set<PublicHoliday>().AnyAsync(h => h.Day == day, ct)) return false;
        var holiday = new PublicHoliday { Day = day, Name = name.Trim(), Source = string.IsNullOrWhiteSpace(source) ? null : source.Trim() };
        db.Add(holiday);
        audit.Record("create", nameof(PublicHoliday), day.ToString("yyyy-MM-dd"), after: new { holiday.Name, holiday.Source });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
