using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lachan.Features.Support.Insurance;
using Lachan.Features.Support.Lists;
using Lachan.Features.Support.Policies;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Lachan.Tests.Integration.Support.Lists.ListWorld;

namespace Lachan.Tests.Integration.Support.Lists;

/// <summary>Issue 12 leftovers, item 5, on both databases: Resolution 68's child supplement is paid to one parent only.
/// The list file's "Mã định danh của con" column (12 digits each, as many as "Số con dưới 6 tuổi") is checked, and a
/// child already claimed under the same policy and period on another list is not paid for again: that row says so
/// (the child's number masked) and keeps its other children's supplement. The numbers never reach a page or a response
/// in full.</summary>
public sealed class ChildClaimTests
{
    private const string ChildA = "001222000011", ChildB = "001222000022", ChildC = "001222000033";
    private const string Header = "Họ và tên,Số CCCD,Số con dưới 6 tuổi,Mã định danh của con\n";

    /// <summary>A package that pays a child supplement with an employer list (the province's own may: Decision 08 group 1
    /// here), the other enterprise's worker insured too, and its HR's API client (on <paramref name="node"/>).</summary>
    private static async Task<HttpClient> OtherParentAsync(LachanApp app, LachanApp node, TestRegistry r)
    {
        await app.WithDbAsync(async db =>
        {
            await db.Set<SupportPolicyVersion>().Where(v => v.Policy!.Code == Policy).ExecuteUpdateAsync(s => s.SetProperty(v => v.ChildSupplement, 1_000_000L));
            for (var m = new DateOnly(2022, 2, 1); m <= new DateOnly(2022, 6, 1); m = m.AddMonths(1))
                db.Add(new InsuredMonth { WorkerId = r.WorkerOther.Id, Month = m, EnterpriseId = r.EnterpriseOther.Id });
            return await db.SaveChangesAsync();
        });
        return await node.ApiClientAsync((await app.EnsureUserAsync("hrkhac" + r.Tag.ToLowerInvariant(), Role.EnterpriseHr, r.EnterpriseOther.TaxCode)).UserName!);
    }

