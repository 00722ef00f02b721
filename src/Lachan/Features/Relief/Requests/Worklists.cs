using Lachan.Infrastructure.Calendar;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Relief.Requests;

/// <summary>"One click to a team worklist": every unreached worker of a lodging house becomes a food request assigned to
/// the team (those with an open request already are left as they are). All or nothing.</summary>
public sealed class Worklists(LachanDb db, RequestScope scope, Unreached unreached, Situation situation, HelpRequests requests, AuditLog audit, ProvinceCalendar calendar)
{
    public async Task<(SaveResult Result, int Created)> CreateAsync(DateOnly day, int days, int? houseId, int? teamId, CancellationToken ct)
    {
        if (!scope.CanDispatch) return (new SaveResult.NotFound(), 0);
        var team = teamId is int t ? await scope.Teams(db.Set<ReliefTeam>().AsNoTracking()).FirstOrDefaultAsync(x => x.Id == t, ct) : null;
        if (team is null) return (new SaveResult.Invalid(new FieldErrors { ["TeamId"] = "Help.TeamRequired" }), 0);
        var ids = await unreached.WorkersOfHouseAsync(day, days, houseId, ct);
        var open = await db.Set<HelpRequest>().Where(r => r.WorkerId != null && ids.Contains(r.WorkerId.Value)
            && (r.Status == RequestStatus.New || r.Status == RequestStatus.Assigned)).Select(r => r.WorkerId!.Value).ToListAsync(ct);
        var todo = ids.Except(open).ToList();
        var house = houseId is int h ? await db.Set<LodgingHouse>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == h, ct) : null;
        var workers = await db.Set<Worker>().AsNoTracking().Where(w => todo.Contains(w.Id)).Select(w => new { w.Id, w.FullName, w.Phone, w.Cccd }).ToListAsync(ct);
        var now = calendar.Now;
        var rule = await requests.RuleAsync(calendar.Today, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var w in workers)
        {
            var facts = await situation.FactsAsync(w.Id, houseId, day, ct);
            var assessment = RequestPriority.Assess(HelpNeed.Food, facts);
            var request = new HelpRequest
            {
                Ticket = RequestRules.NewTicket(), Channel = RequestChannel.Worklist, Name = w.FullName, Phone = w.Phone, Cccd = w.Cccd,
                CommuneCode = house?.CommuneCode ?? team.CommuneCode, DistrictCode = house?.DistrictCode ?? team.DistrictCode,
                ProvinceCode = house?.ProvinceCode ?? team.ProvinceCode,
                Address = house?.Address, LodgingHouseId = house?.Id, WorkerId = w.Id, CreatedAt = now, CreatedBy = scope.UserName,
            };
            request.Prioritise(HelpNeed.Food, null, assessment, RequestPriority.DueAt(assessment, rule, now));
            request.Assign(team.Id, null, null, now);
            db.Add(request);
        }
        await db.SaveChangesAsync(ct);
        audit.Record("worklist", nameof(HelpRequest), null, after: new { Date = day, Days = days, House = houseId, Team = team.Id, Workers = workers.Select(w => w.Id) });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (new SaveResult.Saved(team.Id), workers.Count);
    }
}
