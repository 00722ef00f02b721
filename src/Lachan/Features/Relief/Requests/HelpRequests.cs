using Lachan.Infrastructure.Calendar;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Relief.Requests;

/// <summary>What a submission came to: a new ticket, merged into an open one (the same ticket), or refused.</summary>
public abstract record Submitted
{
    public sealed record Created(int Id, string Ticket) : Submitted;
    public sealed record Merged(int Id, string Ticket) : Submitted;
    public sealed record Invalid(FieldErrors Errors) : Submitted;
}

/// <summary>A ticket's progress as its holder sees it: no name, phone, CCCD or address.</summary>
public sealed record TicketStatus(string Ticket, RequestStatus Status, DateTime CreatedAt, DateTime DueAt, DateTime? AssignedAt, DateTime? DeliveredAt, DateTime? CancelledAt);

/// <summary>Creating help requests (public form, API, hotline, worklists) and reading a ticket. A submission from the same
/// person for the same need inside the merge window joins the open request (<see cref="RequestMerging"/>).</summary>
public sealed class HelpRequests(LachanDb db, Situation situation, AuditLog audit, ProvinceCalendar calendar)
{
    public async Task<RequestRule> RuleAsync(DateOnly day, CancellationToken ct) =>
        (await db.Set<RequestRule>().AsNoTracking().ToListAsync(ct)).Where(r => r.InForceOn(day)).MaxBy(r => r.EffectiveFrom) ?? RequestRule.Default;

    /// <param name="workerId">The registered worker the hotline picked (already checked against the caller's jurisdiction).</param>
    public async Task<Submitted> SubmitAsync(HelpForm form, RequestChannel channel, int? workerId, string createdBy, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (name, phone, cccd, address, note, needs) = RequestRules.Validate(form, errors);
        var commune = string.IsNullOrWhiteSpace(form.CommuneCode) ? null
            : await db.Set<AdminUnit>().AsNoTracking().Where(u => u.Code == form.CommuneCode.Trim() && u.Level == AdminLevel.Commune)
                .Select(u => new { u.Code, u.ParentCode, Province = db.Set<AdminUnit>().Where(d => d.Code == u.ParentCode).Select(d => d.ParentCode).FirstOrDefault() })
                .FirstOrDefaultAsync(ct);
        errors.AddIf(commune is null && !string.IsNullOrWhiteSpace(form.CommuneCode), "CommuneCode", "Help.CommuneUnknown");
        if (form.LodgingHouseId is int houseId && commune is not null)
            errors.AddIf(!await db.Set<LodgingHouse>().AnyAsync(l => l.Id == houseId && l.CommuneCode == commune.Code, ct), "LodgingHouseId", "Help.LodgingUnknown");
        if (!errors.Ok) return new Submitted.Invalid(errors);

        var now = calendar.Now;
        var day = calendar.Today;
        var rule = await RuleAsync(day, ct);
        workerId ??= await MatchWorkerAsync(cccd, phone, ct);
        var facts = await situation.FactsAsync(workerId, form.LodgingHouseId, day, ct);
        var assessment = RequestPriority.Assess(needs, facts);
        var due = RequestPriority.DueAt(assessment, rule, now);

        var since = now.AddDays(-rule.MergeWindowDays);
        var candidates = await db.Set<HelpRequest>()
            .Where(r => r.CreatedAt > since && (r.Status == RequestStatus.New || r.Status == RequestStatus.Assigned)
                && ((cccd != null && r.Cccd == cccd) || (phone != null && r.Phone == phone)))
            .Select(r => new OpenRequest(r.Id, r.Cccd, r.Phone, r.Needs, r.CreatedAt, r.Status)).ToListAsync(ct);
        if (RequestMerging.Target(candidates, cccd, phone, needs, now, rule) is { } target)
        {
            var existing = await db.Set<HelpRequest>().SingleAsync(r => r.Id == target.Id, ct);
            existing.Merge(needs, note, assessment, due, now);
            existing.WorkerId ??= workerId;
            audit.Record("merge", nameof(HelpRequest), existing.Id, after: new { existing.Ticket, Needs = needs.ToString(), Channel = channel.ToString() });
            await db.SaveChangesAsync(ct);
            return new Submitted.Merged(existing.Id, existing.Ticket);
        }

        var request = new HelpRequest
        {
            Ticket = await FreeTicketAsync(ct), Channel = channel, Name = name, Phone = phone, Cccd = cccd,
            CommuneCode = commune!.Code, DistrictCode = commune.ParentCode ?? "", ProvinceCode = commune.Province ?? "", Address = address, LodgingHouseId = form.LodgingHouseId,
            WorkerId = workerId, CreatedAt = now, CreatedBy = createdBy,
        };
        request.Prioritise(needs, note, assessment, due);
        db.Add(request);
        await audit.SaveThenRecordAsync("create", nameof(HelpRequest), () => request.Id, null,
            () => new { request.Ticket, Needs = needs.ToString(), Channel = channel.ToString(), request.Priority }, ct);
        return new Submitted.Created(request.Id, request.Ticket);
    }

    public Task<TicketStatus?> StatusAsync(string ticket, CancellationToken ct) =>
        !RequestRules.LooksLikeTicket(ticket) ? Task.FromResult<TicketStatus?>(null)
        : db.Set<HelpRequest>().AsNoTracking().Where(r => r.Ticket == ticket)
            .Select(r => new TicketStatus(r.Ticket, r.Status, r.CreatedAt, r.DueAt, r.AssignedAt, r.DeliveredAt, r.CancelledAt)).FirstOrDefaultAsync(ct);

    /// <summary>The registered worker a public request is about: by CCCD, else by a phone only one worker has.</summary>
    private async Task<int?> MatchWorkerAsync(string? cccd, string? phone, CancellationToken ct)
    {
        if (cccd is not null && await db.Set<Worker>().Where(w => w.Cccd == cccd).Select(w => (int?)w.Id).FirstOrDefaultAsync(ct) is int byCccd)
            return byCccd;
        if (phone is null) return null;
        var byPhone = await db.Set<Worker>().Where(w => w.Phone == phone).Select(w => w.Id).Take(2).ToListAsync(ct);
        return byPhone.Count == 1 ? byPhone[0] : null;
    }

    private async Task<string> FreeTicketAsync(CancellationToken ct)
    {
        for (var i = 0; i < 5; i++)
        {
            var t = RequestRules.NewTicket();
            if (!await db.Set<HelpRequest>().AnyAsync(r => r.Ticket == t, ct)) return t;
        }
        throw new DomainException("Help.NoTicket");
    }
}
