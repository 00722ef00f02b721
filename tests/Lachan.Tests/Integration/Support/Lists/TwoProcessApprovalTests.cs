using System.Net;
using System.Net.Http.Json;
using Lachan.Features.Support.Lists;
using Lachan.Features.Support.Payments;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration.Support.Lists;

/// <summary>Two app processes on one PostgreSQL database approving the same list, and paying it, at the same moment:
/// one approval, one decision, one batch — the database decides (unique indexes, the list's concurrency token).</summary>
public sealed class TwoProcessApprovalTests
{
    [Fact]
    public async Task Two_processes_approving_and_paying_the_same_list_at_once_make_one_approval_and_one_batch()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var nodeA = new LachanApp(database, Seed.Empty, ownsDatabase: false);
        await using var nodeB = new LachanApp(database, Seed.Empty, ownsDatabase: false);
        await Task.Run(nodeA.StartServer);
        await Task.Run(nodeB.StartServer);
        var w = await ListWorld.CreateAsync(nodeA);
        var id = await w.BuildAsync();
        await w.PostAndWaitAsync(nodeA, id);
        await ListWorld.Expect(HttpStatusCode.NoContent, w.Hr.PostAsync($"/api/v1/support/lists/{id}/submit", null));
        await ListWorld.Expect(HttpStatusCode.NoContent, w.Insurance.PostAsJsonAsync($"/api/v1/support/lists/{id}/insurance", new { rows = new[] { new { rowNo = 1, insured = true } } }));
        await ListWorld.Expect(HttpStatusCode.NoContent, w.District.PostAsync($"/api/v1/support/lists/{id}/appraise", null));

        var user = "sld" + w.Registry.Tag.ToLowerInvariant();
        var clients = new[] { await nodeA.ApiClientAsync(user), await nodeB.ApiClientAsync(user) };
        var approvals = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            clients[i % 2].PostAsJsonAsync($"/api/v1/support/lists/{id}/approve", new { decisionNo = $"{i}/QĐ-UBND" })));
        var statuses = approvals.Select(r => r.StatusCode).ToList();
        Assert.True(statuses.Count(s => s == HttpStatusCode.NoContent) == 1 && statuses.Count(s => s == HttpStatusCode.Conflict) == 7, string.Join(", ", statuses));

        var batches = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            clients[i % 2].PostAsJsonAsync("/api/v1/support/payments/batches", new { idempotencyKey = Guid.NewGuid().ToString("N"), listId = id, channel = "Employer" })));
        var made = batches.Select(r => r.StatusCode).ToList();
        Assert.True(made.Count(s => s == HttpStatusCode.Created) == 1 && made.Count(s => s == HttpStatusCode.BadRequest) == 7, string.Join(", ", made));

        await nodeB.WithDbAsync(async db =>
        {
            Assert.Equal(1, await db.Set<SupportDecision>().CountAsync(d => d.SupportListId == id));
            Assert.Equal(1, await db.Set<SupportApproval>().CountAsync(a => a.SupportListId == id));
            Assert.Equal(1, await db.Set<PaymentBatch>().CountAsync(b => b.SupportListId == id));
            var batch = await db.Set<PaymentBatch>().SingleAsync(b => b.SupportListId == id);
            Assert.Equal(1, await db.Set<PaymentLine>().CountAsync(l => l.PaymentBatchId == batch.Id));
        });
    }
}
