using System.Net;
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
        var (cases, orders) = await app.WithDbAsync(async db => (await db.Cases.CountAsync(), await db.QuarantineOrders.CountAsync()));
        Assert.True(cases > 0 && orders > 0, $"{cases} cases, {orders} orders");
        var health = await app.LoggedInClientAsync("yte");
        Assert.Contains("BN3501", await health.GetPageAsync("/Outbreak/Cases"));
        var hr = await app.LoggedInClientAsync("doanhnghiep");
        var refused = await hr.GetAsync("/Outbreak/Cases");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/Denied", refused.Headers.Location!.OriginalString);
    }
}
