using System.Net.Http.Json;
using System.Text.Json;
using Lachan.Features.Relief.Requests;
using Lachan.Features.Support.Lists;
using Lachan.Features.Support.Payments;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration.Support.Views;

/// <summary>Issue 12, item 1: the demo province's support story on both databases — Resolution 68's candidate lists
/// (from the outbreak's orders) and Decision 08's roster lists standing in every state of the chain, with a dispute
/// open, a refusal with reasons, decisions, payments and a payment returned, and figures that add up.</summary>
public sealed class SupportDemoTests(DemoApps apps) : IClassFixture<DemoApps>
{
    [Theory, BothProviders]
    public async Task The_demo_has_lists_in_every_state_of_the_chain_and_its_figures_add_up(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        await app.WithDbAsync(async db =>
        {
            var lists = await db.Set<SupportList>().AsNoTracking().Include(l => l.Disputes).Include(l => l.Rows).ToListAsync();
            Assert.All(Enum.GetValues<ListState>(), s => Assert.Contains(lists, l => l.State == s));
            Assert.InRange(lists.Count, 9, 40);
            // both stories: Resolution 68 drafted from events, Decision 08 from the rosters
            Assert.Contains(lists, l => l.PolicyCode == ListCandidates.Stoppage && l.Origin == ListOrigin.Candidates);
            Assert.Contains(lists, l => l.PolicyCode.StartsWith("QD08-", StringComparison.Ordinal) && l.Origin == ListOrigin.Roster);
            Assert.Contains(lists, l => l.State == ListState.Posted && l.Disputes.Any(d => d.ResolvedOn is null));
            Assert.Contains(lists, l => l.Disputes.Any(d => d.ResolvedOn is not null) && l.Rows.Any(r => r.Withdrawn));
            Assert.All(lists.Where(l => l.State == ListState.Refused), l => Assert.False(string.IsNullOrWhiteSpace(l.RefusalReason)));
            Assert.All(lists.Where(l => l.State == ListState.Approved), l => Assert.False(string.IsNullOrWhiteSpace(l.DecisionNo)));
            // the amounts are the checks' verdicts: an eligible row has what the rules give, an ineligible one says why
            Assert.All(lists.SelectMany(l => l.Rows).Where(r => !r.Eligible && !r.Withdrawn), r => Assert.NotEqual("[]", r.ReasonsJson));
            // the lists waiting on a desk are overdue once the story's days have passed
            var waiting = lists.Where(l => l.State is ListState.Submitted or ListState.InsuranceConfirmed or ListState.Appraised).ToList();
            Assert.NotEmpty(waiting);
            Assert.All(waiting, l => Assert.True(l.IsOverdue(new DateOnly(2022, 7, 1)) && !l.IsOverdue(l.SubmittedOn!.Value)));

            var decisions = await db.Set<SupportDecision>().AsNoTracking().ToListAsync();
            var approvals = await db.Set<SupportApproval>().AsNoTracking().ToListAsync();
            Assert.Equal(lists.Count(l => l.IsDecided), decisions.Count);
            Assert.Equal(decisions.Where(d => d.Approved).Sum(d => d.Amount), approvals.Sum(a => a.Amount));
            Assert.True(approvals.Sum(a => a.Amount) > 0);
            Assert.All(approvals, a => Assert.Contains(lists, l => l.Id == a.SupportListId && l.State == ListState.Approved));

            var lines = await db.Set<PaymentLine>().AsNoTracking().ToListAsync();
            var batches = await db.Set<PaymentBatch>().AsNoTracking().ToListAsync();
            Assert.Contains(lines, l => l.Status == PaymentStatus.Returned && l.ReturnReason != null);
            Assert.Contains(lines, l => l.Status == PaymentStatus.Sent);
            Assert.All(batches, b => Assert.Equal(b.Total, lines.Where(l => l.PaymentBatchId == b.Id).Sum(l => l.Amount)));
            Assert.All(lines, l => Assert.Equal(l.Amount, approvals.Single(a => a.Id == l.ApprovalId).Amount));
            // approved and not paid, approved and paid: both
            Assert.Contains(lists, l => l.State == ListState.Approved && batches.All(b => b.SupportListId != l.Id));
            return 0;
        });
    }

