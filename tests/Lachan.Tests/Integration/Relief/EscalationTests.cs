using Lachan.Features.Relief.Requests;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lachan.Tests.Integration.Relief;

/// <summary>Overdue open requests are escalated once, each with its audit event, in batches of
/// <see cref="Escalation.Batch"/> (a short transaction each); a request not yet due on the province's clock is left
/// alone — on both databases.</summary>
public sealed class EscalationTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    [Theory, BothProviders]
    public async Task A_backlog_of_overdue_requests_is_escalated_in_batches_each_with_its_audit_event(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var now = app.Services.GetRequiredService<Lachan.Infrastructure.Calendar.ProvinceCalendar>().Now;   // the demo's present in a demo
        HelpRequest Request(DateTime due)
        {
            var r = new HelpRequest { Ticket = RequestRules.NewTicket(), Name = "Người chờ", CommuneCode = "X", DistrictCode = "D", ProvinceCode = "24", CreatedAt = now.AddDays(-2) };
            r.Prioritise(HelpNeed.Food, null, new Assessment(40, []), due);
            return r;
        }
        var overdue = Enumerable.Range(0, Escalation.Batch * 2 + 7).Select(_ => Request(now.AddHours(-1))).ToList();
        var later = Request(now.AddHours(5));
        await app.WithDbAsync(async db => { db.AddRange(overdue); db.Add(later); return await db.SaveChangesAsync(); });

        // the job as Quartz builds it (the scheduler's own run may come first: the state below is what counts)
        await using (var scope = app.Services.CreateAsyncScope())
            await ActivatorUtilities.CreateInstance<Escalation>(scope.ServiceProvider).RunAsync(default);

        await app.WithDbAsync(async db =>
        {
            var ids = overdue.Select(r => r.Id).ToList();
            Assert.Equal(overdue.Count, await db.Set<HelpRequest>().CountAsync(r => ids.Contains(r.Id) && r.EscalatedAt != null));
            Assert.Null(await db.Set<HelpRequest>().Where(r => r.Id == later.Id).Select(r => r.EscalatedAt).SingleAsync());
            var events = await db.AuditEvents.Where(e => e.Action == "escalate" && e.EntityType == nameof(HelpRequest)).Select(e => e.EntityId).ToListAsync();
            Assert.Equal(ids.Select(i => i.ToString()).Order(), events.Order());
            return 0;
        });
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.Equal(0, await ActivatorUtilities.CreateInstance<Escalation>(scope.ServiceProvider).RunAsync(default));
    }
}
