using Lachan.Features.Outbreak.Contracts;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Support.Lists;
using Lachan.Features.Support.Payments;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Modules;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Support.Demo;

/// <summary>The support story of the demo province (issue 12; docs/demo.md): after the 2021 lockdown, Resolution 68's
/// work-stoppage and meals lists of the enterprises the lockdown orders stopped, drafted by the module's own candidates
/// service from the outbreak's real orders and quarantines; in 2022, Decision 08's rent-support lists built from the
/// rosters. The lists then stand in every state of the review chain — a draft, one posted with a dispute open, submitted,
/// insurance confirmed, appraised, approved with a decision and refused with reasons, approved and paid, and one paid
/// with a payment the bank returned — each step dated in the working days of the chain's rules, so the lists waiting
/// on a desk are past due from the day after (the demo clock moved to the story shows them overdue). Every verdict and
/// amount comes from the checks; the demo only chooses the dates and which list stops where. A few dozen lists at most,
/// whatever the province's size.</summary>
internal sealed class SupportDemo(
    LachanDb db, IServiceProvider services, IOutbreakFacts outbreak, ListChain chain, PaymentBatches batches, ILogger<SupportDemo> logger) : IDemoData
{
    public int Order => 50;

    /// <summary>How many enterprises get Resolution 68 candidate lists, and Decision 08 lists (group 1 and group 2).</summary>
    private const int StoppedEnterprises = 5, RentEnterprises = 6, ReturningEnterprises = 2;
    private const int LargestRoster = 400;

    public static readonly DateOnly LockdownMonth = new(2021, 5, 1), RentMonth = new(2022, 4, 1), ReturningMonth = new(2022, 5, 1);

    /// <summary>Where the demo stops each list, in the order the lists with the most money get them (the paid ones need
    /// approvals to pay).</summary>
    public enum Stop { PaidReturned, Paid, Refused, Appraised, InsuranceConfirmed, Submitted, Posted, Draft, Approved }

    /// <summary>The days each story's lists move on: posted, submitted after the notice, confirmed, appraised, decided,
    /// paid, returned by the bank.</summary>
    private sealed record Days(DateOnly Posted, DateOnly Submitted, DateOnly Confirmed, DateOnly Appraised, DateOnly Decided, DateOnly Paid, DateOnly Returned);

    private static readonly Days Story2021 = new(new(2021, 7, 12), new(2021, 7, 16), new(2021, 7, 20), new(2021, 7, 22), new(2021, 7, 26), new(2021, 7, 28), new(2021, 8, 3));
    private static readonly Days Story2022 = new(new(2022, 5, 4), new(2022, 5, 9), new(2022, 5, 11), new(2022, 5, 13), new(2022, 5, 17), new(2022, 5, 19), new(2022, 5, 25));

    public async Task<IReadOnlyDictionary<string, long>> SeedAsync(DemoRequest request, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var made = new List<int>();
        made.AddRange(await Resolution68Async(ct));
        logger.LogDebug("Support demo: Resolution 68 candidates drafted after {Seconds:F1} s", clock.Elapsed.TotalSeconds);
        made.AddRange(await Decision08Async(ct));
        logger.LogDebug("Support demo: Decision 08 lists built after {Seconds:F1} s", clock.Elapsed.TotalSeconds);
        if (made.Count == 0) return new Dictionary<string, long> { ["supportLists"] = 0 };

        var lists = await db.Set<SupportList>().Include(l => l.Rows).Include(l => l.Disputes).Where(l => made.Contains(l.Id)).ToListAsync(ct);
        // each story in turn gets the next stop, its richest lists first, so both stories have decided and waiting lists
        var ordered = lists.GroupBy(l => l.PeriodStart.Year).Select(g => g.OrderByDescending(Approvable).ThenBy(l => l.Id).ToList()).ToList();
        var stops = Enum.GetValues<Stop>();
        var next = 0;
        var plan = new List<(SupportList List, Stop Stop, Days Days)>();
        for (var i = 0; ordered.Any(g => i < g.Count); i++)
            foreach (var group in ordered.Where(g => i < g.Count))
                plan.Add((group[i], stops[next++ % stops.Length], group[i].PeriodStart.Year == 2021 ? Story2021 : Story2022));

        var paid = new List<(SupportList List, Stop Stop, Days Days)>();
        foreach (var (list, stop, d) in plan)
            if (await MoveAsync(list, stop, d, ct)) paid.Add((list, stop, d));

        var batches = 0;
        foreach (var (list, stop, d) in paid.Where(p => p.Stop is Stop.Paid or Stop.PaidReturned))
            if (await PayAsync(list, stop, d, ct)) batches++;
        var approvals = await db.Set<SupportApproval>().CountAsync(a => made.Contains(a.SupportListId), ct);
        return new Dictionary<string, long> { ["supportLists"] = lists.Count, ["supportApprovals"] = approvals, ["supportBatches"] = batches };
    }

    private static long Approvable(SupportList l) => l.ApprovableRows().Sum(r => r.AmountComputed);

    /// <summary>Resolution 68: the enterprises the May 2021 lockdown orders stopped for at least the stoppage policy's
    /// days (as the candidates service counts them), the smaller rosters first so the demo stays small; each one's HR
    /// drafts its candidates (work stoppage, and meals for its workers treated or quarantined).</summary>
    private async Task<List<int>> Resolution68Async(CancellationToken ct)
    {
        var (from, to) = (LockdownMonth, LockdownMonth.AddMonths(1).AddDays(-1));
        var restrictions = await outbreak.RestrictionsBetweenAsync(from, to, ct);
        var stopped = restrictions.StoppedEnterprises.Where(s => s.Value.Sum(d => (d.To ?? to).DayNumber - d.From.DayNumber + 1) >= 14).Select(s => s.Key).ToList();
        var picked = await Rosters(stopped, from, to, StoppedEnterprises, ct);
        var made = new List<int>();
        foreach (var taxCode in picked)
        {
            var (_, candidates) = ActingAs(Hr(taxCode));
            made.AddRange((await candidates.DraftAsync(LockdownMonth, ct) ?? []).Select(d => d.ListId));
        }
        return made;
    }

    /// <summary>Decision 08: IZ employers' HR build their April 2022 group-1 lists (and a few their May group-2 lists)
    /// from the roster in one click.</summary>
    private async Task<List<int>> Decision08Async(CancellationToken ct)
    {
        var izEmployers = await db.Set<Enterprise>().AsNoTracking().Where(e => e.IndustrialZoneId != null).Select(e => e.Id).ToListAsync(ct);
        var picked = await Rosters(izEmployers, RentMonth, RentMonth.AddMonths(2).AddDays(-1), RentEnterprises + ReturningEnterprises, ct);
        var made = new List<int>();
        foreach (var (taxCode, i) in picked.Select((t, i) => (t, i)))
        {
            var (builder, _) = ActingAs(Hr(taxCode));
            var (policy, month) = i < RentEnterprises ? ("QD08-G1", RentMonth) : ("QD08-G2", ReturningMonth);
            if (await builder.FromRosterAsync(new BuildRequest(policy, taxCode, month.ToString("MM/yyyy")), ct) is BuildResult.Created c) made.Add(c.ListId);
        }
        return made;
    }

    /// <summary>Of the enterprises, those with workers in the period and at most <see cref="LargestRoster"/>, largest
    /// first (a list worth showing), by tax code.</summary>
    private async Task<List<string>> Rosters(List<int> enterpriseIds, DateOnly from, DateOnly to, int take, CancellationToken ct)
    {
        var sizes = new List<(int Id, int Workers)>();
        foreach (var chunk in enterpriseIds.Chunk(1000))
            sizes.AddRange((await db.Set<Employment>().AsNoTracking().Where(e => chunk.Contains(e.EnterpriseId) && e.From <= to && (e.To == null || e.To > from))
                .GroupBy(e => e.EnterpriseId).Select(g => new { g.Key, Workers = g.Count() }).ToListAsync(ct)).Select(x => (x.Key, x.Workers)));
        var ids = sizes.Where(s => s.Workers <= LargestRoster).OrderByDescending(s => s.Workers).ThenBy(s => s.Id).Take(take).Select(s => s.Id).ToList();
        var codes = await db.Set<Enterprise>().AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.TaxCode }).ToDictionaryAsync(e => e.Id, e => e.TaxCode, ct);
        return [.. ids.Select(id => codes[id])];
    }

    /// <summary>The desks of the story, each an explicit actor: the enterprise's HR, social insurance and the labour
    /// department of the province, the list's district.</summary>
    private static SupportActor Hr(string taxCode) => new($"demo-hr-{taxCode}", Role.EnterpriseHr, taxCode);
    private static SupportActor Insurance(SupportList l) => new("bhxh", Role.SocialInsurance, l.ProvinceCode);
    private static SupportActor District(SupportList l) => new($"demo-huyen-{l.DistrictCode}", Role.District, l.DistrictCode);
    private static SupportActor Labour(SupportList l) => new("laodong", Role.LabourDepartment, l.ProvinceCode);

    /// <summary>The lists' services as an HR desk would have them (they decide who may build from the scope given).</summary>
    private (ListBuilder Builder, ListCandidates Candidates) ActingAs(SupportActor hr)
    {
        var scope = ListScope.For(hr);
        var builder = ActivatorUtilities.CreateInstance<ListBuilder>(services, scope);
        return (builder, ActivatorUtilities.CreateInstance<ListCandidates>(services, scope, builder));
    }

    /// <summary>Takes the list through the module's own chain (ListChain) to its stop, each step by its desk on its story
    /// day, deadlines from the chain's rules. True when it was approved.</summary>
    private async Task<bool> MoveAsync(SupportList list, Stop stop, Days d, CancellationToken ct)
    {
        if (stop == Stop.Draft || list.Rows.Count == 0) return false;
        var hr = Hr(list.TaxCode);
        Must(await chain.PostAsync(hr, d.Posted, list.Id, ct));
        if (stop == Stop.Posted)
        {
            Must(await chain.DisputeAsync(hr, d.Posted.AddDays(1), list.Id, list.Rows[0].RowNo, "Người lao động đề nghị xem lại số ngày ngừng việc (minh họa)", ct));
            return false;
        }
        if (stop == Stop.Submitted && list.Rows.Count > 1)
        {
            // a dispute raised and resolved during the notice: the worker had left before the period, the row comes off
            Must(await chain.DisputeAsync(hr, d.Posted.AddDays(1), list.Id, list.Rows[^1].RowNo, "Công đoàn cơ sở: người lao động đã nghỉ việc trước kỳ hỗ trợ (minh họa)", ct));
            var dispute = list.Disputes.Single(x => x.ResolvedOn is null);
            Must(await chain.ResolveAsync(hr, d.Posted.AddDays(2), list.Id, dispute.Id, "Đã xác minh, rút khỏi danh sách", removeRow: true, ct));
        }
        Must(await chain.SubmitAsync(hr, d.Submitted, list.Id, ct));
        if (stop == Stop.Submitted) return false;
        // social insurance confirms what its own months say: the rows the checks found uninsured stay unconfirmed
        Must(await chain.ConfirmInsuranceAsync(Insurance(list), d.Confirmed, list.Id,
            list.Rows.ToDictionary(r => r.RowNo, r => RowReasons.Read(r.ReasonsJson).All(x => x.Code != "not-insured-month-before")), ct));
        if (stop == Stop.InsuranceConfirmed) return false;
        Must(await chain.AppraiseAsync(District(list), d.Appraised, list.Id, ct));
        if (stop == Stop.Appraised) return false;
        if (stop == Stop.Refused)
        {
            Must(await chain.RefuseAsync(Labour(list), d.Decided, list.Id,
                "Hồ sơ chưa chứng minh được thời gian ngừng việc của doanh nghiệp theo quyết định của cơ quan có thẩm quyền (minh họa)", ct));
            return false;
        }
        Must(await chain.ApproveAsync(Labour(list), d.Decided, list.Id, $"{list.Id}/QĐ-UBND", ct));
        return true;
    }

    /// <summary>The list's approvals in one batch made by the module's batch maker on the story's payment day: to the
    /// employer, or (the returned one) to the workers' accounts, one of which the bank sent back. The demo has no bank,
    /// so the file's sending and the return are written as the bank's answer would leave them.</summary>
    private async Task<bool> PayAsync(SupportList list, Stop stop, Days d, CancellationToken ct)
    {
        var toWorkers = stop == Stop.PaidReturned;
        if (toWorkers)
        {
            // invented accounts, as HR would have filled them in: the demo's rosters carry none
            foreach (var row in list.Rows.Where(r => r.WorkerId is not null))
                (row.BankAccount, row.BankName) = ($"1020{row.WorkerId:00000000}", "VietinBank CN Bắc Giang");
            await db.SaveChangesAsync(ct);
        }
        var made = await batches.CreateAsync(Labour(list), d.Paid, new BatchRequest($"demo-list-{list.Id}", list.Id, toWorkers ? PaymentChannel.WorkerAccount : PaymentChannel.Employer), ct);
        if (made is not BatchResult.Created c) return false;   // nothing to pay (every row left out)
        var batch = await db.Set<PaymentBatch>().Include(b => b.Lines).SingleAsync(b => b.Id == c.BatchId, ct);
        batch.ExportedOn = d.Paid;
        foreach (var (line, i) in batch.Lines.OrderBy(l => l.Id).Select((l, i) => (l, i)))
        {
            var returned = toWorkers && i == 0;
            line.Status = returned ? PaymentStatus.Returned : PaymentStatus.Sent;
            line.ReturnedOn = returned ? d.Returned : null;
            line.ReturnReason = returned ? "Tài khoản đã đóng (minh họa)" : null;
        }
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The story is made of valid steps; one refused is a bug in the demo, not something to skip.</summary>
    private static void Must(ChainResult result)
    {
        if (result is not ChainResult.Done) throw new InvalidOperationException($"Support demo: a chain step was refused ({result})");
    }
}
