using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Cases;

/// <summary>Many invented cases for measuring at the size issue 4 names (`seed --workers 300000 --cases 20000`): cases
/// confirmed evenly over 60 days from 20/05/2021 among workers employed on the day, each with F1 from the same workshop
/// and the same lodging house (as the suggestion rule would offer them), F2 for one case in five, and a quarantine
/// order per contact by the rule in force. As of the day after the last confirmation, orders that ended are released
/// except one in fifty (overdue); the rest are still running, so the due list of that fortnight has its full size.
/// Deterministic for a given registry. Written with the bulk writer inside the seed's transaction.</summary>
public static class ScaleCases
{
    public static readonly DateOnly FirstConfirmed = new(2021, 5, 20);
    public const int Days = 60;
    public static DateOnly AsOf => FirstConfirmed.AddDays(Days);
    private const int CoworkersPerCase = 4, HousematesPerCase = 2, F2PerF1 = 3, CasesWithF2Every = 5, OverdueEvery = 50;

    private sealed record Place(int WorkerId, int GroupKey);

    public static async Task<(int Cases, int Contacts, int Orders)> AddAsync(LachanDb db, int count, CancellationToken ct = default)
    {
        if (count <= 0) return (0, 0, 0);
        var on = FirstConfirmed.AddDays(Days / 2);
        var jobs = await db.Set<Employment>().AsNoTracking().Where(e => e.From <= on && (e.To == null || e.To > on))
            .OrderBy(e => e.WorkerId).Select(e => new { e.WorkerId, e.EnterpriseId, e.Workshop }).ToListAsync(ct);
        var homes = await db.Set<Residence>().AsNoTracking().Where(r => r.From <= on && (r.To == null || r.To > on))
            .OrderBy(r => r.WorkerId).Select(r => new { r.WorkerId, r.LodgingHouseId }).ToListAsync(ct);
        var rules = await db.Set<QuarantineRule>().AsNoTracking().ToListAsync(ct);
        var used = (await db.Set<Case>().Select(c => c.WorkerId).ToListAsync(ct)).Concat(await db.Set<Contact>().Select(c => c.WorkerId).ToListAsync(ct)).ToHashSet();
        var (caseId, contactId, orderId) = (await NextIdAsync(db.Set<Case>(), ct), await NextIdAsync(db.Set<Contact>(), ct), await NextIdAsync(db.Set<QuarantineOrder>(), ct));

        // workmates are those of the same enterprise and workshop; housemates those of the same lodging house
        var workshopOf = jobs.GroupBy(j => j.WorkerId).ToDictionary(g => g.Key, g => (g.First().EnterpriseId, g.First().Workshop));
        var workshops = jobs.GroupBy(j => (j.EnterpriseId, j.Workshop)).ToDictionary(g => g.Key, g => g.Select(j => j.WorkerId).ToArray());
        var houseOf = homes.GroupBy(h => h.WorkerId).ToDictionary(g => g.Key, g => g.First().LodgingHouseId);
        var houses = homes.GroupBy(h => h.LodgingHouseId).ToDictionary(g => g.Key, g => g.Select(h => h.WorkerId).ToArray());
        var employed = workshopOf.Keys.Order().ToArray();

        var rng = new Random(20210520);
        var cases = new List<Case>(count);
        var contacts = new List<Contact>(count * 8);
        var orders = new List<QuarantineOrder>(count * 8);
        int? Pick(int[] pool)
        {
            for (var attempt = 0; attempt < 20 && pool.Length > 0; attempt++)
                if (pool[rng.Next(pool.Length)] is var w && used.Add(w)) return w;
            return null;
        }
        IEnumerable<(int Worker, ContactKind Kind)> MatesOf(int worker)
        {
            if (workshopOf.TryGetValue(worker, out var job))
                for (var i = 0; i < CoworkersPerCase; i++)
                    if (Pick(workshops[job]) is int w) yield return (w, ContactKind.ProductionLine);
            if (houseOf.TryGetValue(worker, out var house))
                for (var i = 0; i < HousematesPerCase; i++)
                    if (Pick(houses[house]) is int w) yield return (w, ContactKind.LodgingRoom);
        }
        void AddContact(Case c, int worker, ContactKind kind, ContactLevel level, int? source, DateOnly last)
        {
            var contact = new Contact
            {
                Id = contactId++, CaseId = c.Id, WorkerId = worker, SourceContactId = source, Level = level, Kind = kind, LastContactOn = last,
                State = ContactState.Confirmed, DecidedAt = c.ConfirmedOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc), DecidedBy = "demo",
            };
            contacts.Add(contact);
            var rule = QuarantineRules.InForce(rules, QuarantineRules.SubjectOf(level), last);
            var order = QuarantineRules.NewOrder(rule, worker, last);
            (order.Id, order.ContactId) = (orderId++, contact.Id);
            if (order.PlannedEndOn < AsOf && order.Id % OverdueEvery != 0) order.Release(order.PlannedEndOn, order.PlannedEndOn.AddDays(-1), "Âm tính (RT-PCR)");
            orders.Add(order);
        }

        for (var i = 0; i < count; i++)
        {
            if (Pick(employed) is not int worker) continue;
            var confirmed = FirstConfirmed.AddDays(i * Days / count);
            var c = new Case
            {
                Id = caseId++, WorkerId = worker, Code = $"BN{100_000 + i}", ConfirmedOn = confirmed, TestKind = "RT-PCR", TestDate = confirmed.AddDays(-1),
                TestPlace = "CDC Bắc Giang", TreatmentPlace = "Bệnh viện dã chiến số 2",
            };
            if (confirmed.AddDays(21) < AsOf) c.SetOutcome(CaseOutcome.Recovered, confirmed.AddDays(21));
            cases.Add(c);
            var last = confirmed.AddDays(-1);
            var firstF1 = contacts.Count;
            foreach (var (mate, kind) in MatesOf(worker).ToList()) AddContact(c, mate, kind, ContactLevel.F1, null, last);
            if (i % CasesWithF2Every == 0 && contacts.Count > firstF1 && contacts[firstF1] is var f1)
                foreach (var (mate, kind) in MatesOf(f1.WorkerId).Take(F2PerF1).ToList()) AddContact(c, mate, kind, ContactLevel.F2, f1.Id, last);
        }

        await using var bulk = BulkWriter.Begin(db);
        await bulk.WriteAsync(cases, ct);
        await bulk.WriteAsync(contacts, ct);
        await bulk.WriteAsync(orders, ct);
        await bulk.CompleteAsync(ct);
        return (cases.Count, contacts.Count, orders.Count);
    }

    private static async Task<int> NextIdAsync<T>(DbSet<T> set, CancellationToken ct) where T : class =>
        (await set.Select(x => (int?)EF.Property<int>(x, "Id")).MaxAsync(ct) ?? 0) + 1;
}
