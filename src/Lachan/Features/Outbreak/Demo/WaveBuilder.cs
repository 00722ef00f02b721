using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Outbreak.Testing;

namespace Lachan.Features.Outbreak.Demo;

/// <summary>Makes the wave's records in memory, day by day, through the domain's own rules: quarantine orders from the rule
/// in force on their start (<see cref="QuarantineRules"/>), pools no larger than the pool rule in force, results and releases
/// through <see cref="TestSample.SetResult"/> and <see cref="QuarantineOrder.Release"/>, outcomes through
/// <see cref="Case.SetOutcome"/>. Contacts are co-workers and housemates on the contact date, as the suggestions offer them.</summary>
internal sealed partial class WaveBuilder(WaveRegistry reg, IReadOnlyList<QuarantineRule> rules, IReadOnlyList<PoolRule> poolRules, Ids ids)
{
    /// <summary>Where new community cases appear, from which day of the wave, with what weight: Đình Trám first, then the
    /// other three suspended zones, a few later in Việt Hàn and Hòa Phú (invented weights, the real order).</summary>
    private static readonly (string Zone, int FromDay, double Weight)[] Spread =
        [("DT", 0, 3), ("QC", 2, 3.5), ("VT", 4, 2), ("SKNH", 6, 1.5), ("VH", 10, 0.4), ("HP", 14, 0.3)];
    private const int Coworkers = 6, Housemates = 3, F1WithF2 = 3, F2PerF1 = 2, OverdueEvery = 50, Attempts = 30;
    private const double FoundInQuarantine = 0.4, InKnownCluster = 0.6;
    private const string Lab = "CDC Bắc Giang";
    private static readonly string[] Hospitals = ["Bệnh viện dã chiến số 1 (demo)", "Bệnh viện dã chiến số 2 (demo)", "Bệnh viện Phổi Bắc Giang"];

    private readonly Random _rng = new(20210513);
    public List<Case> Cases { get; } = [];
    public List<Contact> Contacts { get; } = [];
    public List<QuarantineOrder> Orders { get; } = [];
    public List<TestSample> Samples { get; } = [];
    public List<SampleMember> Members { get; } = [];
    /// <summary>Where each new case worked and lived when confirmed (for the enterprise and lodging orders).</summary>
    public List<(Case Case, int? EnterpriseId, int? HouseId)> Places { get; } = [];

    private readonly List<Case> _known = [];
    private readonly HashSet<int> _caseWorkers = [], _contacted = [];
    private readonly List<(int Worker, int Order)> _inQuarantine = [];   // F1 orders in start order
    private readonly Dictionary<int, (DateOnly TestDate, string Code)> _turnedPositive = [];
    private readonly Dictionary<string, List<int>> _clusters = [];
    private int _nextCode, _pools, _singles, _from, _to;

    /// <summary>Cases and contacts already written (the first cases, made through the suggestion rule): their people are
    /// not picked again, and each case gets the positive sample that confirmed it.</summary>
    public void Known(IEnumerable<Case> cases, IEnumerable<int> contactWorkers, int nextCode)
    {
        _nextCode = nextCode;
        _known.AddRange(cases);
        _contacted.UnionWith(contactWorkers);
        foreach (var c in cases)
        {
            _caseWorkers.Add(c.WorkerId);
            Single(c.WorkerId, c.TestDate, new TimeOnly(8, 0), c.TestPlace ?? Lab, TestResult.Positive, c.ConfirmedOn);
            if (reg.JobOn(c.WorkerId, c.TestDate) is { } job && reg.ZoneOfEnterprise[job.EnterpriseId] is { } zone) Cluster(zone, job.EnterpriseId);
        }
    }

    public void Day(int dayIndex, DateOnly on, int newCases)
    {
        for (var i = 0; i < newCases; i++)
            if (!(_rng.NextDouble() < FoundInQuarantine && FromQuarantine(on))) Community(dayIndex, on);
    }

