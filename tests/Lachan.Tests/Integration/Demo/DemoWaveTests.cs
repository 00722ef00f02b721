using System.Text;
using System.Text.Json;
using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Outbreak.Contacts;
using Lachan.Features.Outbreak.Quarantine;
using Lachan.Features.Outbreak.Demo;
using Lachan.Features.Outbreak.Testing;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration.Demo;

/// <summary>A demo province large enough for the wave's shape to show (8,000 workers: 200 cases).</summary>
public sealed class WaveApps() : Apps(Seed.DemoProvince, new Dictionary<string, string> { ["Demo:Workers"] = "8000" });

/// <summary>The demo's May–July 2021 wave (issue 10 item 5): its shape, and that it is what the domain's rules would have
/// made — every case confirmed by a positive sample, every order under the rule in force, every contact one the suggestion
/// rule offers, dated views that do not count later records.</summary>
public sealed class DemoWaveTests(WaveApps apps) : IClassFixture<WaveApps>
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd");

    [Theory, BothProviders]
    public async Task The_wave_rises_to_a_peak_in_early_June_and_falls_by_July(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var (confirmed, f1, f2) = await app.WithDbAsync(async db => (
            await db.Set<Case>().Select(c => c.ConfirmedOn).ToListAsync(),
            await db.Set<Contact>().CountAsync(c => c.Level == ContactLevel.F1 && c.State == ContactState.Confirmed),
            await db.Set<Contact>().CountAsync(c => c.Level == ContactLevel.F2 && c.State == ContactState.Confirmed)));
        Assert.InRange(confirmed.Count, DemoWave.CasesFor(8000) * 9 / 10, DemoWave.CasesFor(8000) + 8);
        Assert.True(f1 > confirmed.Count * 3 && f2 > confirmed.Count, $"{confirmed.Count} cases, {f1} F1, {f2} F2");

        var weeks = Enumerable.Range(0, WaveCurve.Days / 7)
            .Select(w => confirmed.Count(d => d >= DemoWave.FirstDay.AddDays(7 * w) && d < DemoWave.FirstDay.AddDays(7 * w + 7))).ToList();
        var peak = weeks.IndexOf(weeks.Max());
        var shown = string.Join(", ", weeks);
        Assert.InRange(DemoWave.FirstDay.AddDays(7 * peak), new DateOnly(2021, 5, 24), new DateOnly(2021, 6, 9));
        for (var w = 0; w < peak; w++) Assert.True(weeks[w] < weeks[w + 1], $"rising until the peak: {shown}");
        for (var w = peak; w < weeks.Count - 1; w++) Assert.True(weeks[w] >= weeks[w + 1], $"falling after the peak: {shown}");
        Assert.True(weeks[^1] * 5 < weeks[peak], $"small by July: {shown}");
    }

    [Theory, BothProviders]
    public async Task Every_case_has_a_confirming_positive_sample_and_every_order_follows_the_rule_in_force(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var (cases, positives, orders, contacts, rules, pools, poolRules) = await app.WithDbAsync(async db => (
            await db.Set<Case>().AsNoTracking().ToListAsync(),
            await db.Set<TestSample>().AsNoTracking().Where(s => !s.Pooled && s.Result == TestResult.Positive)
                .Select(s => new { s.CollectedOn, s.ResultOn, s.Members[0].WorkerId }).ToListAsync(),
            await db.Set<QuarantineOrder>().AsNoTracking().ToListAsync(),
            await db.Set<Contact>().AsNoTracking().ToDictionaryAsync(c => c.Id),
            await db.Set<QuarantineRule>().AsNoTracking().ToListAsync(),
            await db.Set<TestSample>().AsNoTracking().Where(s => s.Pooled).Select(s => new { s.Code, s.CollectedOn, Count = s.Members.Count }).ToListAsync(),
            await db.Set<PoolRule>().AsNoTracking().ToListAsync()));

        Assert.All(cases, c => Assert.Contains(positives, s => s.WorkerId == c.WorkerId && s.CollectedOn == c.TestDate && s.ResultOn <= c.ConfirmedOn));
        Assert.All(pools, p => Assert.InRange(p.Count, 2, TestingRules.InForce(poolRules, p.CollectedOn).MaxPoolSize));
        Assert.All(orders, o =>
        {
            var subject = o.ContactId is int id ? QuarantineRules.SubjectOf(contacts[id].Level) : RuleSubject.F0Release;
            if (o.ContactId is int cid) Assert.Equal(contacts[cid].LastContactOn, o.StartOn);
            var rule = QuarantineRules.InForce(rules, subject, o.StartOn);
            Assert.Equal((rule.Id, QuarantineRules.PlannedEnd(rule, o.StartOn)), (o.QuarantineRuleId, o.PlannedEndOn));
            Assert.True(o.ReleasedOn is null || (o.ReleasedOn >= o.PlannedEndOn && o.ReleaseTestDate >= o.StartOn && o.ReleaseTestDate <= o.ReleasedOn), $"order {o.Id}");
        });
        // each discharged case is monitored at home afterwards
        Assert.All(cases.Where(c => c.Outcome == CaseOutcome.Recovered),
            c => Assert.Contains(orders, o => o.WorkerId == c.WorkerId && o.ContactId == null && o.StartOn == c.OutcomeOn));
    }

    [Theory, BothProviders]
    public async Task The_wave_s_contacts_are_those_the_suggestion_rule_offers(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        await app.WithDbAsync(async db =>
        {
            var cases = await db.Set<Case>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.WorkerId);
            var all = await db.Set<Contact>().AsNoTracking().Where(c => c.State == ContactState.Confirmed).OrderBy(c => c.Id).ToListAsync();
            var byId = all.ToDictionary(c => c.Id);
            // every seventh, so both levels and kinds of several days are compared
            foreach (var x in all.Where((_, i) => i % 7 == 0).Take(60))
            {
                var source = x.SourceContactId is int s ? byId[s].WorkerId : cases[x.CaseId];
                var ranked = await ContactSuggestions.RankAsync(db, source, x.LastContactOn!.Value, new HashSet<int>());
                var offered = ranked.SingleOrDefault(r => r.WorkerId == x.WorkerId);
                Assert.True(offered is not null, $"contact {x.Id} is not among the suggestions for worker {source} on {x.LastContactOn}");
                Assert.Contains(offered.Reasons, r => x.Kind == ContactKind.LodgingRoom
                    ? r is SuggestionReason.SameRoom or SuggestionReason.SameLodgingHouse
                    : r is SuggestionReason.SameWorkshop or SuggestionReason.SameEnterprise);
            }
        });
    }

    [Theory, BothProviders]
    public async Task The_lockdown_of_18_May_affects_workers_and_dated_lists_leave_out_later_records(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var api = await app.ApiClientAsync("admin");
        async Task<JsonElement> Affected(string day) =>
            JsonDocument.Parse(await api.GetStringAsync($"/api/v1/affected?date={day}")).RootElement.GetProperty("counts");
        Assert.Equal(0, (await Affected("2021-05-17")).GetProperty("workers").GetInt32());
        var locked = await Affected("2021-05-18");
        Assert.True(locked.GetProperty("workers").GetInt32() > 1000, locked.ToString());
        Assert.True(locked.GetProperty("enterprisesStopped").GetInt32() > 100, locked.ToString());

        // 25/05/2021, the demo's "today": orders released later were open on that day, orders starting later were not yet
        var today = new DateOnly(2021, 5, 25);
        var orders = await app.WithDbAsync(db => db.Set<QuarantineOrder>().AsNoTracking().ToDictionaryAsync(o => o.Id));
        var health = await app.ApiClientAsync("yte");
        using var due = JsonDocument.Parse(await health.GetStringAsync($"/api/v1/quarantine/due?date={Iso(today)}&pageSize=500"));
        var listed = new[] { "tests", "releases", "overdue" }.SelectMany(k => due.RootElement.GetProperty(k).GetProperty("items").EnumerateArray())
            .Select(r => orders[r.GetProperty("orderId").GetInt32()]).ToList();
        Assert.NotEmpty(listed);
        Assert.All(new[] { "tests", "releases", "overdue" }, k => Assert.True(due.RootElement.GetProperty(k).GetProperty("total").GetInt32() <= 500, "one page holds it all"));
        Assert.All(listed, o => Assert.True(o.StartOn <= today && (o.ReleasedOn is null || o.ReleasedOn > today), $"order {o.Id}"));
        Assert.Contains(listed, o => o.ReleasedOn > today);
        var expected = orders.Values.Where(o => o.StartOn <= today && (o.ReleasedOn is null || o.ReleasedOn > today)
            && DueList.Classify(o.StartOn, o.PlannedEndOn, [1, 7, 14], today) != Due.None && o.QuarantineRuleId == 1).Select(o => o.Id).ToHashSet();
        Assert.Subset(listed.Select(o => o.Id).ToHashSet(), expected);
    }

    [Theory, BothProviders]
    public async Task The_seed_verb_says_the_data_is_invented_and_sizes_the_wave_with_cases(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var run = await Rosters.RosterCliTests.RunAsync(db, "seed", "--workers", "2000", "--cases", "120");
        Assert.True(run.Code == 0, run.Out + run.Err);
        Assert.Contains("Invented data (dữ liệu mô phỏng)", run.Out);
        await using var ctx = Contexts.Open(db);
        var cases = await ctx.Set<Case>().CountAsync();
        Assert.InRange(cases, 100, 120);   // a person is a case once: in a small province a pick may find nobody left
        Assert.Contains($"{cases:N0} F0 cases", run.Out);
    }

    [Fact]
    public async Task The_wave_is_the_same_on_both_providers()
    {
        static Task<string> Fingerprint(LachanApp app) => app.WithDbAsync(async db =>
        {
            var sb = new StringBuilder();
            foreach (var c in await db.Set<Case>().AsNoTracking().OrderBy(c => c.Code).Select(c => new { c.Code, c.Worker!.Cccd, c.ConfirmedOn, c.OutcomeOn }).ToListAsync())
                sb.Append(c.Code).Append(c.Cccd).Append(c.ConfirmedOn).Append(c.OutcomeOn).Append('\n');
            foreach (var o in await db.Set<QuarantineOrder>().AsNoTracking().OrderBy(o => o.Id).Select(o => new { o.Worker!.Cccd, o.StartOn, o.PlannedEndOn, o.ReleasedOn }).ToListAsync())
                sb.Append(o.Cccd).Append(o.StartOn).Append(o.PlannedEndOn).Append(o.ReleasedOn).Append('\n');
            sb.Append(await db.Set<TestSample>().CountAsync()).Append(' ').Append(await db.Set<SampleMember>().CountAsync());
            return sb.ToString();
        });
        Assert.Equal(await Fingerprint(await apps.For(DatabaseProvider.Sqlite)), await Fingerprint(await apps.For(DatabaseProvider.Postgres)));
    }
}
