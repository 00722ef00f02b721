using Lachan.Features.Support.Lists;
using Lachan.Features.Support.Payments;
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
            Assert.All(lists.SelectMany(l => l.Rows).Where(r => !r.Eligible), r => Assert.NotEqual("[]", r.ReasonsJson));
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
}
