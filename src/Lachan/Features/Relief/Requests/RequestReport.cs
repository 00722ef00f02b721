using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Relief.Requests;

public sealed record NeedCount(HelpNeed Need, int Requests);

public sealed record StatusCount(RequestStatus Status, int Requests);

public sealed record AreaCount(string CommuneCode, string Commune, int Requests, int Open, int Delivered, int Cancelled);

/// <summary>Hours from a request to its delivery, over the period's delivered requests.</summary>
public sealed record DeliveryTimes(int Delivered, double? MedianHours, double? P90Hours);

public sealed record RequestFigures(DateOnly From, DateOnly To, int Total, IReadOnlyList<NeedCount> ByNeed,
    IReadOnlyList<StatusCount> ByStatus, IReadOnlyList<AreaCount> ByArea, DeliveryTimes Times);

/// <summary>The steering committee's request report (issue 11, item 8): the requests made in a period (by the
/// province's day they came in) by need, by status today and by commune, and the time from request to delivery.
/// Only the requests the caller may see; no personal data.</summary>
public sealed class RequestReport(LachanDb db, RequestScope scope)
{
    public const int MaxDays = 366;
    private static readonly TimeSpan ProvinceOffset = TimeSpan.FromHours(7);

    public async Task<RequestFigures> RunAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        // the province's days [from, to] as UTC instants (CreatedAt is stored in UTC)
        var (start, end) = (from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - ProvinceOffset, to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - ProvinceOffset);
        var rows = await scope.Requests(db.Set<HelpRequest>().AsNoTracking()).Where(r => r.CreatedAt >= start && r.CreatedAt < end)
            .Select(r => new { r.Needs, r.Status, r.CommuneCode, r.CreatedAt, r.DeliveredAt }).ToListAsync(ct);

        var byNeed = Enum.GetValues<HelpNeed>().Where(n => n != HelpNeed.None)
            .Select(n => new NeedCount(n, rows.Count(r => r.Needs.HasFlag(n)))).ToList();
        var byStatus = Enum.GetValues<RequestStatus>().Select(s => new StatusCount(s, rows.Count(r => r.Status == s))).ToList();
        var codes = rows.Select(r => r.CommuneCode).Distinct().ToList();
        var names = await db.Set<AdminUnit>().AsNoTracking().Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name, ct);
        var byArea = rows.GroupBy(r => r.CommuneCode)
            .Select(g => new AreaCount(g.Key, names.GetValueOrDefault(g.Key, g.Key), g.Count(), g.Count(r => r.Status is RequestStatus.New or RequestStatus.Assigned),
                g.Count(r => r.Status == RequestStatus.Delivered), g.Count(r => r.Status == RequestStatus.Cancelled)))
            .OrderByDescending(a => a.Requests).ThenBy(a => a.Commune, StringComparer.Ordinal).ToList();
        var hours = rows.Where(r => r.DeliveredAt is not null).Select(r => (r.DeliveredAt!.Value - r.CreatedAt).TotalHours).ToList();
        var times = new DeliveryTimes(hours.Count, Percentile(hours, 0.5), Percentile(hours, 0.9));
        return new RequestFigures(from, to, rows.Count, byNeed, byStatus, byArea, times);
    }

    /// <summary>The p-quantile with linear interpolation between the closest ranks (Excel's PERCENTILE.INC, which the
    /// steering committee's spreadsheets use): the median of an even count is the mean of the two middle values.</summary>
    public static double? Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToArray();
        var rank = p * (sorted.Length - 1);
        var lo = (int)Math.Floor(rank);
        var hi = (int)Math.Ceiling(rank);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }
}
