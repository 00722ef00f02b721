using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Calendar;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Relief.Requests;

/// <param name="Overdue">Only open requests escalated past their due time (the queue's "Overdue" mark, <see cref="Escalation"/>).</param>
/// <param name="DeliveredOn">Only requests with a delivery recorded for that day (a volunteer: by them), of any status.</param>
public sealed record QueueFilter(RequestStatus? Status, int? TeamId, string? CommuneCode, int? Page, bool Overdue = false, DateOnly? DeliveredOn = null);

public sealed record QueueRow(int Id, string Ticket, string Name, string? Commune, HelpNeed Needs, int Priority, string Reasons, RequestStatus Status,
    string? Team, string? Volunteer, DateTime CreatedAt, DateTime DueAt, bool Escalated, RequestChannel Channel);

public sealed record RequestDetail(QueueRow Row, string? Phone, string? Cccd, string? Address, string? LodgingHouse, int? WorkerId, string? Note,
    int MergedCount, int? TeamId, IReadOnlyList<DeliveryRow> Deliveries);

public sealed record Choice(string Value, string Text);

/// <summary>Triage and dispatch: the queue (escalated first, then by priority and due time) per team and area, one
/// request's detail, assignment to a team or a volunteer, cancelling. Reads of names are audited.</summary>
public sealed class RequestQueue(LachanDb db, RequestScope scope, AuditLog audit, ProvinceCalendar calendar)
{
    private IQueryable<HelpRequest> Visible() => scope.Requests(db.Set<HelpRequest>().AsNoTracking());

    /// <summary>The requests the list shows for the filter; the home's numbers count this same query (ReliefHome).</summary>
    public IQueryable<HelpRequest> Filtered(QueueFilter f)
    {
        var q = Visible();
        if (f.Status is { } s) q = q.Where(r => r.Status == s);
        else if (f.DeliveredOn is null) q = q.Where(r => r.Status == RequestStatus.New || r.Status == RequestStatus.Assigned);
        if (f.Overdue) q = q.Where(r => r.EscalatedAt != null && (r.Status == RequestStatus.New || r.Status == RequestStatus.Assigned));
        if (f.DeliveredOn is DateOnly day)
        {
            var deliveries = db.Set<Delivery>().Where(d => d.DeliveredOn == day && (!scope.IsVolunteer || d.VolunteerUserName == scope.UserName));
            q = q.Where(r => deliveries.Any(d => d.HelpRequestId == r.Id));
        }
        if (f.TeamId is int team) q = q.Where(r => r.TeamId == team);
        if (!string.IsNullOrWhiteSpace(f.CommuneCode)) q = q.Where(r => r.CommuneCode == f.CommuneCode);
        return q;
    }

    public async Task<Paged<QueueRow>> ListAsync(QueueFilter f, CancellationToken ct)
    {
        var q = Filtered(f);
        var total = await q.CountAsync(ct);
        var (page, size) = Paging.Normalize(f.Page, Paging.DefaultSize);
        var rows = await Rows(q.OrderByDescending(r => r.EscalatedAt != null).ThenByDescending(r => r.Priority).ThenBy(r => r.DueAt).ThenBy(r => r.Id)
            .PageOf(page, size)).ToListAsync(ct);
        await audit.ListedAsync(nameof(HelpRequest), new { f.Status, f.TeamId, f.CommuneCode, f.Overdue, f.DeliveredOn }, page, rows.Select(r => r.Id), total, ct);
        return new Paged<QueueRow>(rows, total, page, size);
    }

    private IQueryable<QueueRow> Rows(IQueryable<HelpRequest> q) =>
        q.Select(r => new QueueRow(r.Id, r.Ticket, r.Name,
            db.Set<AdminUnit>().Where(u => u.Code == r.CommuneCode).Select(u => u.Name).FirstOrDefault(), r.Needs, r.Priority, r.Reasons, r.Status,
            db.Set<ReliefTeam>().Where(t => t.Id == r.TeamId).Select(t => t.Name).FirstOrDefault(), r.VolunteerUserName, r.CreatedAt, r.DueAt,
            r.EscalatedAt != null, r.Channel));

