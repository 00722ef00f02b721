using Lachan.Features.Registry.Contracts;
using Lachan.Features.Outbreak.Cases;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Testing;

/// <summary>The demo province's May 2021 samples and screening, invented (codes, people and results are made up; only the
/// shape is real): a day-1 test of the first F1 in concentrated quarantine (negative); and, when KCN Quang Châu reopens on
/// 28/05/2021, a weekly screening schedule for its largest enterprise until the zones return to normal, whose first round
/// is pooled by ten: one pool is positive, half of its members have been sampled again alone (negative), one more the next
/// day (result awaited), and the rest are on the retest list. Everything is chosen by id order, so the same registry
/// gives the same samples.</summary>
public static class DemoTesting
{
    private static readonly DateOnly Reopening = new(2021, 5, 28), LastScreeningDay = new(2021, 6, 30);
    private const string ReopenedZoneCode = "QC";
    private const int F1Tested = 8, ScreenedWorkers = 30, PoolSize = 10, ScreeningIntervalDays = 7;
    private const string Lab = "CDC Bắc Giang";

    public static async Task<int> SeedAsync(LachanDb db, CancellationToken ct = default)
    {
        // `seed --reset` deletes the registry and with it the samples' members (they point at workers), not the samples:
        // those left without anyone are the previous demo's, and would hold its codes
        await db.Set<TestSample>().Where(s => !s.Members.Any()).ExecuteDeleteAsync(ct);
        var samples = new List<TestSample>();
        var facility = await db.Set<QuarantineOrder>().AsNoTracking().Where(o => o.PlaceKind == QuarantinePlace.Facility)
            .OrderBy(o => o.Id).Take(F1Tested).Select(o => new { o.WorkerId, o.StartOn, o.PlaceText }).ToListAsync(ct);
        foreach (var (o, i) in facility.Select((o, i) => (o, i)))
        {
            var sample = Single($"BG-F1-{o.StartOn:MMdd}-{i + 1:000}", o.StartOn, new TimeOnly(8, 30), o.PlaceText ?? Lab, o.WorkerId);
            sample.SetResult(TestResult.Negative, o.StartOn.AddDays(1));
            samples.Add(sample);
        }

        var enterprise = await db.Set<Employment>().AsNoTracking()
            .Where(e => e.From <= Reopening && (e.To == null || e.To >= Reopening) && e.Enterprise!.IndustrialZone!.Code == ReopenedZoneCode)
            .GroupBy(e => e.EnterpriseId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (int?)g.Key).FirstOrDefaultAsync(ct);
        if (enterprise is int id)
        {
            db.Set<ScreeningSchedule>().Add(new ScreeningSchedule { EnterpriseId = id, IntervalDays = ScreeningIntervalDays, From = Reopening, To = LastScreeningDay });
            var screened = await db.Set<Employment>().AsNoTracking()
                .Where(e => e.EnterpriseId == id && e.From <= Reopening && (e.To == null || e.To >= Reopening))
                .Select(e => e.WorkerId).Distinct().OrderBy(w => w).Take(ScreenedWorkers).ToListAsync(ct);
            const string gate = "Điểm lấy mẫu tại cổng doanh nghiệp, KCN Quang Châu";
            // a pool holds two people at least; the first one is the positive pool
            var pools = screened.Chunk(PoolSize).Where(p => p.Length >= 2).ToList();
            foreach (var (members, i) in pools.Select((p, i) => (p, i)))
            {
                var pool = new TestSample
                {
                    Code = $"BG-QC-0528-G{i + 1:00}", Pooled = true, CollectedOn = Reopening, CollectedTime = new TimeOnly(7, 30).AddMinutes(10 * i), Site = gate,
                    Members = [.. members.Select(w => new SampleMember { WorkerId = w })],
                };
                pool.SetResult(i == 0 ? TestResult.Positive : TestResult.Negative, Reopening.AddDays(1));
                samples.Add(pool);
            }
            if (pools.Count > 0)
            {
                var positive = pools[0];
                var half = positive.Length / 2;
                foreach (var (w, i) in positive.Take(half).Select((w, i) => (w, i)))
                {
                    var retest = Single($"BG-QC-0530-D{i + 1:00}", Reopening.AddDays(2), new TimeOnly(8, 0).AddMinutes(5 * i), gate, w);
                    retest.SetResult(TestResult.Negative, Reopening.AddDays(3));
                    samples.Add(retest);
                }
                // one more sampled alone the next day, its result still awaited; at least one stays on the retest list
                if (positive.Length - half >= 2)
                    samples.Add(Single("BG-QC-0531-D01", Reopening.AddDays(3), new TimeOnly(8, 0), gate, positive[half]));
            }
        }
        db.Set<TestSample>().AddRange(samples);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return samples.Count;
    }

    private static TestSample Single(string code, DateOnly on, TimeOnly at, string site, int workerId) => new()
    {
        Code = code, CollectedOn = on, CollectedTime = at, Site = site, Members = [new SampleMember { WorkerId = workerId }],
    };
}
