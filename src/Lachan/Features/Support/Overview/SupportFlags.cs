using Lachan.Features.Registry.Contracts;
using Lachan.Features.Support.Lists;
using Lachan.Features.Support.Payments;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Support.Overview;

/// <summary>What breaks the rules (issue 12, item 7): the same worker on two employers' lists for one policy period; an
/// amount over what the policy gives (asked or approved); a payment whose approval is missing, another worker's, smaller
/// or on a list not approved; a worker paid twice for one policy period.</summary>
public static class FlagKinds
{
    public const string TwoEmployers = "two-employers", OverCap = "over-cap", PaymentWithoutApproval = "payment-without-approval", PaidTwice = "paid-twice";
}

/// <summary>A flag on the officers' worklist: the worker by masked CCCD and name (linked by id, never by CCCD), the
/// policy period, the lists and batches involved, and the amounts at stake.</summary>
public sealed record WorkerFlag(string Kind, int WorkerId, string CccdMasked, string FullName, string PolicyCode, DateOnly PeriodKey,
    IReadOnlyList<int> ListIds, IReadOnlyList<int> BatchIds, long Amount, long? Cap);

public sealed record FlagPage(int Page, int PageSize, int Total, IReadOnlyList<WorkerFlag> Flags);

/// <summary>The flags worklist over the lists the caller sees (ListScope: province, district, zone, enterprise) and the
/// batches of those lists. The rows read are a few integers each, grouped here.</summary>
public sealed class SupportFlags(LachanDb db, ListScope scope)
{
    public const int PageSize = 50;

    /// <summary>"024******789": the province and the last digits, enough to tell two people apart on a worklist.</summary>
    public static string Mask(string cccd) => cccd.Length < 7 ? new string('*', cccd.Length) : cccd[..3] + new string('*', cccd.Length - 6) + cccd[^3..];

    public async Task<FlagPage> PageAsync(int page, string? kind, CancellationToken ct)
    {
        page = Math.Max(page, 1);
        var all = (await FlagsAsync(ct)).Where(f => kind is null || f.Kind == kind)
            .OrderBy(f => f.Kind, StringComparer.Ordinal).ThenBy(f => f.PolicyCode, StringComparer.Ordinal).ThenBy(f => f.PeriodKey).ThenBy(f => f.WorkerId).ToList();
        return new FlagPage(page, PageSize, all.Count, [.. all.Skip((page - 1) * PageSize).Take(PageSize)]);
    }