    public async Task<RequestDetail?> DetailAsync(int id, CancellationToken ct)
    {
        var row = await Rows(Visible().Where(r => r.Id == id)).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var r = await db.Set<HelpRequest>().AsNoTracking().SingleAsync(x => x.Id == id, ct);
        var house = r.LodgingHouseId is int h ? await db.Set<LodgingHouse>().Where(l => l.Id == h).Select(l => l.Name + " — " + l.Address).FirstOrDefaultAsync(ct) : null;
        var deliveries = await db.Set<Delivery>().AsNoTracking().Where(d => d.HelpRequestId == id).OrderBy(d => d.RecordedAt)
            .Select(d => new DeliveryRow(d.Id, d.HelpRequestId, d.DeliveredOn, d.Items, d.VolunteerUserName)).ToListAsync(ct);
        await audit.ViewedAsync(nameof(HelpRequest), id, ct);
        return new RequestDetail(row, r.Phone, r.Cccd, r.Address, house, r.WorkerId, r.Note, r.MergedCount, r.TeamId, deliveries);
    }

    public async Task<IReadOnlyList<Choice>> TeamsAsync(CancellationToken ct) =>
        await scope.Teams(db.Set<ReliefTeam>().AsNoTracking()).OrderBy(t => t.Name).Select(t => new Choice(t.Id.ToString(), t.Name)).ToListAsync(ct);

    public async Task<IReadOnlyList<Choice>> VolunteersAsync(CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.Role == Role.Volunteer).OrderBy(u => u.UserName)
            .Select(u => new Choice(u.UserName!, u.DisplayName ?? u.UserName!)).ToListAsync(ct);

    public async Task<SaveResult> AssignAsync(int id, int? teamId, string? volunteer, CancellationToken ct)
    {
        if (!scope.CanDispatch) return new SaveResult.NotFound();
        var request = await scope.Requests(db.Set<HelpRequest>()).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null) return new SaveResult.NotFound();
        var errors = new FieldErrors();
        errors.AddIf(teamId is not int t || !await scope.Teams(db.Set<ReliefTeam>()).AnyAsync(x => x.Id == t, ct), "TeamId", "Help.TeamRequired");
        volunteer = string.IsNullOrWhiteSpace(volunteer) ? null : volunteer.Trim();
        errors.AddIf(volunteer is not null && !await db.Users.AnyAsync(u => u.UserName == volunteer && u.Role == Role.Volunteer, ct), "Volunteer", "Help.VolunteerUnknown");
        errors.AddIf(!request.IsOpen, "TeamId", "Help.NotOpen");
        if (!errors.Ok) return new SaveResult.Invalid(errors);
        var before = new { request.Status, request.TeamId, request.VolunteerUserName };
        request.Assign(teamId!.Value, volunteer, null, calendar.Now);
        audit.Record("assign", nameof(HelpRequest), id, before, new { request.Status, request.TeamId, request.VolunteerUserName });
        await db.SaveChangesAsync(ct);
        return new SaveResult.Saved(id);
    }

    public async Task<SaveResult> CancelAsync(int id, CancellationToken ct)
    {
        if (!scope.CanDispatch) return new SaveResult.NotFound();
        var request = await scope.Requests(db.Set<HelpRequest>()).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null) return new SaveResult.NotFound();
        if (!request.IsOpen) return new SaveResult.Invalid(new FieldErrors { ["Status"] = "Help.NotOpen" });
        request.Cancel(calendar.Now);
        audit.Record("cancel", nameof(HelpRequest), id, null, new { request.Status });
        await db.SaveChangesAsync(ct);
        return new SaveResult.Saved(id);
    }
}
