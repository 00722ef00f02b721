using Lachan.Features.Support.Lists;
using Lachan.Features.Support.Payments;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Support.Reports;

/// <summary>What a report groups by (issue 12, item 8).</summary>
public enum ReportBy { Policy, District, Zone, Enterprise, Status }

/// <summary>One group: its lists, the workers on them (rows not withdrawn), how many were approved and for how much,
/// what the bank paid (sent, not sent back) and what came back (returned or failed). Whole đồng.</summary>
public sealed record ReportRow(string Key, int Lists, int Workers, int Approved, long AmountApproved, long AmountPaid, long AmountReturned);

/// <summary>The seed article's headline figures, from the records: the share of applicants (workers on a list past its
/// draft) approved, and the amount paid by each policy family (Resolution 68: NQ68-*, Decision 08: QD08-*).</summary>
public sealed record Headline(int Applicants, int ApprovedApplicants, double ShareApproved, long PaidResolution68, long PaidDecision08, long PaidTotal,
    long ApprovedTotal);

public sealed record SupportReport(ReportBy By, IReadOnlyList<ReportRow> Rows, ReportRow Total, Headline Headline);

/// <summary>The support reports: every list the caller sees (the lists' jurisdiction: province, district, zone,
/// enterprise), its rows, approvals and payments, summed by policy, district, IZ, enterprise or state. A few grouped
/// queries (no personal data leaves them), the grouping in memory over the lists.</summary>
public sealed class SupportReports(LachanDb db, ListScope scope)
{
    public const string Resolution68 = "NQ68-", Decision08 = "QD08-";

    public async Task<SupportReport> BuildAsync(ReportBy by, CancellationToken ct)
    {
        var lists = await scope.Lists(db.Set<SupportList>()).AsNoTracking()
            .Select(l => new { l.Id, l.PolicyCode, l.DistrictCode, l.ZoneCode, l.TaxCode, l.State }).ToListAsync(ct);
        var ids = lists.Select(l => l.Id).ToList();
        var rows = new Dictionary<int, List<int>>();
        var approvals = new Dictionary<int, (int Count, long Amount, List<int> Workers)>();
        var paid = new Dictionary<int, (long Paid, long Returned)>();
        foreach (var chunk in ids.Chunk(1000))
        {
            foreach (var g in (await db.Set<SupportListRow>().AsNoTracking().Where(r => chunk.Contains(r.SupportListId) && !r.Withdrawn && r.WorkerId != null)
                         .Select(r => new { r.SupportListId, WorkerId = r.WorkerId!.Value }).ToListAsync(ct)).GroupBy(r => r.SupportListId))
                rows[g.Key] = [.. g.Select(r => r.WorkerId)];
            foreach (var g in (await db.Set<SupportApproval>().AsNoTracking().Where(a => chunk.Contains(a.SupportListId))
                         .Select(a => new { a.SupportListId, a.WorkerId, a.Amount }).ToListAsync(ct)).GroupBy(a => a.SupportListId))
                approvals[g.Key] = (g.Count(), g.Sum(a => a.Amount), [.. g.Select(a => a.WorkerId)]);
            foreach (var g in await db.Set<PaymentLine>().AsNoTracking().Join(db.Set<PaymentBatch>(), p => p.PaymentBatchId, b => b.Id, (p, b) => new { b.SupportListId, p.Status, p.Amount })
                         .Where(x => chunk.Contains(x.SupportListId)).GroupBy(x => new { x.SupportListId, x.Status })
                         .Select(g => new { g.Key.SupportListId, g.Key.Status, Amount = g.Sum(x => x.Amount) }).ToListAsync(ct))
            {
                var (p, r) = paid.GetValueOrDefault(g.SupportListId);
                paid[g.SupportListId] = g.Status switch
                {
                    PaymentStatus.Sent => (p + g.Amount, r),
                    PaymentStatus.Returned or PaymentStatus.Failed => (p, r + g.Amount),
                    _ => (p, r),
                };
            }
        }

        string Key(string policy, string district, string? zone, string taxCode, ListState state) => by switch
        {
            ReportBy.Policy => policy,
            ReportBy.District => district,
            ReportBy.Zone => zone ?? "",
            ReportBy.Enterprise => taxCode,
            _ => state.ToString(),
        };
        ReportRow Sum(string key, IEnumerable<int> listIds)
        {
            var set = listIds.ToList();
            return new ReportRow(key, set.Count, set.Sum(id => rows.GetValueOrDefault(id)?.Count ?? 0), set.Sum(id => approvals.GetValueOrDefault(id).Count),
                set.Sum(id => approvals.GetValueOrDefault(id).Amount), set.Sum(id => paid.GetValueOrDefault(id).Paid), set.Sum(id => paid.GetValueOrDefault(id).Returned));
        }
        var grouped = lists.GroupBy(l => Key(l.PolicyCode, l.DistrictCode, l.ZoneCode, l.TaxCode, l.State))
            .Select(g => Sum(g.Key, g.Select(l => l.Id))).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();

        // applicants: the distinct workers on a list that left its draft; approved: those with an approval
        var applied = lists.Where(l => l.State != ListState.Draft).SelectMany(l => rows.GetValueOrDefault(l.Id) ?? []).ToHashSet();
        var approvedWorkers = lists.SelectMany(l => approvals.TryGetValue(l.Id, out var a) ? a.Workers : []).Where(applied.Contains).ToHashSet();
        long PaidOf(string family) => lists.Where(l => l.PolicyCode.StartsWith(family, StringComparison.Ordinal)).Sum(l => paid.GetValueOrDefault(l.Id).Paid);
        var total = Sum("", ids);
        var headline = new Headline(applied.Count, approvedWorkers.Count, applied.Count == 0 ? 0 : Math.Round((double)approvedWorkers.Count / applied.Count, 4),
            PaidOf(Resolution68), PaidOf(Decision08), total.AmountPaid, total.AmountApproved);
        return new SupportReport(by, grouped, total, headline);
    }
}
