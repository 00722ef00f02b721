using System.Net;
using System.Net.Http.Json;
using Lachan.Features.Support.Lists;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration.Support.Lists;

/// <summary>Issue 12 leftovers, item 3: two lists sharing a worker approved at the same moment by two app processes on
/// one PostgreSQL. Both approve; the worker is approved once, on the list whose approval was saved first, and the other
/// list's row says why. The moment is made certain: the test holds the audit chain's lock (every approval's save takes
/// it) until both approvals have read the approvals already made and wait to save, so the second save meets the first's
/// approval of the worker in the unique index — the case that answered 409 "changed" before the service retried.</summary>
public sealed class SharedWorkerApprovalTests
{
    [Fact]
    public async Task Two_lists_sharing_a_worker_approved_at_once_both_approve_and_the_worker_once()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var nodeA = new LachanApp(database, Seed.Empty, ownsDatabase: false);
        await using var nodeB = new LachanApp(database, Seed.Empty, ownsDatabase: false);
        await Task.Run(nodeA.StartServer);
        await Task.Run(nodeB.StartServer);
        var w = await ListWorld.CreateAsync(nodeA);
        var first = await w.BuildAsync();
        var second = await w.BuildAsync();
        // as if both lists had been checked at the same moment, neither seeing the other: the second's row is eligible too
        await nodeA.WithDbAsync(async db =>
        {
            var amount = await db.Set<SupportListRow>().Where(r => r.SupportListId == first).Select(r => r.AmountComputed).SingleAsync();
            Assert.True(amount > 0);
            await db.Set<SupportListRow>().Where(r => r.SupportListId == second)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Eligible, true).SetProperty(r => r.ReasonsJson, "[]").SetProperty(r => r.AmountComputed, amount));
        });
        foreach (var id in new[] { first, second })
        {
            await w.PostAndWaitAsync(nodeA, id);
            await ListWorld.Expect(HttpStatusCode.NoContent, w.Hr.PostAsync($"/api/v1/support/lists/{id}/submit", null));
            await ListWorld.Expect(HttpStatusCode.NoContent, w.Insurance.PostAsJsonAsync($"/api/v1/support/lists/{id}/insurance", new { rows = new[] { new { rowNo = 1, insured = true } } }));
            await ListWorld.Expect(HttpStatusCode.NoContent, w.District.PostAsync($"/api/v1/support/lists/{id}/appraise", null));
        }

        var user = "sld" + w.Registry.Tag.ToLowerInvariant();
        var (a, b) = (await nodeA.ApiClientAsync(user), await nodeB.ApiClientAsync(user));
        var answers = await nodeA.WithDbAsync(async db =>
        {
            await using var hold = await db.Database.BeginTransactionAsync();
            // no approval can write its worker's approval until this lock goes
            await db.Database.ExecuteSqlRawAsync("""LOCK TABLE "SupportApprovals" IN EXCLUSIVE MODE""");
            var calls = new[]
            {
                a.PostAsJsonAsync($"/api/v1/support/lists/{first}/approve", new { decisionNo = "1/QĐ-UBND" }),
                b.PostAsJsonAsync($"/api/v1/support/lists/{second}/approve", new { decisionNo = "2/QĐ-UBND" }),
            };
            // both approvals have read what was approved and wait to write theirs
            var waiting = 0;
            for (var i = 0; i < 300 && waiting < 2; i++)
            {
                await Task.Delay(100);
                waiting = await nodeB.WithDbAsync(x => x.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'SupportApprovals' AND NOT l.granted").SingleAsync());
            }
            Assert.Equal(2, waiting);
            await hold.RollbackAsync();
            return await Task.WhenAll(calls);
        });
        foreach (var answer in answers)
            Assert.True(answer.StatusCode == HttpStatusCode.NoContent, $"{(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");

        await nodeB.WithDbAsync(async db =>
        {
            var lists = await db.Set<SupportList>().AsNoTracking().Include(l => l.Rows).Where(l => l.Id == first || l.Id == second).ToListAsync();
            Assert.All(lists, l => Assert.Equal(ListState.Approved, l.State));
            var approval = await db.Set<SupportApproval>().AsNoTracking().SingleAsync(x => x.WorkerId == w.Registry.WorkerOwn.Id);
            var other = lists.Single(l => l.Id != approval.SupportListId);
            var row = other.Rows.Single();
            Assert.False(row.Eligible);
            Assert.Contains(RowReasons.Read(row.ReasonsJson), r => r.Code == "LIST-APPROVED-TWICE" && r.Vi.Contains($"danh sách số {approval.SupportListId}", StringComparison.Ordinal));
            var decisions = await db.Set<SupportDecision>().AsNoTracking().Where(d => d.SupportListId == first || d.SupportListId == second).ToListAsync();
            Assert.Equal(2, decisions.Count);
            Assert.Equal(0, decisions.Single(d => d.SupportListId == other.Id).Workers);
        });
    }
}
