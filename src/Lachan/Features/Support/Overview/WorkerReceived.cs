using Lachan.Features.Registry.Contracts;
using Lachan.Features.Relief.Contracts;
using Lachan.Features.Support.Payments;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Support.Overview;

/// <summary>Everything one worker received across programmes (issue 12, item 7): in cash, every support policy's list,
/// approval and payment (as the profile's support block shows them), and in kind, the relief deliveries (the relief
/// module's published answer). Totals: approved, paid (sent, not sent back), returned.</summary>
public sealed record WorkerReceived(int WorkerId, string CccdMasked, string FullName, IReadOnlyList<SupportEntry> Cash, IReadOnlyList<InKindDelivery> InKind,
    long Approved, long Paid, long Returned);

/// <summary>One worker's view across programmes, for an officer whose jurisdiction holds the worker (the registry's row
/// filter; outside it: not found). Personal data: the view is audited.</summary>
public sealed class WorkerOverview(LachanDb db, Jurisdiction j, SupportSection support, IReliefReceived relief, AuditLog audit)
{
    public async Task<WorkerReceived?> ForAsync(int workerId, CancellationToken ct)
    {
        var worker = await j.Workers(db.Set<Worker>()).AsNoTracking().Where(w => w.Id == workerId).Select(w => new { w.Id, w.Cccd, w.FullName }).FirstOrDefaultAsync(ct);
        if (worker is null) return null;
        var cash = await support.EntriesAsync(worker.Id, ct);
        var inKind = await relief.DeliveriesToAsync(worker.Id, ct);
        await audit.ViewedAsync(nameof(Worker), worker.Id, ct);
        return new WorkerReceived(worker.Id, SupportFlags.Mask(worker.Cccd), worker.FullName, cash, inKind, cash.Sum(c => c.Approved ?? 0), cash.Sum(c => c.Paid ?? 0),
            cash.Where(c => c.PaymentStatus is PaymentStatus.Returned or PaymentStatus.Failed).Sum(c => c.Approved ?? 0));
    }
}
