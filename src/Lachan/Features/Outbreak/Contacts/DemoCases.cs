using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Contacts;

/// <summary>The demo province's May 2021 story, invented (numbers, people and codes are made up; only the shape is real):
/// the first cases at the largest enterprise of KCN Đình Trám, among its workers lodging in Nếnh, their F1 from the same
/// workshop and lodging house chosen by the suggestion rule, a few F2, and quarantine orders by the rules in force.
/// Everything is chosen by id order, so the same registry gives the same cases.</summary>
public static class DemoCases
{
    private static readonly DateOnly FirstConfirmed = new(2021, 5, 13);
    private const string NenhCommune = DemoProvince.DemoCommuneCode;
    private const int Cases = 8, F1PerCase = 8, F2PerF1 = 3, CasesWithF2 = 2, RecoveredCases = 4, ReleasedTrees = 2;

    public static async Task<long> SeedAsync(LachanDb db, CancellationToken ct = default)
    {
        var on = FirstConfirmed;
        var enterprise = await db.Set<Employment>().AsNoTracking()
            .Where(e => e.From <= on && (e.To == null || e.To >= on) && e.Enterprise!.IndustrialZone!.Code == DemoProvince.DemoEnterpriseZoneCode)
            .GroupBy(e => e.EnterpriseId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (int?)g.Key).FirstOrDefaultAsync(ct);
        if (enterprise is null) return 0;
        var f0Workers = await db.Set<Employment>().AsNoTracking()
            .Where(e => e.EnterpriseId == enterprise && e.From <= on && (e.To == null || e.To >= on)
                && db.Set<Residence>().Any(r => r.WorkerId == e.WorkerId && r.From <= on && (r.To == null || r.To >= on) && r.LodgingHouse!.CommuneCode == NenhCommune))
            .Select(e => e.WorkerId).Distinct().OrderBy(id => id).Take(Cases).ToListAsync(ct);
        var rules = await db.Set<QuarantineRule>().AsNoTracking().ToListAsync(ct);

        var used = f0Workers.ToHashSet();
        var cases = f0Workers.Select((w, i) => new Case
        {
            WorkerId = w, Code = $"BN{3501 + i}", ConfirmedOn = FirstConfirmed.AddDays(i / 2), TestKind = "RT-PCR",
            TestDate = FirstConfirmed.AddDays(i / 2 - 1), TestPlace = "CDC Bắc Giang", TreatmentPlace = "Bệnh viện Phổi Bắc Giang",
        }).ToList();
        for (var i = 0; i < Math.Min(RecoveredCases, cases.Count); i++) cases[i].SetOutcome(CaseOutcome.Recovered, new DateOnly(2021, 6, 10).AddDays(i));
        db.Set<Case>().AddRange(cases);
        await db.SaveChangesAsync(ct);

        var contacts = new List<Contact>();
        foreach (var c in cases)
            contacts.AddRange(await TraceAsync(db, c, c.WorkerId, null, ContactLevel.F1, F1PerCase, c.ConfirmedOn.AddDays(-1), used, ct));
        await db.SaveChangesAsync(ct);
        foreach (var c in cases.Take(CasesWithF2))
            if (contacts.FirstOrDefault(x => x.CaseId == c.Id && x.State == ContactState.Confirmed) is { } f1)
                contacts.AddRange(await TraceAsync(db, c, f1.WorkerId, f1.Id, ContactLevel.F2, F2PerF1, f1.LastContactOn!.Value, used, ct));
        await db.SaveChangesAsync(ct);

        var released = cases.Take(ReleasedTrees).Select(c => c.Id).ToHashSet();
        foreach (var x in contacts.Where(x => x.State == ContactState.Confirmed))
        {
            var rule = QuarantineRules.InForce(rules, QuarantineRules.SubjectOf(x.Level), x.LastContactOn!.Value);
            var order = QuarantineRules.NewOrder(rule, x.WorkerId, x.LastContactOn.Value,
                placeText: rule.DefaultPlace == QuarantinePlace.Facility ? "Khu cách ly tập trung Trường Cao đẳng Kỹ thuật Công nghiệp" : null);
            order.ContactId = x.Id;
            // the first cases' contacts have finished quarantine; the later ones are still on the due lists
            if (released.Contains(x.CaseId)) order.Release(order.PlannedEndOn, order.PlannedEndOn.AddDays(-1), "Âm tính (RT-PCR)");
            db.Set<QuarantineOrder>().Add(order);
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return cases.Count;
    }

    /// <summary>The top candidates by the suggestion rule become contacts; the next one is dismissed, as an officer would.</summary>
    private static async Task<List<Contact>> TraceAsync(LachanDb db, Case c, int source, int? sourceContact, ContactLevel level, int count,
        DateOnly lastContact, HashSet<int> used, CancellationToken ct)
    {
        var ranked = await ContactSuggestions.RankAsync(db, source, lastContact, used, ct);
        var decided = c.ConfirmedOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        var result = ranked.Take(count + 1).Select((r, i) => new Contact
        {
            CaseId = c.Id, WorkerId = r.WorkerId, SourceContactId = sourceContact, Level = level, Kind = SuggestionRanking.KindFor(r.Best),
            LastContactOn = lastContact, State = i < count ? ContactState.Confirmed : ContactState.Dismissed, DecidedAt = decided, DecidedBy = "demo",
        }).ToList();
        foreach (var x in result) used.Add(x.WorkerId);
        db.Set<Contact>().AddRange(result);
        return result;
    }
}
