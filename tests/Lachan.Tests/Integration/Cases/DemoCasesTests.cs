using Lachan.Features.Outbreak.Cases;
using System.Net;
using Lachan.Features.Outbreak.Testing;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration.Cases;

/// <summary>The demo province carries the (invented) May 2021 cases: the health account sees them, enterprise HR does not.</summary>
public sealed class DemoCasesTests(DemoApps apps) : IClassFixture<DemoApps>
{
    [Theory, BothProviders]
    public async Task Demo_cases_are_seeded_and_visible_to_health_only(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var (cases, orders) = await app.WithDbAsync(async db => (await db.Set<Case>().CountAsync(), await db.Set<QuarantineOrder>().CountAsync()));
        Assert.True(cases > 0 && orders > 0, $"{cases} cases, {orders} orders");
        var health = await app.LoggedInClientAsync("yte");
        Assert.Contains("BN3501", await health.GetPageAsync("/Outbreak/Cases"));
        var hr = await app.LoggedInClientAsync("doanhnghiep");
        var refused = await hr.GetAsync("/Outbreak/Cases");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/Denied", refused.Headers.Location!.OriginalString);
    }

    [Theory, BothProviders]
    public async Task Demo_samples_and_the_screening_of_a_reopened_enterprise_are_seeded(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var schedule = await app.WithDbAsync(db => db.Set<ScreeningSchedule>().AsNoTracking().Include(s => s.Enterprise).ThenInclude(e => e!.IndustrialZone).SingleAsync());
        Assert.Equal((new DateOnly(2021, 5, 28), 7, "QC"), (schedule.From, schedule.IntervalDays, schedule.Enterprise!.IndustrialZone!.Code));
        var samples = await app.WithDbAsync(db => db.Set<TestSample>().AsNoTracking().Include(s => s.Members).ToListAsync());
        Assert.Contains(samples, s => !s.Pooled && s.Result == TestResult.Negative);
        Assert.Contains(samples, s => !s.Pooled && s.Result == TestResult.Pending);
        Assert.All(samples, s => Assert.True(s.Pooled ? s.Members.Count is >= 2 and <= 10 : s.Members.Count == 1, s.Code));

        var health = await app.LoggedInClientAsync("yte");
        // the screening's positive pool (the wave has its own): its members not yet sampled alone are the ones to retest
        var positive = samples.Single(s => s.Pooled && s.Result == TestResult.Positive && s.Code.StartsWith("BG-QC-0528-", StringComparison.Ordinal));
        var retested = samples.Where(s => !s.Pooled && s.CollectedOn > positive.CollectedOn).Select(s => s.Members[0].WorkerId)
            .Where(w => positive.Members.Any(m => m.WorkerId == w)).ToHashSet();
        Assert.NotEmpty(retested);
        Assert.True(positive.Members.Count > retested.Count, $"{positive.Members.Count} in the pool, {retested.Count} retested");
        var retest = await health.GetPageAsync("/Outbreak/Testing/Retest");
        Assert.All(positive.Members, m => Assert.Equal(!retested.Contains(m.WorkerId), retest.Contains($"href=\"/Registry/Workers/{m.WorkerId}\"")));
        var due = await health.GetPageAsync($"/Outbreak/Testing/Screening?Date=04/06/2021&EnterpriseId={schedule.EnterpriseId}");
        Assert.Contains("data-testid=\"screening-due\"", due);
        Assert.Contains(schedule.Enterprise.Name, await health.GetPageAsync("/Outbreak/Testing/Schedules"));
    }
}
