using System.Text.Json;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Lachan.Tests.Integration.Rosters;

namespace Lachan.Tests.Integration.Support;

/// <summary>`support simulate --policy &lt;code&gt; --from dd/MM/yyyy --to dd/MM/yyyy [--json]` as an operator runs it: the
/// built Lachan.dll on a database seeded by `seed --workers 500` (with its demo insurance months).</summary>
public sealed class SupportCliTests
{
    [Theory, BothProviders]
    public async Task Support_simulate_prints_workers_and_amount_as_one_json_object(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var seed = await RosterCliTests.RunAsync(db, "seed", "--workers", "500");
        Assert.True(seed.Code == 0, seed.Err);

        var run = await RosterCliTests.RunAsync(db, "support", "simulate", "--policy", "QD08-G1", "--from", "01/04/2022", "--to", "30/04/2022", "--json");
        Assert.True(run.Code == 0, $"exit {run.Code}\n{run.Out}\n{run.Err}");
        var text = run.Out.Trim();
        Assert.True(text.StartsWith('{') && text.EndsWith('}') && !text.Contains('\n'), "stdout is not one JSON object:\n" + run.Out);
        var json = JsonDocument.Parse(text).RootElement;
        var workers = json.GetProperty("workers").GetInt32();
        // demo workers at IZ employers, lodging and insured qualify; one in twenty was never insured
        Assert.InRange(workers, 1, 500);
        Assert.Equal(workers * 500_000L, json.GetProperty("amount").GetInt64());
        Assert.Equal(500, json.GetProperty("evaluated").GetInt32());
        Assert.True(json.GetProperty("reasons").TryGetProperty("not-insured-month-before", out _));
        Assert.Equal(workers, json.GetProperty("byDistrict").EnumerateArray().Sum(d => d.GetProperty("workers").GetInt32()));

        var human = await RosterCliTests.RunAsync(db, "support", "simulate", "--policy", "NQ68-STOPPAGE", "--from", "01/05/2021", "--to", "31/12/2021");
        Assert.Equal(0, human.Code);
        Assert.Contains("NQ68-STOPPAGE 01/05/2021–31/12/2021", human.Out);

        var unknown = await RosterCliTests.RunAsync(db, "support", "simulate", "--policy", "NOPE", "--from", "01/04/2022", "--to", "30/04/2022");
        Assert.Equal(2, unknown.Code);
        Assert.Contains("No policy with code NOPE", unknown.Err);
        var badDate = await RosterCliTests.RunAsync(db, "support", "simulate", "--policy", "QD08-G1", "--from", "2022-04-01", "--to", "30/04/2022");
        Assert.Equal(2, badDate.Code);
        Assert.Contains("--from dd/MM/yyyy", badDate.Err);
    }
}
