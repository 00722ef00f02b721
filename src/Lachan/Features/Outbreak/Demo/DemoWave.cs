using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Outbreak.Testing;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Demo;

/// <summary>The demo province's May–July 2021 wave at Bắc Giang's proportions, invented (people, codes and numbers are made
/// up; the shape and the order of events follow DOMAIN.md §3): after the first cases at Đình Trám (<see cref="DemoCases"/>),
/// one case per <see cref="WorkersPerCase"/> workers (500 for the 20,000-worker demo, 7,500 for 300,000; `--cases` sets the
/// number), confirmed from 13/05/2021 on a curve that peaks in early June and falls through late June into July
/// (<see cref="WaveCurve"/>), first in Đình Trám, then Quang Châu, Vân Trung, Song Khê – Nội Hoàng, a few in Việt Hàn and
/// Hòa Phú. Four in ten are F1 found positive in quarantine; the others are found by their workshop's pooled screening
/// and bring six co-workers and three housemates as F1, and six F2. Quarantine orders by the rules in force, every case
/// confirmed by a positive sample, enterprises and lodging houses with cases outside the suspended zones isolated for 14
/// days (<see cref="DemoWaveZones"/>). Deterministic for a given registry; written in bulk inside the seed's transaction.
/// DemoWaveTests compare it with the domain's rules.</summary>
public static class DemoWave
{
    public static readonly DateOnly FirstDay = new(2021, 5, 13);
    public const int WorkersPerCase = 40;

    public sealed record Counts(int Cases, int F1, int F2, int QuarantineOrders, int Samples, int ZoneOrders);

    public static int CasesFor(int workers) => workers / WorkersPerCase;

    /// <summary>Adds cases (counting those already there) up to <paramref name="totalCases"/>.</summary>
    public static async Task<Counts> AddAsync(LachanDb db, int totalCases, CancellationToken ct = default)
    {
        var reg = await WaveRegistry.LoadAsync(db, ct);
        var rules = await db.Set<QuarantineRule>().AsNoTracking().ToListAsync(ct);
        var poolRules = await db.Set<PoolRule>().AsNoTracking().ToListAsync(ct);
        var known = await db.Set<Case>().AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
        var ids = new Ids
        {
            Case = await NextIdAsync(db.Set<Case>(), ct), Contact = await NextIdAsync(db.Set<Contact>(), ct), Order = await NextIdAsync(db.Set<QuarantineOrder>(), ct),
            Sample = await NextIdAsync(db.Set<TestSample>(), ct), Member = await NextIdAsync(db.Set<SampleMember>(), ct),
        };
        var builder = new WaveBuilder(reg, rules, poolRules, ids);
        builder.Known(known, await db.Set<Contact>().Select(c => c.WorkerId).ToListAsync(ct), nextCode: 3501 + known.Count);

        // the first cases count against their days; more of them than the curve gives early on are taken from the next days
        var perDay = WaveCurve.DailyCounts(totalCases);
        var ahead = 0;
        for (var d = 0; d < WaveCurve.Days; d++)
        {
            var on = FirstDay.AddDays(d);
            var due = perDay[d] - known.Count(c => c.ConfirmedOn == on) - ahead;
            ahead = Math.Max(0, -due);
            builder.Day(d, on, Math.Max(0, due));
        }
        builder.Finish();

        await using (var bulk = BulkWriter.Begin(db))
        {
            // the tables are (nearly) empty: their keys and indexes are made once at the end. Kept, PostgreSQL checked each
            // contact's case with a plan made for an empty Cases table (a scan per row: minutes for the full-size wave)
            await bulk.DeferIndexesAsync([typeof(Case), typeof(Contact), typeof(QuarantineOrder), typeof(TestSample), typeof(SampleMember)], ct: ct);
            await bulk.WriteAsync(builder.Cases, ct);
            await bulk.WriteAsync(builder.Contacts, ct);
            await bulk.WriteAsync(builder.Orders, ct);
            await bulk.WriteAsync(builder.Samples, ct);
            await bulk.WriteAsync(builder.Members, ct);
            await bulk.CompleteAsync(ct);
        }
        var zoneOrders = await DemoWaveZones.AddAsync(db, builder.Places, reg, ct);
        return new Counts(builder.Cases.Count, builder.Contacts.Count(c => c.Level == ContactLevel.F1), builder.Contacts.Count(c => c.Level == ContactLevel.F2),
            builder.Orders.Count, builder.Samples.Count, zoneOrders);
    }

    private static async Task<int> NextIdAsync<T>(DbSet<T> set, CancellationToken ct) where T : class =>
        (await set.Select(x => (int?)EF.Property<int>(x, "Id")).MaxAsync(ct) ?? 0) + 1;
}