    /// <summary>Issue 12 leftovers, items 1 and 2: the demo moves its lists through the module's own chain and batch maker
    /// (no copies), each step by an explicit actor of the desk whose step it is — so every step, decision and batch has
    /// its audit event under that desk's name and the story's day, as the API would have left it.</summary>
    [Theory, BothProviders]
    public async Task The_demo_takes_every_step_through_the_chain_by_the_desk_whose_step_it_is(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        await app.WithDbAsync(async db =>
        {
            var lists = await db.Set<SupportList>().AsNoTracking().ToListAsync();
            var events = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == nameof(SupportList) || e.EntityType == nameof(PaymentBatch)).ToListAsync();
            string[] Who(int id, string action) => [.. events.Where(e => e.EntityType == nameof(SupportList) && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.Action == action).Select(e => e.UserName)];
            foreach (var l in lists.Where(l => l.PostedOn is not null))
            {
                Assert.Equal([$"demo-hr-{l.TaxCode}"], Who(l.Id, "post"));
                // the step's day is the story's, not the day the seed ran
                Assert.Contains(events, e => e.EntityId == l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.Action == "post"
                    && e.After!.Contains($"\"Day\":\"{l.PostedOn:yyyy-MM-dd}\"", StringComparison.Ordinal));
            }
            foreach (var l in lists.Where(l => l.InsuranceConfirmedOn is not null)) Assert.Equal(["bhxh"], Who(l.Id, "confirm-insurance"));
            foreach (var l in lists.Where(l => l.AppraisedOn is not null)) Assert.Equal([$"demo-huyen-{l.DistrictCode}"], Who(l.Id, "appraise"));
            foreach (var l in lists.Where(l => l.State == ListState.Approved)) Assert.Equal(["laodong"], Who(l.Id, "approve"));
            foreach (var l in lists.Where(l => l.State == ListState.Refused)) Assert.Equal(["laodong"], Who(l.Id, "refuse"));
            var decisions = await db.Set<SupportDecision>().AsNoTracking().ToListAsync();
            Assert.All(decisions, d => Assert.Equal("laodong", d.By));
            var batches = await db.Set<PaymentBatch>().AsNoTracking().ToListAsync();
            Assert.NotEmpty(batches);
            Assert.All(batches, b => Assert.Contains(events, e => e.EntityType == nameof(PaymentBatch) && e.Action == "create" && e.EntityId == b.IdempotencyKey && e.UserName == "laodong"));
            Assert.All(batches, b => Assert.Equal(b.CreatedOn, b.ExportedOn));
            return 0;
        });
    }

    /// <summary>Items 7 and 8 on the demo: the province's report adds up to the records (approvals, payments, the policy
    /// families' totals), exports as xlsx, refuses an unknown grouping naming the field; a worker's view shows the relief
    /// deliveries beside the cash.</summary>
    [Theory, BothProviders]
    public async Task The_reports_figures_are_the_records_and_a_workers_view_shows_cash_and_kind(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var api = await app.ApiClientAsync("laodong");
        var (approved, sent, nq68, qd08, lists) = await app.WithDbAsync(async db => (
            await db.Set<SupportApproval>().SumAsync(a => a.Amount),
            await db.Set<PaymentLine>().Where(l => l.Status == PaymentStatus.Sent).SumAsync(l => l.Amount),
            await db.Set<PaymentLine>().Join(db.Set<PaymentBatch>(), l => l.PaymentBatchId, b => b.Id, (l, b) => new { l.Status, l.Amount, b.PolicyCode })
                .Where(x => x.Status == PaymentStatus.Sent && x.PolicyCode.StartsWith("NQ68-")).SumAsync(x => x.Amount),
            await db.Set<PaymentLine>().Join(db.Set<PaymentBatch>(), l => l.PaymentBatchId, b => b.Id, (l, b) => new { l.Status, l.Amount, b.PolicyCode })
                .Where(x => x.Status == PaymentStatus.Sent && x.PolicyCode.StartsWith("QD08-")).SumAsync(x => x.Amount),
            await db.Set<SupportList>().CountAsync()));
        foreach (var by in new[] { "policy", "district", "zone", "enterprise", "status" })
        {
            var report = await api.GetFromJsonAsync<JsonElement>($"/api/v1/support/reports?by={by}");
            var total = report.GetProperty("total");
            Assert.Equal((lists, approved, sent), (total.GetProperty("lists").GetInt32(), total.GetProperty("amountApproved").GetInt64(), total.GetProperty("amountPaid").GetInt64()));
            Assert.Equal(approved, report.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("amountApproved").GetInt64()));
        }
        var headline = (await api.GetFromJsonAsync<JsonElement>("/api/v1/support/reports")).GetProperty("headline");
        Assert.Equal((nq68, qd08, sent), (headline.GetProperty("paidResolution68").GetInt64(), headline.GetProperty("paidDecision08").GetInt64(), headline.GetProperty("paidTotal").GetInt64()));
        Assert.True(nq68 > 0 && qd08 > 0, $"{nq68} {qd08}");
        Assert.InRange(headline.GetProperty("shareApproved").GetDouble(), 0.01, 1);
        var xlsx = await api.GetAsync("/api/v1/support/reports/export?by=district");
        Assert.Equal(System.Net.HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await xlsx.Content.ReadAsByteArrayAsync())[..2]));
        var bad = await api.GetAsync("/api/v1/support/reports?by=colour");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"By\"", await bad.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        var (withDelivery, deliveries, withApproval) = await app.WithDbAsync(async db =>
        {
            var d = await db.Set<Delivery>().Where(x => x.WorkerId != null).GroupBy(x => x.WorkerId!.Value).Select(g => new { g.Key, Count = g.Count() }).OrderBy(g => g.Key).FirstAsync();
            return (d.Key, d.Count, await db.Set<SupportApproval>().OrderBy(a => a.Id).Select(a => a.WorkerId).FirstAsync());
        });
        var kind = await api.GetFromJsonAsync<JsonElement>($"/api/v1/support/workers/{withDelivery}/received");
        Assert.Equal(deliveries, kind.GetProperty("inKind").GetArrayLength());
        var cash = await api.GetFromJsonAsync<JsonElement>($"/api/v1/support/workers/{withApproval}/received");
        Assert.True(cash.GetProperty("approved").GetInt64() > 0);
    }
}
