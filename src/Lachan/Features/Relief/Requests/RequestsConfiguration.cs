using Lachan.Features.Registry.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lachan.Features.Relief.Requests;

/// <summary>The requests part of the EF model; LachanDb applies every configuration of the assembly.</summary>
internal sealed class RequestsConfiguration :
    IEntityTypeConfiguration<HelpRequest>,
    IEntityTypeConfiguration<ReliefTeam>,
    IEntityTypeConfiguration<Delivery>,
    IEntityTypeConfiguration<RequestRule>
{
    public void Configure(EntityTypeBuilder<HelpRequest> e)
    {
        e.ToTable("HelpRequests");
        e.Property(r => r.Ticket).HasMaxLength(16);
        e.HasIndex(r => r.Ticket).IsUnique();
        e.Property(r => r.Name).HasMaxLength(RequestRules.NameMax);
        e.Property(r => r.Phone).HasMaxLength(16);
        e.Property(r => r.Cccd).HasMaxLength(12);
        e.Property(r => r.CommuneCode).HasMaxLength(16);
        e.Property(r => r.DistrictCode).HasMaxLength(16);
        e.Property(r => r.ProvinceCode).HasMaxLength(3);
        e.Property(r => r.Address).HasMaxLength(RequestRules.AddressMax);
        e.Property(r => r.Note).HasMaxLength(RequestRules.NoteMax * 2);
        e.Property(r => r.Reasons).HasMaxLength(200);
        e.Property(r => r.VolunteerUserName).HasMaxLength(256);
        e.Property(r => r.CreatedBy).HasMaxLength(256);
        e.HasOne<Worker>().WithMany().HasForeignKey(r => r.WorkerId);
        e.HasOne<LodgingHouse>().WithMany().HasForeignKey(r => r.LodgingHouseId);
        e.HasOne<ReliefTeam>().WithMany().HasForeignKey(r => r.TeamId);
        // the duplicate check, the queues, the volunteer's list, the escalation scan
        e.HasIndex(r => r.Cccd);
        e.HasIndex(r => r.Phone);
        e.HasIndex(r => r.WorkerId);
        e.HasIndex(r => new { r.Status, r.CommuneCode });
        e.HasIndex(r => new { r.VolunteerUserName, r.Status });
        e.HasIndex(r => new { r.Status, r.DueAt });
    }

    public void Configure(EntityTypeBuilder<ReliefTeam> e)
    {
        e.ToTable("ReliefTeams");
        e.Property(t => t.Name).HasMaxLength(200);
        e.Property(t => t.CommuneCode).HasMaxLength(16);
        e.Property(t => t.DistrictCode).HasMaxLength(16);
        e.Property(t => t.ProvinceCode).HasMaxLength(3);
    }

    public void Configure(EntityTypeBuilder<Delivery> e)
    {
        e.ToTable("ReliefDeliveries");
        e.Property(d => d.IdempotencyKey).HasMaxLength(64);
        e.HasIndex(d => d.IdempotencyKey).IsUnique();
        e.Property(d => d.VolunteerUserName).HasMaxLength(256);
        e.Property(d => d.Items).HasMaxLength(Deliveries.ItemsMax);
        e.Property(d => d.ConfirmedBy).HasMaxLength(16);
        e.HasOne<HelpRequest>().WithMany().HasForeignKey(d => d.HelpRequestId);
        e.HasOne<Worker>().WithMany().HasForeignKey(d => d.WorkerId);
        e.HasIndex(d => new { d.WorkerId, d.DeliveredOn });
        e.HasIndex(d => d.HelpRequestId);
    }

    public void Configure(EntityTypeBuilder<RequestRule> e)
    {
        e.ToTable("HelpRequestRules");
        e.Property(r => r.Source).HasMaxLength(300);
    }
}
