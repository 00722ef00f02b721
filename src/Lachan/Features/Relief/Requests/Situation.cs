using Lachan.Features.Outbreak.Contracts;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Relief.Supplies;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Relief.Requests;

/// <summary>Who has received something, and when: deliveries of requests, and every issue of goods or cash by the
/// supplies half (counter, delivery or cash). One place, so "no delivery yet" and "no one left hungry" count the same.</summary>
public sealed class Reach(LachanDb db)
{
    /// <summary>Workers a request's delivery reached on a day in [from, to].</summary>
    public IQueryable<int> DeliveredTo(DateOnly from, DateOnly to) =>
        db.Set<Delivery>().Where(d => d.WorkerId != null && d.DeliveredOn >= from && d.DeliveredOn <= to).Select(d => d.WorkerId!.Value);

    /// <summary>Workers given goods or cash (any channel) on a day in [from, to].</summary>
    public IQueryable<int> IssuedTo(DateOnly from, DateOnly to) =>
        db.Set<ReliefIssue>().Where(i => i.WorkerId != null && i.Day >= from && i.Day <= to).Select(i => i.WorkerId!.Value);

    /// <summary>The days in [from, to] each worker was reached, by any channel.</summary>
    public async Task<ILookup<int, DateOnly>> DaysAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var delivered = await db.Set<Delivery>().Where(d => d.WorkerId != null && d.DeliveredOn >= from && d.DeliveredOn <= to)
            .Select(d => new { WorkerId = d.WorkerId!.Value, Day = d.DeliveredOn }).ToListAsync(ct);
        var issued = await db.Set<ReliefIssue>().Where(i => i.WorkerId != null && i.Day >= from && i.Day <= to)
            .Select(i => new { WorkerId = i.WorkerId!.Value, i.Day }).ToListAsync(ct);
        return delivered.Concat(issued).ToLookup(x => x.WorkerId, x => x.Day);
    }

    /// <summary>Workers a delivery ever reached, and workers ever given goods or cash: each tested against one worker (an
    /// EXISTS on the worker's index), never read whole.</summary>
    public IQueryable<int> EverDelivered => db.Set<Delivery>().Where(d => d.WorkerId != null).Select(d => d.WorkerId!.Value);
    public IQueryable<int> EverIssued => db.Set<ReliefIssue>().Where(i => i.WorkerId != null).Select(i => i.WorkerId!.Value);

    public async Task<bool> EverAsync(int workerId, CancellationToken ct) =>
        await EverDelivered.AnyAsync(id => id == workerId, ct) || await EverIssued.AnyAsync(id => id == workerId, ct);
}

public sealed record SituationView(int WorkerId, string FullName, string? Phone, string? Enterprise, bool EmployerSuspended,
    int? LodgingHouseId, string? LodgingHouse, string? LodgingAddress, string? CommuneCode, bool LodgingLocked, bool Quarantine, bool CaseInLodging,
    IReadOnlyList<RequestRow> Requests, IReadOnlyList<DeliveryRow> Deliveries);

public sealed record RequestRow(int Id, string Ticket, RequestChannel Channel, HelpNeed Needs, int Priority, RequestStatus Status, DateTime CreatedAt, DateTime DueAt, bool Escalated);

public sealed record DeliveryRow(int Id, int HelpRequestId, DateOnly DeliveredOn, string Items, string VolunteerUserName);

