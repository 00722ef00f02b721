using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lachan.Features.Registry.Contracts;

public enum TransferStatus { Pending = 1, Approved = 2, Rejected = 3 }

/// <summary>What the hiring side stated about the person: shown to the reviewer beside the registry's values, and
/// the employment to start if the transfer is approved. Never shown back with the registry's values to the requester.</summary>
public sealed record TransferSupplied(string? FullName, Sex? Sex, DateOnly? DateOfBirth, string? Phone, string? Cmnd, string? BhxhNumber,
    string? PermanentAddress, DateOnly HiredOn, ContractType ContractType, string? Workshop, int? LodgingHouseId);

/// <summary>A hire of someone the registry shows employed at another enterprise (ADR-0014). The hiring side may not see
/// that worker, so the move waits for a reviewer whose jurisdiction covers the current employer.</summary>
public sealed class TransferRequest
{
    public int Id { get; set; }
    public int WorkerId { get; set; }
    public Worker? Worker { get; set; }
    /// <summary>The employer when the hire was asked; null for someone employed by no one (a rehire the hiring side
    /// could not be shown).</summary>
    public int? FromEnterpriseId { get; set; }
    public Enterprise? FromEnterprise { get; set; }
    public int ToEnterpriseId { get; set; }
    public Enterprise? ToEnterprise { get; set; }
    /// <summary>The <see cref="TransferSupplied"/> as JSON.</summary>
    public required string SuppliedJson { get; set; }
    /// <summary>"roster" or "form": where the hire was stated.</summary>
    public required string Source { get; set; }
    public required string RequestedBy { get; set; }
    public DateTime RequestedAt { get; set; }
    public TransferStatus Status { get; private set; } = TransferStatus.Pending;
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? Reason { get; private set; }

    public TransferSupplied Supplied => System.Text.Json.JsonSerializer.Deserialize<TransferSupplied>(SuppliedJson)!;

    public static string Serialize(TransferSupplied s) => System.Text.Json.JsonSerializer.Serialize(s);

    /// <summary>Applies the hire through the worker's own methods: the open employment at the old employer ends on the
    /// hire date, the new one starts (a ChangedEmployer movement), and a lodging stated by the hiring side is moved to.</summary>
    public void Approve(Worker worker, string by, DateTime at)
    {
        EnsurePending();
        if (worker.Id != WorkerId) throw new InvalidOperationException("Another worker.");
        if (worker.CurrentEnterpriseId != FromEnterpriseId) throw new DomainException("Transfer.Stale");
        var s = Supplied;
        worker.Hire(ToEnterpriseId, s.HiredOn, s.ContractType, s.Workshop);
        if (s.LodgingHouseId is int lodging && lodging != worker.CurrentLodgingHouseId) worker.MoveLodging(lodging, s.HiredOn);
        Decide(TransferStatus.Approved, by, at, null);
    }

    public void Reject(string by, DateTime at, string? reason)
    {
        EnsurePending();
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Transfer.ReasonRequired");
        if (reason.Trim().Length > 500) throw new DomainException("Field.TooLong");
        Decide(TransferStatus.Rejected, by, at, reason.Trim());
    }

    private void EnsurePending()
    {
        if (Status != TransferStatus.Pending) throw new DomainException("Transfer.AlreadyDecided");
    }

    private void Decide(TransferStatus status, string by, DateTime at, string? reason)
    {
        Status = status;
        DecidedBy = by;
        DecidedAt = at;
        Reason = reason;
    }
}

public sealed class TransferRequestConfiguration : IEntityTypeConfiguration<TransferRequest>
{
    public void Configure(EntityTypeBuilder<TransferRequest> builder)
    {
        builder.ToTable("TransferRequests");
        builder.HasOne(t => t.Worker).WithMany().HasForeignKey(t => t.WorkerId);
        builder.HasOne(t => t.FromEnterprise).WithMany().HasForeignKey(t => t.FromEnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.ToEnterprise).WithMany().HasForeignKey(t => t.ToEnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.Status, t.FromEnterpriseId });
        builder.HasIndex(t => new { t.WorkerId, t.ToEnterpriseId, t.Status });
        builder.Property(t => t.SuppliedJson).HasMaxLength(4000);
        builder.Property(t => t.Source).HasMaxLength(16);
        builder.Property(t => t.RequestedBy).HasMaxLength(256);
        builder.Property(t => t.DecidedBy).HasMaxLength(256);
        builder.Property(t => t.Reason).HasMaxLength(500);
    }
}
