using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Calendar;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Lachan.Features.Relief.Requests;

/// <summary>Open requests past their due time are escalated: flagged once (first in every queue) and audited. Every five
/// minutes, on one node of the cluster, in the durable job store (ADR-0015); a missed run is simply caught up by the next.</summary>
[DisallowConcurrentExecution]
public sealed class Escalation(LachanDb db, AuditLog audit, ProvinceCalendar calendar) : IJob
{
    public static readonly JobKey Key = new("overdue-escalation", "relief");

    public static void Schedule(IQuartzBuilder q)
    {
        q.AddJob<Escalation>(j => j.WithIdentity(Key).StoreDurably());
        q.AddTrigger(t => t.ForJob(Key).WithIdentity("overdue-escalation", "relief").StartNow()
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(5)).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await RunAsync(cancellationToken);

    /// <summary>Escalated per save: a short transaction each (when events were chained inside the transaction, 1,000 in one
    /// save held the chain's lock for 30–60 s under load and every other write waited; ADR-0024 took that lock away, and
    /// short transactions still keep row locks brief).</summary>
    public const int Batch = 50;

    /// <summary>Escalates up to 1,000 overdue requests per run, <see cref="Batch"/> per transaction.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = calendar.Now;
        var total = 0;
        while (total < 1000)
        {
            var due = await db.Set<HelpRequest>().AsNoTracking()
                .Where(r => r.EscalatedAt == null && r.DueAt < now && (r.Status == RequestStatus.New || r.Status == RequestStatus.Assigned))
                .OrderBy(r => r.Id).Take(Batch).ToListAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var r in due)
            {
                if (!r.Escalate(now)) continue;   // the rule, on the request as read
                // claimed only if no other run escalated it since it was read (a run by hand beside the scheduled one):
                // the second waits for the first's row lock, then finds it escalated, and audits nothing
                var claimed = await db.Set<HelpRequest>().Where(x => x.Id == r.Id && x.EscalatedAt == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(x => x.EscalatedAt, now), ct);
                if (claimed == 1) audit.Record("escalate", nameof(HelpRequest), r.Id, after: new { r.DueAt }, userName: "system");
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            total += due.Count;
            if (due.Count < Batch) break;
        }
        return total;
    }
}
