using System.Linq.Expressions;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lachan.Features.Registry.Contracts;

/// <summary>One row per distinct word of a worker's name. "Lan" must find "Nguyễn Thị Lan": a prefix of any word of the
/// name, which no index on the whole name answers (it answers "the name starts with"); an index on the words answers it
/// with one range per query word. <see cref="Word"/> is the word's search key (no diacritics), <see cref="Exact"/> the
/// word in lower case with its diacritics, for a query typed with them.</summary>
public sealed class WorkerNameWord
{
    public int WorkerId { get; set; }
    public Worker? Worker { get; set; }
    public required string Word { get; set; }
    public required string Exact { get; set; }
}

internal sealed class WorkerNameWordConfiguration : IEntityTypeConfiguration<WorkerNameWord>
{
    public void Configure(EntityTypeBuilder<WorkerNameWord> e)
    {
        // The key serves "this worker's words" (the EXISTS of each further query word, and replacing a renamed worker's
        // words); the index serves "the workers with a word starting with k", covering, so the table is not read.
        e.ToTable("WorkerNameWords");
        e.HasKey(x => new { x.WorkerId, x.Word, x.Exact });
        e.HasIndex(x => new { x.Word, x.Exact, x.WorkerId });
        // Prefix ranges [k, k + U+FFFF) need code-point order, as for NameSearch.
        e.Property(x => x.Word).HasMaxLength(100).UsesCodePointOrder();
        e.Property(x => x.Exact).HasMaxLength(100).UsesCodePointOrder();
        e.HasOne(x => x.Worker).WithMany().HasForeignKey(x => x.WorkerId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>How many name words start with a key (up to <see cref="NameWords.CountCap"/>), per database, kept for
/// <see cref="Lifetime"/>: only for choosing which query word drives a search, where a count some minutes old does as
/// well as a fresh one.</summary>
public static class WordCounts
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private const int MaxEntries = 20_000;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string?, string, string), (int Count, DateTime Until)> Counts = new();

    public static async Task<int> GetAsync(LachanDb db, string key, string exact, Func<Task<int>> count)
    {
        var id = (db.Database.GetConnectionString(), key, exact);
        var now = DateTime.UtcNow;
        if (Counts.TryGetValue(id, out var kept) && kept.Until > now) return kept.Count;
        var n = await count();
        if (Counts.Count >= MaxEntries) Counts.Clear();   // a bound, not a policy: the counts are cheap to make again
        Counts[id] = (n, now + Lifetime);
        return n;
    }
}

public static class NameWords
{
    /// <summary>The distinct words of a name (or of a query): search key and lower-case form. The one definition
    /// used by the entity path, the bulk paths and the search, so all three agree.</summary>
    public static IReadOnlyList<(string Word, string Exact)> Of(string text)
    {
        var result = new List<(string, string)>(4);
        foreach (var w in VietnameseText.NormalizeName(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = (VietnameseText.SearchKey(w), w.ToLowerInvariant());
            if (pair.Item1.Length > 0 && !result.Contains(pair)) result.Add(pair);
        }
        return result;
    }

    public static IEnumerable<WorkerNameWord> Rows(int workerId, string fullName) =>
        Of(fullName).Select(w => new WorkerNameWord { WorkerId = workerId, Word = w.Word, Exact = w.Exact });

    /// <summary>Workers each of whose query words begins some word of their name. A query word typed without
    /// diacritics ignores them ("lan" finds Lan, Lân, Lăng); one typed with them must match them ("Lăng" finds only Lăng).</summary>
    /// <remarks>The matching workers are found in the words table alone, then looked up by key: the rarest query word
    /// drives (a range of the word index), each other word is one probe of the key per candidate, rarest first, and
    /// their ids (at most <see cref="IdsCap"/>) come back as a list. Joining the candidates to the workers first made
    /// PostgreSQL hash the whole registry for every search (569 ms p95 at 300,000 workers) and both databases
    /// sort and count every candidate twice (the page and the total). Each word's matches are counted, up to
    /// <see cref="CountCap"/>, to choose the driver; the counts only choose the plan, never the answer, so they are
    /// kept a few minutes (<see cref="WordCounts"/>): "nguyen" and "thi" cost a scan of 100,000 index entries each.
    /// More than <see cref="IdsCap"/> matches (one common word alone) are filtered by a subquery instead, as before.</remarks>
    /// <returns>The matching workers, and whether they are a list of ids (then sort them by <see cref="SortKey"/>).</returns>
    public static async Task<(IQueryable<Worker> Workers, bool Listed)> MatchingAsync(IQueryable<Worker> q, LachanDb db, string query, CancellationToken ct,
        int idsCap = IdsCap)
    {
        var words = db.Set<WorkerNameWord>().AsNoTracking();
        var terms = new List<(IQueryable<WorkerNameWord> Rows, int Count)>();
        foreach (var (key, exact) in Of(query))
        {
            var rows = Starting(words, key, exact);
            terms.Add((rows, await WordCounts.GetAsync(db, key, exact, () => rows.Take(CountCap).CountAsync(ct))));
        }
        if (terms.Count == 0) return (q, false);
        // The rarest word drives; a common surname ("nguyen", 55,000 of 300,000) must not while a rarer given name is
        // there, so the counts are exact up to CountCap. The others are checked per candidate, the rarest first.
        var ordered = terms.OrderBy(t => t.Count).Select(t => t.Rows).ToList();
        var matches = ordered[0];
        foreach (var rows in ordered.Skip(1))
            matches = matches.Where(n => rows.Any(m => m.WorkerId == n.WorkerId));
        var ids = matches.Select(n => n.WorkerId).Distinct();
        var found = await ids.Take(idsCap + 1).ToListAsync(ct);
        // one array (PostgreSQL) or JSON (SQLite) parameter, not a parameter per id
        return found.Count <= idsCap ? (q.Where(w => EF.Parameter(found).Contains(w.Id)), true) : (q.Where(w => ids.Contains(w.Id)), false);
    }

    /// <summary>The name to sort workers by. Workers already narrowed to a list of ids are sorted as they are: sorting by
    /// the indexed column would let the database walk the (province, name) index from its start, checking each worker
    /// against the list — PostgreSQL visited 160,000 workers (400 ms) for the first 50 of the 1,435 "Nguyễn Thị Hương"
    /// among 300,000. The empty string appended keeps the sort off the index and the order the same.</summary>
    public static Expression<Func<Worker, string>> SortKey(bool listed) => listed ? w => w.NameSearch + "" : w => w.NameSearch;

    public const int CountCap = 100_000;

    /// <summary>At most this many matching workers are read as a list of ids; a search for a full name finds
    /// a few hundred at 300,000 workers, one for a common surname alone tens of thousands.</summary>
    public const int IdsCap = 5_000;

    private static IQueryable<WorkerNameWord> Starting(IQueryable<WorkerNameWord> words, string key, string exact)
    {
        var upper = key + "\uffff";
        var rows = words.Where(n => string.Compare(n.Word, key) >= 0 && string.Compare(n.Word, upper) < 0);
        if (exact == key) return rows;
        var exactUpper = exact + "\uffff";
        return rows.Where(n => string.Compare(n.Exact, exact) >= 0 && string.Compare(n.Exact, exactUpper) < 0);
    }

    /// <summary>Replaces the words of workers renamed outside the change tracker (the roster commit's UPDATE), in the
    /// caller's transaction.</summary>
    public static async Task ReplaceAsync(LachanDb db, IReadOnlyCollection<(int WorkerId, string FullName)> renamed, CancellationToken ct)
    {
        if (renamed.Count == 0) return;
        foreach (var chunk in renamed.Select(r => r.WorkerId).Chunk(1000))
            await db.Set<WorkerNameWord>().Where(n => chunk.Contains(n.WorkerId)).ExecuteDeleteAsync(ct);
        await using var bulk = BulkWriter.Begin(db);
        await bulk.WriteAsync(renamed.SelectMany(r => Rows(r.WorkerId, r.FullName)), ct);
        await bulk.CompleteAsync(ct);
    }

    /// <summary>A registry from before the words existed gets them once, at migration.</summary>
    public static async Task BackfillAsync(LachanDb db, CancellationToken ct)
    {
        if (await db.Set<WorkerNameWord>().AnyAsync(ct) || !await db.Set<Worker>().AnyAsync(ct)) return;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var names = await db.Set<Worker>().AsNoTracking().Select(w => new { w.Id, w.FullName }).ToListAsync(ct);
        await using (var bulk = BulkWriter.Begin(db))
        {
            await bulk.WriteAsync(names.SelectMany(w => Rows(w.Id, w.FullName)), ct);
            await bulk.CompleteAsync(ct);
        }
        await tx.CommitAsync(ct);
    }
}

/// <summary>Keeps the words of workers added or renamed through the change tracker (registering a worker, a correction,
/// a case registering a person) in the same save. Bulk writers write <see cref="NameWords.Rows"/> themselves.</summary>
public sealed class NameWordsInterceptor : SaveChangesInterceptor
{
    public static readonly NameWordsInterceptor Instance = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) await SyncAsync(db, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db) SyncAsync(db, default).GetAwaiter().GetResult();
        return result;
    }