/// <summary>What the records know about a person on a day: the facts that set a request's priority, and for the hotline
/// the whole picture (employer and its status, lodging and whether it is locked, quarantine, earlier requests and
/// deliveries). Only through the outbreak's and the registry's contracts.</summary>
public sealed class Situation(LachanDb db, IOutbreakFacts outbreak, Reach reach)
{
    public async Task<Facts> FactsAsync(int? workerId, int? lodgingHouseId, DateOnly day, CancellationToken ct)
    {
        int? enterpriseId = null;
        bool quarantine = false, caseInLodging = false, reached = false;
        if (workerId is int w)
        {
            // one read for all the records hold of the worker: employer and lodging on the day, quarantine, a case in that
            // lodging (else in the one the form named), anything ever received; the zones' orders are asked below
            var (quarantined, withCase, delivered, issued) = (outbreak.QuarantinedOn(day), outbreak.HousesWithActiveCaseOn(day), reach.EverDelivered, reach.EverIssued);
            var held = await db.Set<Worker>().AsNoTracking().Where(x => x.Id == w).Select(x => new
            {
                Enterprise = x.Employments.Where(e => e.From <= day && (e.To == null || e.To > day)).Select(e => (int?)e.EnterpriseId).FirstOrDefault(),
                House = x.Residences.Where(r => r.From <= day && (r.To == null || r.To > day)).Select(r => (int?)r.LodgingHouseId).FirstOrDefault(),
                Quarantine = quarantined.Any(id => id == x.Id),
                CaseInLodging = withCase.Any(h => h == (x.Residences.Where(r => r.From <= day && (r.To == null || r.To > day)).Select(r => (int?)r.LodgingHouseId).FirstOrDefault() ?? lodgingHouseId)),
                Reached = delivered.Any(id => id == x.Id) || issued.Any(id => id == x.Id),
            }).FirstOrDefaultAsync(ct);
            enterpriseId = held?.Enterprise;
            lodgingHouseId = held?.House ?? lodgingHouseId;
            (quarantine, caseInLodging, reached) = (held?.Quarantine ?? false, held?.CaseInLodging ?? false, held?.Reached ?? false);
            if (held is null) caseInLodging = lodgingHouseId is int h && await outbreak.HousesWithActiveCaseOn(day).AnyAsync(id => id == h, ct);
        }
        else if (lodgingHouseId is int h)
            caseInLodging = await outbreak.HousesWithActiveCaseOn(day).AnyAsync(id => id == h, ct);
        // a zone's order can only lock a known house or stop a known employer: with neither (an anonymous request without a
        // lodging picked) there is nothing to ask the outbreak module, and the public form skips the zones' round trips
        var restrictions = enterpriseId is null && lodgingHouseId is null ? null : await outbreak.RestrictionsOfAsync(day, enterpriseId, lodgingHouseId, ct);
        return new Facts(lodgingHouseId is int lh && restrictions!.LockedLodgingHouses.ContainsKey(lh), quarantine,
            enterpriseId is int e && restrictions!.StoppedEnterprises.ContainsKey(e), caseInLodging, !reached);
    }

    /// <summary>The hotline's view of one registered worker (the caller has checked the worker is in its jurisdiction).</summary>
    public async Task<SituationView?> ViewAsync(int workerId, DateOnly day, CancellationToken ct)
    {
        var w = await db.Set<Worker>().AsNoTracking().Where(x => x.Id == workerId).Select(x => new
        {
            x.Id, x.FullName, x.Phone,
            Enterprise = x.Employments.Where(e => e.From <= day && (e.To == null || e.To > day)).Select(e => e.Enterprise!.Name).FirstOrDefault(),
            House = x.Residences.Where(r => r.From <= day && (r.To == null || r.To > day))
                .Select(r => new { r.LodgingHouseId, r.LodgingHouse!.Name, r.LodgingHouse.Address, r.LodgingHouse.CommuneCode }).FirstOrDefault(),
        }).FirstOrDefaultAsync(ct);
        if (w is null) return null;
        var facts = await FactsAsync(w.Id, w.House?.LodgingHouseId, day, ct);
        var requests = await db.Set<HelpRequest>().AsNoTracking().Where(r => r.WorkerId == workerId).OrderByDescending(r => r.CreatedAt)
            .Select(r => new RequestRow(r.Id, r.Ticket, r.Channel, r.Needs, r.Priority, r.Status, r.CreatedAt, r.DueAt, r.EscalatedAt != null)).ToListAsync(ct);
        var deliveries = await db.Set<Delivery>().AsNoTracking().Where(d => d.WorkerId == workerId).OrderByDescending(d => d.DeliveredOn)
            .Select(d => new DeliveryRow(d.Id, d.HelpRequestId, d.DeliveredOn, d.Items, d.VolunteerUserName)).ToListAsync(ct);
        return new SituationView(w.Id, w.FullName, w.Phone, w.Enterprise, facts.EmployerSuspended, w.House?.LodgingHouseId, w.House?.Name, w.House?.Address,
            w.House?.CommuneCode, facts.LockedZone, facts.Quarantine, facts.CaseInLodging, requests, deliveries);
    }
}
