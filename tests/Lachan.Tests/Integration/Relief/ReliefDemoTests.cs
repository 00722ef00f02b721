using Lachan.Features.Relief.Requests;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration.Relief;

/// <summary>The demo's hotline story, as seeded: its open requests already past due on the demo day are escalated as of
/// then, five minutes after their due time, so the escalation job has nothing to catch up on a fresh demo (at full size it
/// wrote ~40,000 escalations, 1,000 a run, beside the first visitors' reads); those due after the demo's present are not
/// (the seed once escalated them all, so the desk showed requests escalated before they were due).</summary>
public sealed class ReliefDemoTests(DemoApps apps) : IClassFixture<DemoApps>
{
    [Theory, BothProviders]
    public async Task Open_requests_past_due_on_the_demo_day_are_escalated_as_of_their_due_time_and_no_other(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        await app.WithDbAsync(async db =>
        {
            var open = await db.Set<HelpRequest>().AsNoTracking()
                .Where(r => r.Status == RequestStatus.New || r.Status == RequestStatus.Assigned).ToListAsync();
            var pastDue = open.Where(r => r.DueAt < new DateTime(2021, 5, 24, 17, 0, 0, DateTimeKind.Utc)).ToList();   // due before 25/05 in Vietnam
            var notYetDue = open.Where(r => r.DueAt > new DateTime(2021, 5, 25, 17, 0, 0, DateTimeKind.Utc)).ToList();  // due after 25/05
            Assert.NotEmpty(pastDue);
            Assert.NotEmpty(notYetDue);
            // escalated by the seed, not by a run of the job today
            Assert.All(pastDue, r => Assert.Equal(r.DueAt.AddMinutes(5), r.EscalatedAt));
            // due after the demo day: nobody has escalated them (the job runs on the demo clock too)
            Assert.All(notYetDue, r => Assert.Null(r.EscalatedAt));
        });
    }
}
