using Lachan.Features.Support.Eligibility;
using Lachan.Features.Support.Insurance;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lachan.Tests.Integration.Support;

/// <summary>What the facts loader reads for many workers (issue 12's candidates: 110,000 of 300,000 workers): the ids go
/// to the database as one array and the answer is the same as for a few ids; insured months are read only as far as a
/// rule looks — up to the month before the period's last, never the last month itself.</summary>
public sealed class SupportFactsLoadTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    [Theory, BothProviders]
    public async Task Insured_months_are_read_up_to_the_month_before_the_periods_last(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var r = await TestRegistry.AddAsync(app);
        var w = r.WorkerOwn;
        await app.WithDbAsync(async db =>
        {
            for (var month = new DateOnly(2021, 1, 1); month <= new DateOnly(2021, 7, 1); month = month.AddMonths(1))
                db.Add(new InsuredMonth { WorkerId = w.Id, Month = month, EnterpriseId = r.EnterpriseOwn.Id });
            await db.SaveChangesAsync();
        });
        using var scope = app.Services.CreateScope();
        var facts = scope.ServiceProvider.GetRequiredService<SupportFacts>();
        // May–June, one month back (the month before a paid month): April and May; June is no paid month's month before
        var months = (await facts.ForWorkersAsync([w.Id], new(2021, 5, 1), new(2021, 6, 30), 1, CancellationToken.None))[w.Id].InsuredMonths;
        Assert.Equal([new(2021, 4, 1), new(2021, 5, 1)], months.Order());
        // one month: only the month before it
        months = (await facts.ForWorkersAsync([w.Id], new(2021, 5, 1), new(2021, 5, 31), 1, CancellationToken.None))[w.Id].InsuredMonths;
        Assert.Equal([new DateOnly(2021, 4, 1)], months);
    }

    [Theory, BothProviders]
    public async Task Many_ids_sent_as_one_array_give_the_facts_a_few_ids_give(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var r = await TestRegistry.AddAsync(app);
        var w = r.WorkerOwn;
        await app.WithDbAsync(async db =>
        {
            db.Add(new InsuredMonth { WorkerId = w.Id, Month = new(2021, 4, 1), EnterpriseId = r.EnterpriseOwn.Id });
            await db.SaveChangesAsync();
        });
        using var scope = app.Services.CreateScope();
        var facts = scope.ServiceProvider.GetRequiredService<SupportFacts>();
        var (from, to) = (new DateOnly(2021, 5, 1), new DateOnly(2021, 5, 31));
        var few = await facts.ForWorkersAsync([w.Id, r.WorkerOther.Id, -5], from, to, 1, CancellationToken.None);
        // past the few ids a query names one by one: the array path; the ids unknown to the registry answer "not in it"
        var many = await facts.ForWorkersAsync([w.Id, r.WorkerOther.Id, .. Enumerable.Range(1, 3000).Select(i => -i)], from, to, 1, CancellationToken.None);
        foreach (var id in new[] { w.Id, r.WorkerOther.Id, -5 })
            Assert.Equal(Describe(few[id]), Describe(many[id]));
        Assert.True(many[w.Id].InRegistry);
        Assert.NotEmpty(many[w.Id].Employments);
        Assert.False(many[-3000].InRegistry);
    }

    private static string Describe(WorkerFacts f) =>
        $"{f.WorkerId} {f.InRegistry} jobs[{string.Join(";", f.Employments.Select(e => $"{e.EnterpriseId} {e.From} {e.To} {e.Contract} {e.AtIzEmployer} {string.Join(",", e.Stopped)}"))}] " +
        $"lodging[{string.Join(";", f.Lodging.Select(l => $"{l.LodgingHouseId} {l.From} {l.To} {string.Join(",", l.Locked)}"))}] " +
        $"months[{string.Join(",", f.InsuredMonths.Order())}] f1[{string.Join(",", f.Quarantines)}] f0[{string.Join(",", f.Cases)}]";
}
