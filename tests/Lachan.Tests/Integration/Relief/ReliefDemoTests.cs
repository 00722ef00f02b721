using Lachan.Features.Relief.Requests;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration.Relief;

/// <summary>The demo's hotline story, as seeded (perf13): its requests still open were past due in 2021 and are
/// escalated as of then, five minutes after their due time, so the escalation job has nothing to catch up on a fresh
/// demo (at full size it wrote ~40,000 escalations, 1,000 a run, beside the first visitors' reads).</summary>
public sealed class ReliefDemoTests(DemoApps apps) : IClassFixture<DemoApps>
{
    [Theory, BothProviders]
    public async Task The_story_open_requests_are_escalated_as_of_their_due_time(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        await app.WithDbAsync(async db =>
        {
            var open = await db.Set<HelpRequest>().AsNoTracking()
                .Where(r => r.Status == RequestStatus.New || r.Status == RequestStatus.Assigned).ToListAsync();
            Assert.NotEmpty(open);
            // escalated by the seed, not by a run of the job today
            Assert.All(open, r => Assert.Equal(r.DueAt.AddMinutes(5), r.EscalatedAt));
        });
    }
}
