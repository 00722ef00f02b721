using System.Security.Cryptography;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Features.Support.Lists;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Support.Payments;

public sealed record BatchRequest(string IdempotencyKey, int ListId, PaymentChannel Channel);

public abstract record BatchResult
{
    public sealed record Created(int BatchId) : BatchResult;
    /// <summary>The key was seen before: the batch it made, nothing made again.</summary>
    public sealed record AlreadyRecorded(int BatchId) : BatchResult;
    public sealed record NotFound : BatchResult;
    public sealed record Invalid(FieldErrors Errors) : BatchResult;
}

/// <summary>Turns a list's approvals into a payment batch: every approval of the list not yet in a batch, whole or not
/// at all (one save). An approval can be in one batch only (a unique index), so two processes paying the same list at
/// once produce one batch; the loser answers with the winner's batch when it used the same key, else "already paid".
/// Made by an explicit actor on an explicit day: the API and page pass the signed-in user and today, the demo its
/// labour department desk and its story's payment day.</summary>
public sealed class PaymentBatches(LachanDb db, AuditLog audit, TimeProvider time)
{
    public async Task<BatchResult> CreateAsync(SupportActor by, DateOnly day, BatchRequest request, CancellationToken ct)
    {
        var scope = PaymentScope.For(by);
        var key = request.IdempotencyKey?.Trim() ?? "";
        if (key.Length is 0 or > 64) return Invalid("IdempotencyKey", "SupportPayments.KeyInvalid");
        if (!Enum.IsDefined(request.Channel)) return Invalid("Channel", "SupportPayments.ChannelInvalid");
        if (await RecordedAsync(scope, key, ct) is { } done) return done;
        var list = await db.Set<SupportList>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == request.ListId && l.ProvinceCode == scope.Province, ct);
        if (list is null || !scope.CanWrite) return new BatchResult.NotFound();
        if (list.State != ListState.Approved) return Invalid("ListId", "SupportPayments.ListNotApproved");

        var paid = db.Set<PaymentLine>().Select(p => p.ApprovalId);
        var approvals = await db.Set<SupportApproval>().AsNoTracking().Where(a => a.SupportListId == list.Id && !paid.Contains(a.Id))
            .Join(db.Set<SupportListRow>(), a => a.RowId, r => r.Id, (a, r) => new { a.Id, a.WorkerId, a.Amount, r.RowNo, r.FullName, r.Cccd, r.BankAccount, r.BankName })
            .OrderBy(x => x.RowNo).ToListAsync(ct);
        if (approvals.Count == 0) return Invalid("ListId", "SupportPayments.NothingToPay");
        if (request.Channel == PaymentChannel.WorkerAccount && approvals.Where(a => string.IsNullOrWhiteSpace(a.BankAccount)).Select(a => a.RowNo).ToList() is { Count: > 0 } missing)
        {
            var errors = new FieldErrors();
            errors.Add("Account", "SupportPayments.AccountMissing", string.Join(", ", missing.Take(20)));
            return new BatchResult.Invalid(errors);
        }
        var employer = await db.Set<Enterprise>().AsNoTracking().Where(e => e.Id == list.EnterpriseId).Select(e => e.Name).FirstAsync(ct);
        var batch = new PaymentBatch
        {
            IdempotencyKey = key, Reference = NewReference("B"), SupportListId = list.Id, PolicyCode = list.PolicyCode, EnterpriseId = list.EnterpriseId,
            TaxCode = list.TaxCode, DistrictCode = list.DistrictCode, ProvinceCode = list.ProvinceCode, Channel = request.Channel,
            CreatedOn = day, CreatedBy = scope.UserName, CreatedAt = AuditChain.Now(time), Total = approvals.Sum(a => a.Amount),
            Lines =
            [
                .. approvals.Select(a => new PaymentLine
                {
                    ApprovalId = a.Id, WorkerId = a.WorkerId, Reference = NewReference("P"), Amount = a.Amount, Cccd = a.Cccd, Status = PaymentStatus.Pending,
                    PayeeName = request.Channel == PaymentChannel.Employer ? employer : a.FullName,
                    Account = request.Channel == PaymentChannel.WorkerAccount ? a.BankAccount : null,
                    Bank = request.Channel == PaymentChannel.WorkerAccount ? a.BankName : null,
                }),
            ],
        };
        db.Add(batch);
        audit.Record("create", nameof(PaymentBatch), key, after: new
        {
            batch.SupportListId, batch.PolicyCode, Channel = batch.Channel.ToString(), batch.Total, Lines = batch.Lines.Count, batch.Reference,
        }, userName: by.UserName);
        try
        {
            // one save: the batch, every line and the audit event
            await db.SaveChangesAsync(ct);
            return new BatchResult.Created(batch.Id);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            // the same key saved by a concurrent call is this call's batch; another key paid these approvals first
            return await RecordedAsync(scope, key, ct) ?? Invalid("ListId", "SupportPayments.AlreadyPaid");
        }
    }

    private async Task<BatchResult?> RecordedAsync(PaymentScope scope, string key, CancellationToken ct)
    {
        var id = await scope.Batches(db.Set<PaymentBatch>()).Where(b => b.IdempotencyKey == key).Select(b => (int?)b.Id).FirstOrDefaultAsync(ct);
        return id is { } found ? new BatchResult.AlreadyRecorded(found) : null;
    }

    /// <summary>A reference the bank carries back: random, so it says nothing about the person.</summary>
    private static string NewReference(string prefix) => prefix + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));

    private static BatchResult.Invalid Invalid(string field, string code) => new(new FieldErrors { [field] = code });
}