    [Theory, BothProviders]
    public async Task A_child_claimed_on_another_list_gets_no_second_supplement_and_the_row_says_why(DatabaseProvider provider)
    {
        await using var app = await LachanApp.StartAsync(provider, Seed.Empty);
        var w = await CreateAsync(app);
        var r = w.Registry;
        var otherHr = await OtherParentAsync(app, app, r);

        // bad cells: too few numbers for the children, a number that is not 12 digits — each named, nothing written
        var bad = await Expect(HttpStatusCode.BadRequest, w.Hr.PostAsync("/api/v1/support/lists/import",
            Form(r.EnterpriseOwn.TaxCode, Header + $"{r.WorkerOwn.FullName},{r.WorkerOwn.Cccd},2,{ChildA}\n{r.WorkerOwn.FullName},{r.WorkerOwn.Cccd},1,12345\n")));
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("code").GetString())).ToList();
        Assert.Equal([(2, "ChildIds", "SupportList.FileChildIdsCount"), (3, "ChildIds", "SupportList.FileChildIdsInvalid")], errors);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<SupportList>().CountAsync()));

        // the mother claims children A and B
        var first = await ImportAsync(w.Hr, r.EnterpriseOwn.TaxCode, Header + $"{r.WorkerOwn.FullName},{r.WorkerOwn.Cccd},2,\"{ChildA}, {ChildB}\"\n");
        var mother = await app.WithDbAsync(db => db.Set<SupportListRow>().SingleAsync(x => x.SupportListId == first));
        Assert.True(mother.Eligible, mother.ReasonsJson);
        Assert.Equal(500_000 + 2 * 1_000_000, mother.AmountComputed);

        // the father, at another employer, claims B (claimed already) and C: paid for C only, and told about B
        var second = await ImportAsync(otherHr, r.EnterpriseOther.TaxCode, Header + $"{r.WorkerOther.FullName},{r.WorkerOther.Cccd},2,{ChildB};{ChildC}\n");
        var father = await app.WithDbAsync(db => db.Set<SupportListRow>().SingleAsync(x => x.SupportListId == second));
        Assert.True(father.Eligible, father.ReasonsJson);
        Assert.Equal(500_000 + 1_000_000, father.AmountComputed);
        var claimed = Assert.Single(RowReasons.Read(father.ReasonsJson), x => x.Code == "LIST-CHILD-CLAIMED");
        Assert.Contains($"danh sách số {first}", claimed.Vi, StringComparison.Ordinal);
        Assert.Contains($"list {first}", claimed.En, StringComparison.Ordinal);
        Assert.DoesNotContain(ChildB, claimed.Vi, StringComparison.Ordinal);
        Assert.Contains(ChildB[^3..], claimed.Vi, StringComparison.Ordinal);
        var claims = await app.WithDbAsync(db => db.Set<ChildClaim>().AsNoTracking().Include(c => c.Row).Select(c => new { c.ChildId, c.Row!.SupportListId }).ToListAsync());
        Assert.Equal([(ChildA, first), (ChildB, first), (ChildC, second)], claims.OrderBy(c => c.ChildId).Select(c => (c.ChildId, c.SupportListId)));

        // personal data: never in full in the list's answer, its page or the audit trail
        var view = await otherHr.GetStringAsync($"/api/v1/support/lists/{second}");
        var page = await (await app.LoggedInClientAsync("hrkhac" + r.Tag.ToLowerInvariant())).GetPageAsync($"/Support/Lists/Detail/{second}");
        var audit = await app.WithDbAsync(db => db.AuditEvents.Select(e => e.After ?? "").ToListAsync());
        foreach (var id in new[] { ChildA, ChildB, ChildC })
        {
            Assert.DoesNotContain(id, view, StringComparison.Ordinal);
            Assert.DoesNotContain(id, page, StringComparison.Ordinal);
            Assert.All(audit, a => Assert.DoesNotContain(id, a, StringComparison.Ordinal));
        }
    }

    /// <summary>tidy13 item 4: with the unique index, a refused list must free its children for the other parent's list:
    /// the refusal deletes its claims, and the other parent is paid for the child.</summary>
    [Theory, BothProviders]
    public async Task A_refused_list_frees_its_children_for_the_other_parent(DatabaseProvider provider)
    {
        await using var app = await LachanApp.StartAsync(provider, Seed.Empty);
        var w = await CreateAsync(app);
        var r = w.Registry;
        var otherHr = await OtherParentAsync(app, app, r);
        var mother = await ImportAsync(w.Hr, r.EnterpriseOwn.TaxCode, Header + $"{r.WorkerOwn.FullName},{r.WorkerOwn.Cccd},1,{ChildA}\n");
        await w.PostAndWaitAsync(app, mother);
        await Expect(HttpStatusCode.NoContent, w.Hr.PostAsync($"/api/v1/support/lists/{mother}/submit", null));
        await Expect(HttpStatusCode.NoContent, w.Insurance.PostAsJsonAsync($"/api/v1/support/lists/{mother}/refuse", new { reason = "Sai danh sách (thử)" }));
        Assert.False(await app.WithDbAsync(db => db.Set<ChildClaim>().AnyAsync(c => c.ChildId == ChildA)));

        var father = await ImportAsync(otherHr, r.EnterpriseOther.TaxCode, Header + $"{r.WorkerOther.FullName},{r.WorkerOther.Cccd},1,{ChildA}\n");
        var row = await app.WithDbAsync(db => db.Set<SupportListRow>().SingleAsync(x => x.SupportListId == father));
        Assert.Equal((1, 500_000 + 1_000_000L), (row.ChildrenUnder6, row.AmountComputed));
        Assert.Equal(row.Id, await app.WithDbAsync(db => db.Set<ChildClaim>().Where(c => c.ChildId == ChildA).Select(c => c.RowId).SingleAsync()));
    }

    /// <summary>tidy13 item 4: one child, one claim, kept by the database. Two employers import at the same instant, each
    /// naming the same child, on two app nodes: the test holds the audit chain's lock until both imports have checked the
    /// claims (none yet) and wait to save, so neither check can see the other. The unique index takes the first claim;
    /// the second import is checked again and saved with the row's reason — never a 500, never two supplements.</summary>
    [Fact]
    public async Task Two_imports_claiming_one_child_at_once_pay_it_once_and_the_other_row_says_why()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var nodeA = new LachanApp(database, Seed.Empty, ownsDatabase: false);
        await using var nodeB = new LachanApp(database, Seed.Empty, ownsDatabase: false);
        await Task.Run(nodeA.StartServer);
        await Task.Run(nodeB.StartServer);
        var w = await CreateAsync(nodeA);
        var r = w.Registry;
        var otherHr = await OtherParentAsync(nodeA, nodeB, r);

        var answers = await nodeA.WithDbAsync(async db =>
        {
            await using var hold = await db.Database.BeginTransactionAsync();
            // no import can write its claims until this lock goes
            await db.Database.ExecuteSqlRawAsync("""LOCK TABLE "SupportChildClaims" IN EXCLUSIVE MODE""");
            var calls = new[]
            {
                w.Hr.PostAsync("/api/v1/support/lists/import", Form(r.EnterpriseOwn.TaxCode, Header + $"{r.WorkerOwn.FullName},{r.WorkerOwn.Cccd},1,{ChildA}\n")),
                otherHr.PostAsync("/api/v1/support/lists/import", Form(r.EnterpriseOther.TaxCode, Header + $"{r.WorkerOther.FullName},{r.WorkerOther.Cccd},1,{ChildA}\n")),
            };
            // both imports have checked the claims and wait to write theirs
            var waiting = 0;
            for (var i = 0; i < 600 && waiting < 2; i++)
            {
                await Task.Delay(100);
                waiting = await nodeB.WithDbAsync(x => x.Database.SqlQueryRaw<int>(
                    "SELECT count(*)::int AS \"Value\" FROM pg_locks WHERE NOT granted AND (database IS NULL OR database = (SELECT oid FROM pg_database WHERE datname = current_database())) AND pid <> pg_backend_pid()").SingleAsync());
            }
            Assert.Equal(2, waiting);
            await hold.RollbackAsync();
            return await Task.WhenAll(calls);
        });
        foreach (var answer in answers)
            Assert.True(answer.StatusCode == HttpStatusCode.Created, $"{(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");

        await nodeB.WithDbAsync(async db =>
        {
            var claim = await db.Set<ChildClaim>().AsNoTracking().Include(c => c.Row).SingleAsync(c => c.ChildId == ChildA);
            var rows = await db.Set<SupportListRow>().AsNoTracking().Where(x => x.WorkerId == r.WorkerOwn.Id || x.WorkerId == r.WorkerOther.Id).ToListAsync();
            Assert.Equal(2, rows.Count);
            var paid = rows.Single(x => x.Id == claim.RowId);
            var other = rows.Single(x => x.Id != claim.RowId);
            Assert.Equal((1, 500_000 + 1_000_000L), (paid.ChildrenUnder6, paid.AmountComputed));
            Assert.Equal((0, 500_000L), (other.ChildrenUnder6, other.AmountComputed));
            var reason = Assert.Single(RowReasons.Read(other.ReasonsJson), x => x.Code == "LIST-CHILD-CLAIMED");
            Assert.Contains($"danh sách số {claim.Row!.SupportListId}", reason.Vi, StringComparison.Ordinal);
            return 0;
        });
    }

    private static async Task<int> ImportAsync(HttpClient hr, string taxCode, string csv)
    {
        var created = await Expect(HttpStatusCode.Created, hr.PostAsync("/api/v1/support/lists/import", Form(taxCode, csv)));
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static MultipartFormDataContent Form(string taxCode, string csv) => new MultipartFormDataContent
    {
        { new StringContent(Policy), "policyCode" }, { new StringContent(taxCode), "taxCode" }, { new StringContent(Month), "month" },
    }.WithFile(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "danh-sach.csv");
}