    public async Task<List<WorkerFlag>> FlagsAsync(CancellationToken ct)
    {
        var lists = scope.Lists(db.Set<SupportList>()).AsNoTracking();
        var raw = new List<(string Kind, int WorkerId, string Policy, DateOnly Period, List<int> Lists, List<int> Batches, long Amount, long? Cap)>();

        // the same worker on lists of two employers for one policy period (refused lists and withdrawn rows do not count)
        var onLists = await lists.Where(l => l.State != ListState.Refused)
            .Join(db.Set<SupportListRow>().Where(r => !r.Withdrawn && r.WorkerId != null), l => l.Id, r => r.SupportListId,
                (l, r) => new { WorkerId = r.WorkerId!.Value, l.PolicyCode, l.PeriodKey, l.EnterpriseId, ListId = l.Id, r.AmountAsked, r.AmountComputed, r.Eligible })
            .ToListAsync(ct);
        foreach (var g in onLists.GroupBy(x => (x.WorkerId, x.PolicyCode, x.PeriodKey)).Where(g => g.Select(x => x.EnterpriseId).Distinct().Count() > 1))
            raw.Add((FlagKinds.TwoEmployers, g.Key.WorkerId, g.Key.PolicyCode, g.Key.PeriodKey, [.. g.Select(x => x.ListId).Distinct().Order()], [], g.Sum(x => x.AmountAsked), null));
        // asked more than the rules give an eligible worker
        foreach (var x in onLists.Where(x => x.Eligible && x.AmountAsked > x.AmountComputed))
            raw.Add((FlagKinds.OverCap, x.WorkerId, x.PolicyCode, x.PeriodKey, [x.ListId], [], x.AmountAsked, x.AmountComputed));

        // approved more than the row's computed amount
        var approvals = await lists.Join(db.Set<SupportApproval>(), l => l.Id, a => a.SupportListId, (l, a) => new { a.Id, a.WorkerId, a.RowId, a.Amount, a.PolicyCode, a.PeriodStart, ListId = l.Id, l.State })
            .Join(db.Set<SupportListRow>(), a => a.RowId, r => r.Id, (a, r) => new { a.Id, a.WorkerId, a.Amount, a.PolicyCode, a.PeriodStart, a.ListId, a.State, r.AmountComputed })
            .ToListAsync(ct);
        foreach (var a in approvals.Where(a => a.Amount > a.AmountComputed))
            raw.Add((FlagKinds.OverCap, a.WorkerId, a.PolicyCode, a.PeriodStart, [a.ListId], [], a.Amount, a.AmountComputed));

        // payments of the caller's lists: each needs its approval (same worker, at most its amount, on an approved list)
        var lines = await lists.Join(db.Set<PaymentBatch>(), l => l.Id, b => b.SupportListId, (l, b) => new { BatchId = b.Id, ListId = l.Id, l.PolicyCode, l.PeriodKey })
            .Join(db.Set<PaymentLine>(), b => b.BatchId, p => p.PaymentBatchId, (b, p) => new { b.BatchId, b.ListId, b.PolicyCode, b.PeriodKey, p.ApprovalId, p.WorkerId, p.Amount, p.Status })
            .ToListAsync(ct);
        var approvalById = approvals.ToDictionary(a => a.Id);
        var stray = lines.Where(p => p.ApprovalId != 0 && !approvalById.ContainsKey(p.ApprovalId)).Select(p => p.ApprovalId).Distinct().ToList();
        // an approval of a list the caller does not see still counts as an approval
        List<int> elsewhere = stray.Count == 0 ? [] : await db.Set<SupportApproval>().AsNoTracking().Where(a => stray.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        foreach (var p in lines)
        {
            var ok = approvalById.TryGetValue(p.ApprovalId, out var a)
                ? a.WorkerId == p.WorkerId && p.Amount <= a.Amount && a.State == ListState.Approved
                : elsewhere.Contains(p.ApprovalId);
            if (!ok) raw.Add((FlagKinds.PaymentWithoutApproval, p.WorkerId, p.PolicyCode, p.PeriodKey, [p.ListId], [p.BatchId], p.Amount, a?.Amount));
        }
        // paid (sent or waiting to be sent, not sent back) more than once for one policy period
        foreach (var g in lines.Where(p => p.Status is PaymentStatus.Sent or PaymentStatus.Pending).GroupBy(p => (p.WorkerId, p.PolicyCode, p.PeriodKey)).Where(g => g.Count() > 1))
            raw.Add((FlagKinds.PaidTwice, g.Key.WorkerId, g.Key.PolicyCode, g.Key.PeriodKey, [.. g.Select(p => p.ListId).Distinct().Order()],
                [.. g.Select(p => p.BatchId).Distinct().Order()], g.Sum(p => p.Amount), null));

        var workerIds = raw.Select(r => r.WorkerId).Distinct().ToList();
        var people = new Dictionary<int, (string Cccd, string Name)>();
        foreach (var chunk in workerIds.Chunk(2000))
            foreach (var w in await db.Set<Worker>().AsNoTracking().Where(w => chunk.Contains(w.Id)).Select(w => new { w.Id, w.Cccd, w.FullName }).ToListAsync(ct))
                people[w.Id] = (w.Cccd, w.FullName);
        return [.. raw.Select(r =>
        {
            var (cccd, name) = people.GetValueOrDefault(r.WorkerId, ("", ""));
            return new WorkerFlag(r.Kind, r.WorkerId, Mask(cccd), name, r.Policy, r.Period, r.Lists, r.Batches, r.Amount, r.Cap);
        })];
    }
}
