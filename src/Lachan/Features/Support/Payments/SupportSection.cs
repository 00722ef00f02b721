using Lachan.Features.Registry.Contracts;
using Lachan.Features.Support.Lists;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Support.Payments;

/// <summary>One policy period of a worker: on which list, approved (and how much), paid, returned, and when.</summary>
public sealed record SupportEntry(string PolicyCode, DateOnly PeriodStart, int ListId, ListState ListState, DateOnly? AppliedOn, long Asked,
    long? Approved, DateOnly? ApprovedOn, long? Paid, DateOnly? PaidOn, PaymentStatus? PaymentStatus, DateOnly? ReturnedOn);

/// <summary>The worker profile's support block (like the relief block): every list the worker is on, its approval and
/// payment. Shown to those who may read lists (row filter: the lists the caller sees); hidden when there is nothing.</summary>
public sealed class SupportSection(LachanDb db, ListScope lists) : IWorkerProfileSection
{
    public int Order => 55;
    public string PartialName => "~/Features/Support/Payments/_WorkerSupport.cshtml";

    public async Task<object?> LoadAsync(WorkerProfileData profile, CancellationToken ct) =>
        lists.CanRead && await EntriesAsync(profile.Identity.Id, ct) is { Count: > 0 } entries ? entries : null;

    /// <summary>The worker's entries on the lists the caller sees (also the view across programmes, Support/Overview).</summary>
    public async Task<List<SupportEntry>> EntriesAsync(int id, CancellationToken ct)
    {
        // plain joins (no correlated subquery in the projection: SQLite cannot run those)
        var rows = await lists.Lists(db.Set<SupportList>()).AsNoTracking()
            .Join(db.Set<SupportListRow>().Where(r => r.WorkerId == id), l => l.Id, r => r.SupportListId, (l, r) => new
            {
                l.PolicyCode, l.PeriodStart, l.Id, l.State, l.SubmittedOn, r.AmountAsked, RowId = r.Id,
            }).ToListAsync(ct);
        if (rows.Count == 0) return [];
        var rowIds = rows.Select(r => r.RowId).ToList();
        var approvals = await db.Set<SupportApproval>().AsNoTracking().Where(a => rowIds.Contains(a.RowId))
            .Select(a => new { a.Id, a.RowId, a.Amount, a.ApprovedOn }).ToDictionaryAsync(a => a.RowId, ct);
        var approvalIds = approvals.Values.Select(a => a.Id).ToList();
        var payments = await db.Set<PaymentLine>().AsNoTracking().Where(p => approvalIds.Contains(p.ApprovalId))
            .Join(db.Set<PaymentBatch>(), p => p.PaymentBatchId, b => b.Id, (p, b) => new { p.ApprovalId, p.Amount, p.Status, p.ReturnedOn, b.ExportedOn })
            .ToDictionaryAsync(p => p.ApprovalId, ct);
        return rows.OrderByDescending(r => r.PeriodStart).Select(r =>
        {
            var approval = approvals.GetValueOrDefault(r.RowId);
            var pay = approval is { } a ? payments.GetValueOrDefault(a.Id) : null;
            return new SupportEntry(r.PolicyCode, r.PeriodStart, r.Id, r.State, r.SubmittedOn, r.AmountAsked, approval?.Amount, approval?.ApprovedOn,
                pay?.Status is PaymentStatus.Sent ? pay.Amount : null, pay?.ExportedOn, pay?.Status, pay?.ReturnedOn);
        }).ToList();
    }
}
