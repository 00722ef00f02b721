using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Outbreak.Testing;

namespace Lachan.Features.Outbreak.Demo;

internal sealed partial class WaveBuilder
{
    private const string Negative = "Âm tính (RT-PCR)";

    /// <summary>Co-workers (the same workshop first, as the suggestions rank them) and housemates on the date, not yet traced.</summary>
    private List<(int Worker, ContactKind Kind)> Mates(int source, WaveRegistry.Job? job, WaveRegistry.Home? home, DateOnly on, int coworkers, int housemates)
    {
        var found = new List<(int, ContactKind)>();
        bool Free(int w) => w != source && !_caseWorkers.Contains(w) && !_contacted.Contains(w);
        if (job is not null)
            for (var i = 0; i < coworkers; i++)
                if ((Pick(reg.Workshops[(job.EnterpriseId, job.Workshop)], w => Free(w) && reg.WorksAt(w, job.EnterpriseId, on))
                     ?? Pick(reg.EnterpriseStaff[job.EnterpriseId], w => Free(w) && reg.WorksAt(w, job.EnterpriseId, on))) is int w)
                {
                    _contacted.Add(w);
                    found.Add((w, ContactKind.ProductionLine));
                }
        if (home is not null)
            for (var i = 0; i < housemates; i++)
                if (Pick(reg.Housemates[home.LodgingHouseId], w => Free(w) && reg.LivesIn(w, home.LodgingHouseId, on)) is int w)
                {
                    _contacted.Add(w);
                    found.Add((w, ContactKind.LodgingRoom));
                }
        return found;
    }

    /// <summary>A confirmed contact and its quarantine order under the rule in force on the last contact date.</summary>
    private Contact AddContact(Case c, int worker, ContactKind kind, ContactLevel level, int? source, DateOnly last)
    {
        var contact = new Contact
        {
            Id = ids.Contact++, CaseId = c.Id, WorkerId = worker, SourceContactId = source, Level = level, Kind = kind, LastContactOn = last,
            State = ContactState.Confirmed, DecidedAt = c.ConfirmedOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc), DecidedBy = "demo",
        };
        Contacts.Add(contact);
        var rule = QuarantineRules.InForce(rules, QuarantineRules.SubjectOf(level), last);
        var order = QuarantineRules.NewOrder(rule, worker, last,
            placeText: rule.DefaultPlace == QuarantinePlace.Facility ? $"Khu cách ly tập trung số {1 + worker % 12} (demo)" : null);
        (order.Id, order.ContactId) = (ids.Order++, contact.Id);
        if (level == ContactLevel.F1) _inQuarantine.Add((worker, Orders.Count));
        Orders.Add(order);
        return contact;
    }

    /// <summary>The workshop's screening two days before the confirmation: the case's pool (the case and the co-workers who
    /// became F1, up to the pool rule's size) is positive, a neighbouring pool negative; the positive pool's members are
    /// sampled alone the next day, so none is left on the retest list.</summary>
    private void Screening(Case c, string zone, WaveRegistry.Job job, List<int> coworkers)
    {
        var poolDay = c.TestDate.AddDays(-1);
        var max = TestingRules.InForce(poolRules, poolDay).MaxPoolSize;
        var site = $"Điểm lấy mẫu tại doanh nghiệp, {reg.ZoneNames.GetValueOrDefault(zone, zone)}";
        var pool = coworkers.Prepend(c.WorkerId).Take(max).ToList();
        if (pool.Count >= 2) Pooled(zone, pool, poolDay, site, TestResult.Positive, c.TestDate);
        Single(c.WorkerId, c.TestDate, new TimeOnly(8, 0), site, TestResult.Positive, c.ConfirmedOn);
        foreach (var w in pool.Skip(1)) Single(w, c.TestDate, new TimeOnly(8, 0), site, TestResult.Negative, c.ConfirmedOn);
        var others = reg.Workshops[(job.EnterpriseId, job.Workshop)].Where(w => !pool.Contains(w) && reg.WorksAt(w, job.EnterpriseId, poolDay)).Take(max).ToList();
        if (others.Count >= 2) Pooled(zone, others, poolDay, site, TestResult.Negative, c.TestDate);
    }

    private void Pooled(string zone, List<int> workers, DateOnly on, string site, TestResult result, DateOnly resultOn)
    {
        var s = new TestSample { Id = ids.Sample++, Code = $"BG-{zone}-{on:MMdd}-P{++_pools:00000}", Pooled = true, CollectedOn = on, CollectedTime = new TimeOnly(7, 30), Site = site };
        s.SetResult(result, resultOn);
        Samples.Add(s);
        Members.AddRange(workers.Select(w => new SampleMember { Id = ids.Member++, TestSampleId = s.Id, WorkerId = w }));
    }

    private void Single(int worker, DateOnly on, TimeOnly at, string site, TestResult result, DateOnly resultOn)
    {
        var s = new TestSample { Id = ids.Sample++, Code = $"BG-{on:MMdd}-S{++_singles:000000}", CollectedOn = on, CollectedTime = at, Site = site };
        s.SetResult(result, resultOn);
        Samples.Add(s);
        Members.Add(new SampleMember { Id = ids.Member++, TestSampleId = s.Id, WorkerId = worker });
    }

    /// <summary>The ends: an F1 who turned positive leaves quarantine with that result; the others are released the day
    /// after their planned end on the last test's negative result, except one in fifty left overdue (as happens). Every
    /// discharged case is then monitored at home under the rule in force on its discharge day.</summary>
    public void Finish()
    {
        foreach (var c in _known.Concat(Cases).Where(c => c.Outcome == CaseOutcome.Recovered))
        {
            var rule = QuarantineRules.InForce(rules, RuleSubject.F0Release, c.OutcomeOn!.Value);
            var order = QuarantineRules.NewOrder(rule, c.WorkerId, c.OutcomeOn.Value);
            order.Id = ids.Order++;
            Orders.Add(order);
        }
        foreach (var (order, i) in Orders.Select((o, i) => (o, i)))
        {
            if (_turnedPositive.TryGetValue(i, out var p)) order.Release(order.PlannedEndOn, p.TestDate, $"Dương tính (RT-PCR), chuyển điều trị {p.Code}");
            else if (order.Id % OverdueEvery != 0) order.Release(order.PlannedEndOn.AddDays(1), order.PlannedEndOn, Negative);
        }
    }
}

/// <summary>The next free key of each table the wave writes (the bulk writer inserts keys as given).</summary>
internal sealed class Ids
{
    public int Case, Contact, Order, Sample, Member;
}
