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
    /// <remarks>The rarest query word drives: its workers come from the word index as a list of ids (IN), and each other
    /// word is one lookup per such worker (EXISTS). Left to itself SQLite walks every worker of the province and looks
    /// their words up (seconds at 300,000), or starts from "nguyen" (a third of the registry); so each word's matches
    /// are first counted, up to <see cref="CountCap"/>, from the index alone (well under a millisecond each).</remarks>
    public static async Task<IQueryable<Worker>> MatchingAsync(IQueryable<Worker> q, IQueryable<WorkerNameWord> words, string query, CancellationToken ct)
    {
        var terms = new List<(IQueryable<WorkerNameWord> Rows, int Count)>();
        foreach (var (key, exact) in Of(query))
        {
            var rows = Starting(words, key, exact);
            terms.Add((rows, await rows.Take(CountCap).CountAsync(ct)));
        }
        if (terms.Count == 0) return q;
        // The rarest word drives; the others are checked per candidate by key. The counts stop at CountCap: a common
        // surname ("nguyen", 55,000 of 300,000) must not drive while a rarer given name is there.
        var driver = terms.MinBy(t => t.Count).Rows;
        q = q.Where(w => driver.Select(n => n.WorkerId).Contains(w.Id));
        foreach (var (rows, _) in terms.Where(t => t.Rows != driver))
            q = q.Where(w => rows.Any(n => n.WorkerId == w.Id));
        return q;
    }

    public const int CountCap = 100_000;

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
