using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Support.Insurance;
using Lachan.Features.Support.Lists;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Lachan.Tests.Integration.Rosters;
using Lachan.Tests.Integration.Support.Lists;
using Microsoft.EntityFrameworkCore;
using static Lachan.Tests.Integration.Support.Lists.ListWorld;

namespace Lachan.Tests.Integration.Support.Views;

/// <summary>Issue 12, item 4, on both databases: the list's "Mang thai" and "Số con dưới 6 tuổi" columns reach the rules —
/// stored on the row, ignored by a policy without supplements (Decision 08), a bad cell refused naming the column, and
/// the supplements of Resolution 68's termination added to the amount with their breakdown (`support check`).</summary>
public sealed class SupplementTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    [Theory, BothProviders]
    public async Task The_columns_are_kept_on_the_row_and_a_policy_without_supplements_ignores_them(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await CreateAsync(app);
        var bad = $"Họ và tên,Số CCCD,Mang thai,Số con dưới 6 tuổi\n{w.Registry.WorkerOwn.FullName},{w.Registry.WorkerOwn.Cccd},có lẽ,hai\n";
        var refused = await Expect(HttpStatusCode.BadRequest, w.Hr.PostAsync("/api/v1/support/lists/import", Form(w, bad)));
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("code").GetString())).ToList();
        Assert.Equal([(2, "Pregnant", "SupportList.FilePregnantInvalid"), (2, "ChildrenUnder6", "SupportList.FileChildrenInvalid")], errors);

        var good = $"Họ và tên,Số CCCD,Mang thai,Số con dưới 6 tuổi\n{w.Registry.WorkerOwn.FullName},{w.Registry.WorkerOwn.Cccd},x,2\n";
        var created = await Expect(HttpStatusCode.Created, w.Hr.PostAsync("/api/v1/support/lists/import", Form(w, good)));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var row = await app.WithDbAsync(db => db.Set<SupportListRow>().SingleAsync(r => r.SupportListId == id));
        Assert.Equal((true, 2), (row.Pregnant, row.ChildrenUnder6));
        Assert.Equal(500_000, row.AmountComputed);   // QD08-G1 pays no supplement
        Assert.DoesNotContain("supplement-", row.ReasonsJson, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task Support_check_adds_the_termination_supplements_with_their_breakdown(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        TestRegistry r;
        await using (var app = new LachanApp(database, Seed.Empty, ownsDatabase: false))
        {
            await Task.Run(app.StartServer);
            r = await TestRegistry.AddAsync(app);
            // the worker's contract ended on 15/06/2021 after five insured months: terminated, no unemployment benefit
            await app.WithDbAsync(async db =>
            {
                await db.Set<Employment>().Where(e => e.WorkerId == r.WorkerOwn.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.To, new DateOnly(2021, 6, 15)));
                for (var m = new DateOnly(2021, 1, 1); m <= new DateOnly(2021, 5, 1); m = m.AddMonths(1))
                    db.Add(new InsuredMonth { WorkerId = r.WorkerOwn.Id, Month = m, EnterpriseId = r.EnterpriseOwn.Id });
                return await db.SaveChangesAsync();
            });
        }
        var file = Path.Combine(Path.GetTempPath(), $"nq68-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, $"Họ và tên,Số CCCD,Mang thai,Số con dưới 6 tuổi\n{r.WorkerOwn.FullName},{r.WorkerOwn.Cccd},x,2\n{r.WorkerOwn.FullName},{r.WorkerOwn.Cccd},,\n");
        try
        {
            var run = await RosterCliTests.RunAsync(database, "support", "check", file, "--policy", "NQ68-TERMINATED", "--enterprise", r.EnterpriseOwn.TaxCode, "--month", "06/2021", "--json");
            Assert.True(run.Code == 0, $"exit {run.Code}\n{run.Out}\n{run.Err}");
            var entries = JsonDocument.Parse(run.Out).RootElement.EnumerateArray().ToList();
            Assert.Equal(3_710_000 + 1_000_000 + 2 * 1_000_000, entries[0].GetProperty("amount").GetInt64());
            var codes = entries[0].GetProperty("reasons").EnumerateArray().Select(x => x.GetProperty("code").GetString()).ToList();
            Assert.Contains("supplement-pregnant", codes);
            Assert.Contains("supplement-children", codes);
            // the same worker again without the columns: a duplicate row, not eligible
            Assert.False(entries[1].GetProperty("eligible").GetBoolean());
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static MultipartFormDataContent Form(ListWorld w, string csv) => new MultipartFormDataContent
    {
        { new StringContent(Policy), "policyCode" }, { new StringContent(w.Registry.EnterpriseOwn.TaxCode), "taxCode" }, { new StringContent(Month), "month" },
    }.WithFile(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "danh-sach.csv");
}
