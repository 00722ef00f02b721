using Lachan.Features.Registry.Contracts;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Lachan.Infrastructure;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Registry.Transfers;

public sealed record TransferRow(int Id, TransferStatus Status, string? FromEnterprise, string ToEnterprise, string Source, string RequestedBy,
    DateTime RequestedAt);

public sealed record TransferField(string Field, string? Registry, string? Supplied);

public sealed record TransferDetailData(int Id, TransferStatus Status, int WorkerId, string Cccd, int? FromEnterpriseId, string? FromEnterprise,
    int ToEnterpriseId, string ToEnterprise, string Source, string RequestedBy, DateTime RequestedAt, string? HiredOn, string? ContractType,
    IReadOnlyList<TransferField> Fields, string? DecidedBy, DateTime? DecidedAt, string? Reason);

/// <summary>Pending hires of people employed elsewhere, for the reviewer whose jurisdiction covers the worker's employer
/// at the time of the request (ADR-0014): the steering committee and the zone board; never an enterprise's HR, who is a
/// party. A request outside the reviewer's jurisdiction is not found.</summary>
public sealed class TransferReview(LachanDb db, Jurisdiction scope, AuditLog audit, CurrentUser user, TimeProvider time)
{
    public bool MayReview => scope.Can(RegistryAreas.Transfers, Access.Write);

    private IQueryable<TransferRequest> Reviewable()
    {
        if (!MayReview) return db.Set<TransferRequest>().Where(_ => false);
        var employers = scope.Enterprises(db.Set<Enterprise>()).Select(e => e.Id);
        var workers = scope.Workers(db.Set<Worker>()).Select(w => w.Id);
        // someone employed by no one is reviewed by whoever has them in jurisdiction (the province's steering committee)
        return db.Set<TransferRequest>().Where(t => t.FromEnterpriseId != null ? employers.Contains(t.FromEnterpriseId.Value) : workers.Contains(t.WorkerId));
    }

    public async Task<IReadOnlyList<TransferRow>> ListAsync(TransferStatus? status, CancellationToken ct = default) =>
        await Reviewable().AsNoTracking().Where(t => status == null || t.Status == status)
            .OrderByDescending(t => t.RequestedAt).ThenByDescending(t => t.Id).Take(500)
            .Select(t => new TransferRow(t.Id, t.Status, t.FromEnterprise != null ? t.FromEnterprise.Name : null, t.ToEnterprise!.Name, t.Source, t.RequestedBy, t.RequestedAt))
            .ToListAsync(ct);

    /// <summary>The registry's values beside what the hiring side stated. A view of personal data: audited.</summary>
    public async Task<TransferDetailData?> LoadAsync(int id, CancellationToken ct = default)
    {
        var t = await Reviewable().AsNoTracking().Include(x => x.Worker).Include(x => x.FromEnterprise).Include(x => x.ToEnterprise)
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null) return null;
        await audit.ViewedAsync(nameof(TransferRequest), id, ct);
        var w = t.Worker!;
        var s = t.Supplied;
        var fields = new List<TransferField>
        {
            new("FullName", w.FullName, s.FullName),
            new("Sex", w.Sex.ToString(), s.Sex?.ToString()),
            new("DateOfBirth", UiText.Date(w.DateOfBirth), s.DateOfBirth is { } d ? UiText.Date(d) : null),
            new("Phone", w.Phone, s.Phone),
            new("Cmnd", w.Cmnd, s.Cmnd),
            new("BhxhNumber", w.BhxhNumber, s.BhxhNumber),
            new("PermanentAddress", w.PermanentAddress, s.PermanentAddress),
        };
        return new TransferDetailData(t.Id, t.Status, w.Id, w.Cccd, t.FromEnterpriseId, t.FromEnterprise?.Name, t.ToEnterpriseId, t.ToEnterprise!.Name,
            t.Source, t.RequestedBy, t.RequestedAt, UiText.Date(s.HiredOn), s.ContractType.ToString(), fields, t.DecidedBy, t.DecidedAt, t.Reason);
    }

    public Task<SaveResult> ApproveAsync(int id, CancellationToken ct = default) => DecideAsync(id, approve: true, null, ct);

    public Task<SaveResult> RejectAsync(int id, string? reason, CancellationToken ct = default) => DecideAsync(id, approve: false, reason, ct);

    private async Task<SaveResult> DecideAsync(int id, bool approve, string? reason, CancellationToken ct)
    {
        var t = await Reviewable().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null) return new SaveResult.NotFound();
        var worker = await db.Set<Worker>().Include(w => w.Employments).Include(w => w.Residences).FirstAsync(w => w.Id == t.WorkerId, ct);
        var before = new { t.Status, worker.CurrentEnterpriseId, worker.CurrentLodgingHouseId };
        try
        {
            if (approve) t.Approve(worker, user.Name, time.GetUtcNow().UtcDateTime);
            else t.Reject(user.Name, time.GetUtcNow().UtcDateTime, reason);
        }
        catch (DomainException e)
        {
            return new SaveResult.Invalid(new FieldErrors { [approve ? "Transfer" : "Reason"] = e.Code });
        }
        audit.Record(approve ? "approve" : "reject", nameof(TransferRequest), t.Id, before,
            new { t.Status, t.Reason, worker.CurrentEnterpriseId, worker.CurrentLodgingHouseId, WorkerId = worker.Id });
        await db.SaveChangesAsync(ct);
        return new SaveResult.Saved(t.Id);
    }
}
