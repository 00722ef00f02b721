using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Support.Payments;

public sealed record PaymentLineView(int Id, string Reference, int WorkerId, string PayeeName, long Amount, PaymentStatus Status, DateOnly? ReturnedOn, string? ReturnReason);

/// <summary>A batch reconciled: what was sent, returned and failed, and so what was paid (sent and not sent back).</summary>
public sealed record BatchView(int Id, string Reference, int ListId, string PolicyCode, string TaxCode, PaymentChannel Channel, DateOnly CreatedOn,
    DateOnly? ExportedOn, long Total, long Sent, long Returned, long Failed, long Paid, long Pending, IReadOnlyList<PaymentLineView> Lines);

public sealed record BatchSummary(int Id, string Reference, int ListId, string PolicyCode, string TaxCode, PaymentChannel Channel, DateOnly CreatedOn, DateOnly? ExportedOn, long Total);

public sealed class Reconciliation(LachanDb db, AuditLog audit, PaymentScope scope)
{
    public Task<List<BatchSummary>> ListAsync(int? listId, CancellationToken ct) =>
        scope.Batches(db.Set<PaymentBatch>()).AsNoTracking().Where(b => listId == null || b.SupportListId == listId).OrderByDescending(b => b.Id).Take(500)
            .Select(b => new BatchSummary(b.Id, b.Reference, b.SupportListId, b.PolicyCode, b.TaxCode, b.Channel, b.CreatedOn, b.ExportedOn, b.Total)).ToListAsync(ct);

    /// <summary>The batch with its lines (payees' names: an audited view), or null outside the caller's jurisdiction.</summary>
    public async Task<BatchView?> BatchAsync(int id, CancellationToken ct)
    {
        var b = await scope.Batches(db.Set<PaymentBatch>()).AsNoTracking().Include(x => x.Lines).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (b is null) return null;
        long Sum(params PaymentStatus[] s) => b.Lines.Where(l => s.Contains(l.Status)).Sum(l => l.Amount);
        await audit.ViewedAsync(nameof(PaymentBatch), id, ct);
        return new BatchView(b.Id, b.Reference, b.SupportListId, b.PolicyCode, b.TaxCode, b.Channel, b.CreatedOn, b.ExportedOn, b.Total,
            Sent: Sum(PaymentStatus.Sent, PaymentStatus.Returned, PaymentStatus.Failed), Returned: Sum(PaymentStatus.Returned), Failed: Sum(PaymentStatus.Failed),
            Paid: Sum(PaymentStatus.Sent), Pending: Sum(PaymentStatus.Pending),
            [.. b.Lines.OrderBy(l => l.Id).Select(l => new PaymentLineView(l.Id, l.Reference, l.WorkerId, l.PayeeName, l.Amount, l.Status, l.ReturnedOn, l.ReturnReason))]);
    }
}
