using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Relief.Supplies;

/// <summary>One day of the goods and money report: what came in from donors and what went out to workers (net of
/// reversals), money in đồng and goods at their recorded value.</summary>
public sealed record ReportDay(DateOnly Day, long MoneyIn, long MoneyOut, long GoodsIn, long GoodsOut);

/// <summary>Goods and money in and out per day, for the steering committee (page and xlsx).</summary>
public sealed class SupplyReport(LachanDb db)
{
    public const int MaxDays = 366;

    public async Task<IReadOnlyList<ReportDay>> DaysAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var rows = await db.Set<LedgerTotal>().AsNoTracking()
            .Where(m => m.Day >= from && m.Day <= to && (m.FromKind == AccountKind.Donor || m.ToKind == AccountKind.Donor
                || m.FromKind == AccountKind.Recipients || m.ToKind == AccountKind.Recipients))
            .GroupBy(m => new { m.Day, m.FromKind, m.ToKind, Money = m.ItemId == 0 })
            .Select(g => new { g.Key.Day, g.Key.FromKind, g.Key.ToKind, g.Key.Money, Value = g.Sum(m => m.Value) })
            .ToListAsync(ct);
        long Sum(DateOnly day, bool money, AccountKind end, bool into) => rows
            .Where(r => r.Day == day && r.Money == money && (r.FromKind == end || r.ToKind == end))
            .Sum(r => (r.FromKind == end) == into ? r.Value : -r.Value);
        return [.. rows.Select(r => r.Day).Distinct().Order().Select(d => new ReportDay(d,
            Sum(d, true, AccountKind.Donor, true), Sum(d, true, AccountKind.Recipients, false),
            Sum(d, false, AccountKind.Donor, true), Sum(d, false, AccountKind.Recipients, false)))];
    }
}
