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
public sealed class HelpRequests(LachanDb db, Situation situation, AuditLog audit, ProvinceCalendar calendar, RequestReference reference)
{
    private const int TicketTries = 5;

    public Task<RequestRule> RuleAsync(DateOnly day, CancellationToken ct) => reference.RuleAsync(db, day, ct);

    /// <summary>Where new tickets come from (a test hands out one already taken).</summary>
    internal Func<string> NewTicket { get; set; } = RequestRules.NewTicket;

    /// <param name="workerId">The registered worker the hotline picked (already checked against the caller's jurisdiction).</param>
    public async Task<Submitted> SubmitAsync(HelpForm form, RequestChannel channel, int? workerId, string createdBy, CancellationToken ct)
    {
        // one connection for the whole submission: each read would otherwise take one from the pool and give it back, and
        // Npgsql resets a connection given back (statements PostgreSQL runs before the next read: its CPU, per read)
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await SubmitOnAsync(form, channel, workerId, createdBy, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<Submitted> SubmitOnAsync(HelpForm form, RequestChannel channel, int? workerId, string createdBy, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (name, phone, cccd, address, note, needs) = RequestRules.Validate(form, errors);
        var commune = string.IsNullOrWhiteSpace(form.CommuneCode) ? null : await reference.CommuneAsync(db, form.CommuneCode.Trim(), ct);
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

        // the person's open requests of the window, tracked (the one merged into is saved without reading it again), and in
        // the same read whether the ticket a new request would get is taken already
        var since = now.AddDays(-rule.MergeWindowDays);
        var ticket = NewTicket();
        var open = await db.Set<HelpRequest>()
            .Where(r => r.Ticket == ticket || (r.CreatedAt > since && (r.Status == RequestStatus.New || r.Status == RequestStatus.Assigned)
                && ((cccd != null && r.Cccd == cccd) || (phone != null && r.Phone == phone))))
            .ToListAsync(ct);
        var candidates = open.Select(r => new OpenRequest(r.Id, r.Cccd, r.Phone, r.Needs, r.CreatedAt, r.Status));
        if (RequestMerging.Target(candidates, cccd, phone, needs, now, rule) is { } target)
        {
            var existing = open.Single(r => r.Id == target.Id);
            existing.Merge(needs, note, assessment, due, now);
            existing.WorkerId ??= workerId;
            audit.Record("merge", nameof(HelpRequest), existing.Id, after: new { existing.Ticket, Needs = needs.ToString(), Channel = channel.ToString() });
            await db.SaveChangesAsync(ct);
            return new Submitted.Merged(existing.Id, existing.Ticket);
        }

        HelpRequest NewRequest(string ticket)
        {
            var r = new HelpRequest
            {
                Ticket = ticket, Channel = channel, Name = name, Phone = phone, Cccd = cccd,
                CommuneCode = commune!.Code, DistrictCode = commune.DistrictCode ?? "", ProvinceCode = commune.ProvinceCode ?? "", Address = address,
                LodgingHouseId = form.LodgingHouseId, WorkerId = workerId, CreatedAt = now, CreatedBy = createdBy,
            };
            r.Prioritise(needs, note, assessment, due);
            db.Add(r);
            return r;
        }
        var request = NewRequest(open.Any(r => r.Ticket == ticket) ? await FreeTicketAsync(ct) : ticket);
        // in the save's own transaction a failed insert rolls back the whole of it, so EF's savepoint around each of its two
        // saves (four of a create's twelve round trips) buys nothing; a caller's transaction keeps them
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = savepoints && db.Database.CurrentTransaction is not null;
        try
        {
            for (var attempt = 1; ; attempt++)
                try
                {
                    await audit.SaveThenRecordAsync("create", nameof(HelpRequest), () => request.Id, null,
                        () => new { request.Ticket, Needs = needs.ToString(), Channel = channel.ToString(), request.Priority }, ct);
                    break;
                }
                catch (DbUpdateException e) when (attempt < TicketTries && db.Database.CurrentTransaction is null && TicketTaken(e))
                {
                    // another create drew the same ticket and committed it after our read (seen once in 100,000 creates
                    // from 32 clients): our own transaction is rolled back and the request is still to be inserted
                    db.Entry(request).State = EntityState.Detached;
                    request = NewRequest(await FreeTicketAsync(ct));
                }
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }
        return new Submitted.Created(request.Id, request.Ticket);
    }

    /// <summary>The insert broke the tickets' unique index (PostgreSQL names the index, SQLite the column).</summary>
    private static bool TicketTaken(DbUpdateException e) =>
        e.InnerException?.Message is { } m && (m.Contains("IX_HelpRequests_Ticket", StringComparison.Ordinal) || m.Contains("UNIQUE constraint failed: HelpRequests.Ticket", StringComparison.Ordinal));

    /// <summary>Another ticket, when the one drawn first was taken (once in hundreds of millions).</summary>
    private async Task<string> FreeTicketAsync(CancellationToken ct)
    {
        for (var i = 0; i < TicketTries; i++)
        {
            var t = NewTicket();
            if (!await db.Set<HelpRequest>().AnyAsync(r => r.Ticket == t, ct)) return t;
        }
        throw new DomainException("Help.NoTicket");
    }

    public Task<TicketStatus?> StatusAsync(string ticket, CancellationToken ct) =>
        !RequestRules.LooksLikeTicket(ticket) ? Task.FromResult<TicketStatus?>(null)
        : db.Set<HelpRequest>().AsNoTracking().Where(r => r.Ticket == ticket)
            .Select(r => new TicketStatus(r.Ticket, r.Status, r.CreatedAt, r.DueAt, r.AssignedAt, r.DeliveredAt, r.CancelledAt)).FirstOrDefaultAsync(ct);

    /// <summary>The registered worker a public request is about: by CCCD, else by a phone only one worker has. One read for
    /// both: the CCCD's worker (there is at most one) sorts first, then up to two by the phone.</summary>
    private async Task<int?> MatchWorkerAsync(string? cccd, string? phone, CancellationToken ct)
    {
        if (cccd is null && phone is null) return null;
        var found = await db.Set<Worker>().Where(w => (cccd != null && w.Cccd == cccd) || (phone != null && w.Phone == phone))
            .Select(w => new { w.Id, ByCccd = cccd != null && w.Cccd == cccd }).OrderByDescending(w => w.ByCccd).Take(3).ToListAsync(ct);
        if (found is [{ ByCccd: true } byCccd, ..]) return byCccd.Id;
        return found.Count == 1 ? found[0].Id : null;
    }
}