    private static async Task SyncAsync(DbContext db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var words = db.Set<WorkerNameWord>();
        foreach (var entry in db.ChangeTracker.Entries<Worker>().ToList())
        {
            var worker = entry.Entity;
            if (entry.State == EntityState.Added)
                words.AddRange(NameWords.Of(worker.FullName).Select(w => new WorkerNameWord { Worker = worker, Word = w.Word, Exact = w.Exact }));
            else if (entry.State == EntityState.Modified && entry.Property(w => w.FullName).IsModified)
            {
                var wanted = NameWords.Of(worker.FullName);
                var stored = await words.Where(n => n.WorkerId == worker.Id).ToListAsync(ct);
                words.RemoveRange(stored.Where(n => !wanted.Contains((n.Word, n.Exact))));
                words.AddRange(wanted.Where(w => !stored.Any(n => (n.Word, n.Exact) == w))
                    .Select(w => new WorkerNameWord { WorkerId = worker.Id, Word = w.Word, Exact = w.Exact }));
            }
        }
    }
}

/// <summary>Name words for workers registered before the table existed.</summary>
internal sealed class NameWordsBackfill : IDataBackfill
{
    public Task RunAsync(LachanDb db, CancellationToken ct) => NameWords.BackfillAsync(db, ct);
}
