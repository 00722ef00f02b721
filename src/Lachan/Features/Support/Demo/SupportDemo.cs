using Lachan.Features.Outbreak.Contracts;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Support.Lists;
using Lachan.Features.Support.Payments;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Calendar;
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
    LachanDb db, IHttpContextAccessor http, IOutbreakFacts outbreak, ListCandidates candidates, ListBuilder builder, HolidayCalendar holidays, ILogger<SupportDemo> logger) : IDemoData
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
        var days = await holidays.WorkingDaysAsync(ct);
        var rules = await db.Set<ChainStepRule>().AsNoTracking().ToListAsync(ct);
        // each story in turn gets the next stop, its richest lists first, so both stories have decided and waiting lists
        var ordered = lists.GroupBy(l => l.PeriodStart.Year).Select(g => g.OrderByDescending(Approvable).ThenBy(l => l.Id).ToList()).ToList();
        var stops = Enum.GetValues<Stop>();
        var next = 0;
        var plan = new List<(SupportList List, Stop Stop, Days Days)>();
        for (var i = 0; ordered.Any(g => i < g.Count); i++)
            foreach (var group in ordered.Where(g => i < g.Count))
                plan.Add((group[i], stops[next++ % stops.Length], group[i].PeriodStart.Year == 2021 ? Story2021 : Story2022));

        var approvals = new List<(SupportList List, Stop Stop, Days Days, List<SupportApproval> Approvals)>();
        foreach (var (list, stop, d) in plan)
        {
            var mine = await MoveAsync(list, stop, d, days, rules, ct);
            if (mine.Count > 0) approvals.Add((list, stop, d, mine));
        }
        await db.SaveChangesAsync(ct);

        var batches = 0;
        foreach (var (list, stop, d, mine) in approvals.Where(a => a.Stop is Stop.Paid or Stop.PaidReturned))
        {
            db.Add(Batch(list, stop, d, mine));
            batches++;
        }
        await db.SaveChangesAsync(ct);
        return new Dictionary<string, long> { ["supportLists"] = lists.Count, ["supportApprovals"] = approvals.Sum(a => a.Approvals.Count), ["supportBatches"] = batches };
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
            using var hr = DemoActor.As(http, Role.EnterpriseHr, taxCode);
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
            using var hr = DemoActor.As(http, Role.EnterpriseHr, taxCode);
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

    /// <summary>Takes the list through the chain's guarded transitions to its stop, each on its story day with the
    /// deadline of the chain's rules; an approval writes the decision and one approval per approvable row, as the chain
    /// does. Returns the approvals made.</summary>
    private async Task<List<SupportApproval>> MoveAsync(SupportList list, Stop stop, Days d, WorkingDays days, IReadOnlyList<ChainStepRule> rules, CancellationToken ct)
    {
        DateOnly Due(ChainStep step, DateOnly day) => ChainRules.Due(rules, days, step, day);
        if (stop == Stop.Draft || list.Rows.Count == 0) return [];
        list.Post(d.Posted, Due(ChainStep.Notice, d.Posted));
        if (stop == Stop.Posted)
        {
            list.Dispute(d.Posted.AddDays(1), list.Rows[0].RowNo, "Người lao động đề nghị xem lại số ngày ngừng việc (minh họa)", Due(ChainStep.Dispute, d.Posted.AddDays(1)));
            return [];
        }
        if (stop == Stop.Submitted && list.Rows.Count > 1)
        {
            // a dispute raised and resolved during the notice: the worker had left before the period, the row comes off
            var dispute = list.Dispute(d.Posted.AddDays(1), list.Rows[^1].RowNo, "Công đoàn cơ sở: người lao động đã nghỉ việc trước kỳ hỗ trợ (minh họa)", Due(ChainStep.Dispute, d.Posted.AddDays(1)));
            await db.SaveChangesAsync(ct);   // the dispute's id, to resolve it by
            list.Resolve(dispute.Id, d.Posted.AddDays(2), "Đã xác minh, rút khỏi danh sách", removeRow: true);
        }
        list.Submit(d.Submitted, Due(ChainStep.Notice, d.Posted), Due(ChainStep.Insurance, d.Submitted));
        if (stop == Stop.Submitted) return [];
        // social insurance confirms what its own months say: the rows the checks found uninsured stay unconfirmed
        list.ConfirmInsurance(d.Confirmed, list.Rows.ToDictionary(r => r.RowNo, r => RowReasons.Read(r.ReasonsJson).All(x => x.Code != "not-insured-month-before")),
            Due(ChainStep.Appraisal, d.Confirmed));
        if (stop == Stop.InsuranceConfirmed) return [];
        list.Appraise(d.Appraised, Due(ChainStep.Decision, d.Appraised));
        if (stop == Stop.Appraised) return [];
        if (stop == Stop.Refused)
        {
            const string reason = "Hồ sơ chưa chứng minh được thời gian ngừng việc của doanh nghiệp theo quyết định của cơ quan có thẩm quyền (minh họa)";
            list.Refuse(d.Decided, reason);
            db.Add(Decision(list, false, d.Decided, null, reason, 0, 0));
            return [];
        }
        list.Approve(d.Decided, $"{list.Id}/QĐ-UBND");
        var approvals = list.ApprovableRows().Where(r => r.AmountComputed > 0).Select(r => new SupportApproval
        {
            SupportListId = list.Id, RowId = r.Id, WorkerId = r.WorkerId!.Value, EnterpriseId = list.EnterpriseId, PolicyCode = list.PolicyCode,
            PeriodStart = list.PeriodKey, Amount = r.AmountComputed, ApprovedOn = d.Decided, DecisionNo = list.DecisionNo!,
        }).ToList();
        db.AddRange(approvals);
        db.Add(Decision(list, true, d.Decided, list.DecisionNo, null, approvals.Sum(a => a.Amount), approvals.Count));
        return approvals;
    }

    private static SupportDecision Decision(SupportList list, bool approved, DateOnly day, string? number, string? reason, long amount, int workers) => new()
    {
        SupportListId = list.Id, Approved = approved, Number = number, Day = day, Reason = reason, Amount = amount, Workers = workers, By = "laodong",
        At = day.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
    };

    /// <summary>The list's approvals in one batch sent to the bank: to the employer, or (the returned one) to the workers'
    /// accounts, one of which the bank sent back.</summary>
    private static PaymentBatch Batch(SupportList list, Stop stop, Days d, List<SupportApproval> approvals)
    {
        var toWorkers = stop == Stop.PaidReturned;
        var rows = list.Rows.ToDictionary(r => r.Id);
        var batch = new PaymentBatch
        {
            IdempotencyKey = $"demo-list-{list.Id}", Reference = $"BDEMO{list.Id:000000}", SupportListId = list.Id, PolicyCode = list.PolicyCode,
            EnterpriseId = list.EnterpriseId, TaxCode = list.TaxCode, DistrictCode = list.DistrictCode, ProvinceCode = list.ProvinceCode,
            Channel = toWorkers ? PaymentChannel.WorkerAccount : PaymentChannel.Employer, CreatedOn = d.Paid, CreatedBy = "laodong",
            CreatedAt = d.Paid.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc), ExportedOn = d.Paid, Total = approvals.Sum(a => a.Amount),
            Lines = [.. approvals.Select((a, i) => new PaymentLine
            {
                ApprovalId = a.Id, WorkerId = a.WorkerId, Reference = $"PDEMO{a.Id:00000000}", Amount = a.Amount, Cccd = rows[a.RowId].Cccd,
                PayeeName = toWorkers ? rows[a.RowId].FullName : $"MST {list.TaxCode}",
                // invented accounts: the demo's rosters carry none
                Account = toWorkers ? $"1020{a.WorkerId:00000000}" : null, Bank = toWorkers ? "VietinBank CN Bắc Giang" : null,
                Status = toWorkers && i == 0 ? PaymentStatus.Returned : PaymentStatus.Sent,
                ReturnedOn = toWorkers && i == 0 ? d.Returned : null, ReturnReason = toWorkers && i == 0 ? "Tài khoản đã đóng (minh họa)" : null,
            })],
        };
        return batch;
    }
}
