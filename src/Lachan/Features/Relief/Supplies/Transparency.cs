using Lachan.Infrastructure.Calendar;
using Lachan.Infrastructure;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Relief.Supplies;

/// <summary>The public totals (no names, no personal data): money and goods in by kind of source and out by use, up to
/// and including a day, and the time of the newest movement counted. Computed from the ledger alone (its running totals,
/// <see cref="LedgerTotal"/>), so they reconcile with it exactly; a reversal counts against what it reverses.</summary>
public sealed record TransparencyTotals(DateOnly AsOf, DateTime? DataAt, Flow Money, Flow Goods, IReadOnlyList<ItemFlow> Items)
{
    public long MoneyHeld => Money.In - Money.Out;
    public long GoodsHeldValue => Goods.In - Goods.Out;
}

/// <summary>Totals in đồng (goods at their recorded value) with their breakdown.</summary>
public sealed record Flow(long In, long Out, IReadOnlyList<Amount> InBySource, IReadOnlyList<Amount> OutByUse);

/// <summary>Source: Company, LabourFederation, Organisation, Individual; use: Counter, Delivery, Cash.</summary>
public sealed record Amount(string Key, long Value);

public sealed record ItemFlow(string Code, string Name, string Unit, long QuantityIn, long QuantityOut);

public sealed class Transparency(LachanDb db, ProvinceCalendar calendar)
{
    public async Task<TransparencyTotals> TotalsAsync(DateOnly? asOf, CancellationToken ct)
    {
        var day = asOf ?? calendar.Today;
        // only the ends of the chain: what came from donors, what reached recipients (and their reversals); read from the
        // running totals per day (a few thousand rows), not from the million movements they sum
        var rows = await db.Set<LedgerTotal>().AsNoTracking()
            .Where(m => m.Day <= day && (m.FromKind == AccountKind.Donor || m.ToKind == AccountKind.Donor
                || m.FromKind == AccountKind.Recipients || m.ToKind == AccountKind.Recipients))
            .GroupBy(m => new { m.FromKind, m.FromRef, m.ToKind, m.ToRef, m.SourceKind, m.ItemId })
            .Select(g => new Row(g.Key.FromKind, g.Key.FromRef, g.Key.ToKind, g.Key.ToRef, g.Key.SourceKind, g.Key.ItemId == 0 ? null : g.Key.ItemId,
                g.Sum(m => m.Value), g.Sum(m => m.Quantity)))
            .ToListAsync(ct);
        var dataAt = await db.Set<LedgerTotal>().Where(m => m.Day <= day).MaxAsync(m => (DateTime?)m.LastAt, ct);
        var items = await db.Set<SupplyItem>().AsNoTracking().OrderBy(i => i.Id).ToListAsync(ct);
        return new TransparencyTotals(day, dataAt is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : null,
            FlowOf(rows.Where(r => r.ItemId is null)), FlowOf(rows.Where(r => r.ItemId is not null)),
            [.. items.Select(i => new ItemFlow(i.Code, i.Name, i.Unit,
                rows.Where(r => r.ItemId == i.Id).Sum(r => r.InSign * r.Quantity),
                rows.Where(r => r.ItemId == i.Id).Sum(r => r.OutSign * r.Quantity)))
                .Where(f => f.QuantityIn != 0 || f.QuantityOut != 0)]);
    }

    private sealed record Row(AccountKind FromKind, int FromRef, AccountKind ToKind, int ToRef, DonorKind Source, int? ItemId, long Value, long Quantity)
    {
        /// <summary>+1 from a donor, −1 back to one (a reversed gift).</summary>
        public int InSign => FromKind == AccountKind.Donor ? 1 : ToKind == AccountKind.Donor ? -1 : 0;
        public int OutSign => ToKind == AccountKind.Recipients ? 1 : FromKind == AccountKind.Recipients ? -1 : 0;
        public IssueChannel Use => (IssueChannel)(ToKind == AccountKind.Recipients ? ToRef : FromRef);
    }

    private static Flow FlowOf(IEnumerable<Row> rows)
    {
        var list = rows.ToList();
        var bySource = Enum.GetValues<DonorKind>().Select(k => new Amount(k.ToString(), list.Where(r => r.InSign != 0 && r.Source == k).Sum(r => r.InSign * r.Value)));
        var byUse = Enum.GetValues<IssueChannel>().Select(c => new Amount(c.ToString(), list.Where(r => r.OutSign != 0 && r.Use == c).Sum(r => r.OutSign * r.Value)));
        return new Flow(list.Sum(r => r.InSign * r.Value), list.Sum(r => r.OutSign * r.Value), [.. bySource], [.. byUse]);
    }
}
