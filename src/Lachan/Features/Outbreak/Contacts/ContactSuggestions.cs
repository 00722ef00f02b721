using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Contacts;

public sealed record SuggestionRow(int WorkerId, string FullName, string Cccd, IReadOnlyList<SuggestionReason> Reasons, ContactKind SuggestedKind);

/// <summary>Candidates for one source person: F1 for a case, F2 for a confirmed F1 (SourceContactId).</summary>
public sealed record Suggestions(int CaseId, int? SourceContactId, int SourceWorkerId, DateOnly On, int Total, IReadOnlyList<SuggestionRow> Items);

/// <summary>Suggests contacts from the records: who worked at the source's enterprise and who lived in its lodging house on
/// the contact date. Two indexed range reads (Employments by EnterpriseId, Residences by LodgingHouseId), ranking in
/// memory, names only for the shown rows: fast enough at 300,000 workers for a page to call it.</summary>
public sealed class ContactSuggestions(LachanDb db, CaseScope cases)
{
    public const int Shown = 500;

    public async Task<Suggestions?> ForAsync(int caseId, int? sourceContactId, CancellationToken ct = default)
    {
        var c = await cases.Cases().AsNoTracking().Where(x => x.Id == caseId).Select(x => new { x.Id, x.WorkerId, x.ConfirmedOn }).FirstOrDefaultAsync(ct);
        if (c is null) return null;
        var (sourceWorker, on) = (c.WorkerId, c.ConfirmedOn);
        if (sourceContactId is int sid)
        {
            var f1 = await db.Set<Contact>().AsNoTracking()
                .Where(x => x.Id == sid && x.CaseId == caseId && x.Level == ContactLevel.F1 && x.State == ContactState.Confirmed)
                .Select(x => new { x.WorkerId, x.LastContactOn }).FirstOrDefaultAsync(ct);
            if (f1 is null) return null;
            (sourceWorker, on) = (f1.WorkerId, f1.LastContactOn ?? c.ConfirmedOn);
        }

        // the case, everyone already decided on in this tree (confirmed or dismissed), and the source itself
        var excluded = (await db.Set<Contact>().AsNoTracking().Where(x => x.CaseId == caseId).Select(x => x.WorkerId).ToListAsync(ct))
            .Append(c.WorkerId).Append(sourceWorker).ToHashSet();
        var ranked = await RankAsync(db, sourceWorker, on, excluded, ct);
        var top = ranked.Take(Shown).ToList();
        var ids = top.Select(r => r.WorkerId).ToList();
        var people = await cases.Workers().AsNoTracking().Where(w => ids.Contains(w.Id))
            .Select(w => new { w.Id, w.FullName, w.Cccd }).ToDictionaryAsync(w => w.Id, ct);
        var rows = top.Where(r => people.ContainsKey(r.WorkerId))
            .Select(r => new SuggestionRow(r.WorkerId, people[r.WorkerId].FullName, people[r.WorkerId].Cccd, r.Reasons, SuggestionRanking.KindFor(r.Best)))
            .ToList();
        return new Suggestions(caseId, sourceContactId, sourceWorker, on, ranked.Count, rows);
    }

    /// <summary>The ranked candidates for a source person on a date, without names (also used to build the demo data).</summary>
    public static async Task<List<RankedCandidate>> RankAsync(LachanDb db, int sourceWorker, DateOnly on, IReadOnlySet<int> excluded, CancellationToken ct = default)
    {
        var source = await PlacesAsync(db, sourceWorker, on, ct);
        var coworkers = source.EnterpriseId is int eid
            ? await db.Set<Employment>().AsNoTracking().Where(e => e.EnterpriseId == eid && e.From <= on && (e.To == null || e.To >= on))
                .Select(e => new PlaceMate(e.WorkerId, e.Workshop)).ToListAsync(ct)
            : [];
        var housemates = source.LodgingHouseId is int lid
            ? await db.Set<Residence>().AsNoTracking().Where(r => r.LodgingHouseId == lid && r.From <= on && (r.To == null || r.To >= on))
                .Select(r => new PlaceMate(r.WorkerId, r.Room)).ToListAsync(ct)
            : [];
        return SuggestionRanking.Rank(source, coworkers, housemates, excluded);
    }

    private static async Task<SourcePlaces> PlacesAsync(LachanDb db, int workerId, DateOnly on, CancellationToken ct)
    {
        var job = await db.Set<Employment>().AsNoTracking().Where(e => e.WorkerId == workerId && e.From <= on && (e.To == null || e.To >= on))
            .OrderByDescending(e => e.From).Select(e => new { e.EnterpriseId, e.Workshop }).FirstOrDefaultAsync(ct);
        var home = await db.Set<Residence>().AsNoTracking().Where(r => r.WorkerId == workerId && r.From <= on && (r.To == null || r.To >= on))
            .OrderByDescending(r => r.From).Select(r => new { r.LodgingHouseId, r.Room }).FirstOrDefaultAsync(ct);
        return new SourcePlaces(job?.EnterpriseId, job?.Workshop, home?.LodgingHouseId, home?.Room);
    }
}
