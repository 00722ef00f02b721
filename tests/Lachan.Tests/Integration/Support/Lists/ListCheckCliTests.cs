using System.Text.Json;
using Lachan.Features.Support.Insurance;
using Lachan.Features.Support.Lists;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Lachan.Tests.Integration.Rosters;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration.Support.Lists;

/// <summary>`support check &lt;file&gt; --policy &lt;code&gt; --enterprise &lt;tax code&gt; --month MM/yyyy --json` as an
/// operator runs it: one entry per row (row, cccd, eligible, amount, reasons with codes and Vietnamese text), nothing
/// written.</summary>
public sealed class ListCheckCliTests
{
    [Theory, BothProviders]
    public async Task Support_check_prints_one_entry_per_row_and_writes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        TestRegistry r;
        await using (var app = new LachanApp(database, Seed.Empty, ownsDatabase: false))
        {
            await Task.Run(app.StartServer);
            r = await TestRegistry.AddAsync(app);
            await app.WithDbAsync(async db =>
            {
                db.Add(new InsuredMonth { WorkerId = r.WorkerOwn.Id, Month = new(2022, 4, 1), EnterpriseId = r.EnterpriseOwn.Id });
                return await db.SaveChangesAsync();
            });
        }
        var unknown = TestRegistry.NewCccd("024", Lachan.Features.Registry.Contracts.Sex.Male, 1995);
        var file = Path.Combine(Path.GetTempPath(), $"mau02-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, $"Họ và tên,Số CCCD,Số tiền đề nghị\n{r.WorkerOwn.FullName},{r.WorkerOwn.Cccd},500000\nNgười Lạ,{unknown},500000\n");
        try
        {
            var run = await RosterCliTests.RunAsync(database, "support", "check", file, "--policy", "QD08-G1", "--enterprise", r.EnterpriseOwn.TaxCode, "--month", "05/2022", "--json");
            Assert.True(run.Code == 0, $"exit {run.Code}\n{run.Out}\n{run.Err}");
            var entries = JsonDocument.Parse(run.Out).RootElement.EnumerateArray().ToList();
            Assert.Equal(2, entries.Count);
            Assert.Equal((1, r.WorkerOwn.Cccd, true, 500_000L), (entries[0].GetProperty("row").GetInt32(), entries[0].GetProperty("cccd").GetString(),
                entries[0].GetProperty("eligible").GetBoolean(), entries[0].GetProperty("amount").GetInt64()));
            Assert.False(entries[1].GetProperty("eligible").GetBoolean());
            var reason = Assert.Single(entries[1].GetProperty("reasons").EnumerateArray());
            Assert.Equal("LIST-NOT-IN-REGISTRY", reason.GetProperty("code").GetString());
            Assert.Contains("CCCD", reason.GetProperty("vi").GetString(), StringComparison.Ordinal);

            var bad = await RosterCliTests.RunAsync(database, "support", "check", file, "--policy", "QD08-G1", "--enterprise", r.EnterpriseOwn.TaxCode, "--month", "2022-05");
            Assert.Equal(2, bad.Code);
            Assert.Contains("--month MM/yyyy", bad.Err, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
        await using var check = new LachanApp(database, Seed.Empty, ownsDatabase: false);
        await Task.Run(check.StartServer);
        Assert.Equal(0, await check.WithDbAsync(db => db.Set<SupportList>().CountAsync()));
    }
}