    /// <summary>An F1 in quarantine tests positive: confirmed from a single sample at the facility; no new contacts (they
    /// have been isolated since their last contact).</summary>
    private bool FromQuarantine(DateOnly on)
    {
        // F1s whose quarantine started 2 to 13 days ago: a window of the list, which is in start order
        while (_from < _inQuarantine.Count && Orders[_inQuarantine[_from].Order].StartOn < on.AddDays(-13)) _from++;
        while (_to < _inQuarantine.Count && Orders[_inQuarantine[_to].Order].StartOn <= on.AddDays(-2)) _to++;
        for (var attempt = 0; attempt < Attempts && _to > _from; attempt++)
        {
            var (worker, orderIndex) = _inQuarantine[_from + _rng.Next(_to - _from)];
            if (!_caseWorkers.Add(worker)) continue;
            var order = Orders[orderIndex];
            var c = NewCase(worker, on, order.PlaceText ?? Lab);
            _turnedPositive[orderIndex] = (c.TestDate, c.Code);
            Single(worker, c.TestDate, new TimeOnly(7, 0), order.PlaceText ?? Lab, TestResult.Positive, on);
            Places.Add((c, reg.JobOn(worker, c.TestDate)?.EnterpriseId, reg.HomeOn(worker, c.TestDate)?.LodgingHouseId));
            return true;
        }
        return false;
    }

    /// <summary>A worker found by the screening of their workplace: their workshop's pool is positive, they and the pool's
    /// other members are sampled alone the next day; co-workers and housemates become F1, some of their mates F2.</summary>
    private void Community(int dayIndex, DateOnly on)
    {
        var last = on.AddDays(-1);
        var zone = PickZone(dayIndex);
        int? worker = null;
        if (_clusters.TryGetValue(zone, out var known) && _rng.NextDouble() < InKnownCluster)
        {
            var e = known[_rng.Next(known.Count)];
            worker = Pick(reg.EnterpriseStaff[e], w => !_caseWorkers.Contains(w) && reg.JobOn(w, last)?.EnterpriseId == e);
        }
        worker ??= reg.ZoneStaff.TryGetValue(zone, out var staff)
            ? Pick(staff, w => !_caseWorkers.Contains(w) && reg.JobOn(w, last) is { } j && reg.ZoneOfEnterprise[j.EnterpriseId] == zone)
            : null;
        if (worker is not int w0) return;
        _caseWorkers.Add(w0);
        var job = reg.JobOn(w0, last)!;
        Cluster(zone, job.EnterpriseId);
        var c = NewCase(w0, on, Lab);
        var home = reg.HomeOn(w0, last);
        Places.Add((c, job.EnterpriseId, home?.LodgingHouseId));

        var f1 = new List<Contact>();
        foreach (var mate in Mates(w0, job, home, last, Coworkers, Housemates)) f1.Add(AddContact(c, mate.Worker, mate.Kind, ContactLevel.F1, null, last));
        foreach (var source in f1.Take(F1WithF2))
            foreach (var mate in Mates(source.WorkerId, reg.JobOn(source.WorkerId, last), reg.HomeOn(source.WorkerId, last), last, F2PerF1 / 2, F2PerF1 - F2PerF1 / 2))
                AddContact(c, mate.Worker, mate.Kind, ContactLevel.F2, source.Id, last);
        Screening(c, zone, job, f1.Where(x => x.Kind == ContactKind.ProductionLine).Select(x => x.WorkerId).ToList());
    }

    private Case NewCase(int worker, DateOnly on, string testPlace)
    {
        var c = new Case
        {
            Id = ids.Case++, WorkerId = worker, Code = $"BN{_nextCode++}", ConfirmedOn = on, TestKind = "RT-PCR", TestDate = on.AddDays(-1),
            TestPlace = testPlace, TreatmentPlace = Hospitals[_rng.Next(Hospitals.Length)],
        };
        c.SetOutcome(CaseOutcome.Recovered, on.AddDays(18 + _rng.Next(11)));   // discharged after two negative tests
        Cases.Add(c);
        return c;
    }

    private string PickZone(int dayIndex)
    {
        var open = Spread.Where(s => s.FromDay <= dayIndex).ToList();
        var x = _rng.NextDouble() * open.Sum(s => s.Weight);
        foreach (var s in open)
            if ((x -= s.Weight) < 0) return s.Zone;
        return open[^1].Zone;
    }

    private void Cluster(string zone, int enterprise)
    {
        if (!_clusters.TryGetValue(zone, out var list)) _clusters[zone] = list = [];
        if (!list.Contains(enterprise)) list.Add(enterprise);
    }

    private int? Pick(int[] pool, Func<int, bool> fits)
    {
        for (var attempt = 0; attempt < Attempts && pool.Length > 0; attempt++)
            if (pool[_rng.Next(pool.Length)] is var w && fits(w)) return w;
        return null;
    }
}
