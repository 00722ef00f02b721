using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration;

/// <summary>The name search finds its workers' ids in the words table first and filters by that list, falling back to a
/// subquery past <see cref="NameWords.IdsCap"/>; word counts that choose the driving word are kept a few minutes. Both
/// paths must give the same answer, and a kept count must never hide a worker registered after it was made.</summary>
public sealed class NameSearchPlanTests(DemoApps apps) : IClassFixture<DemoApps>
{
    private static async Task<List<int>> MatchAsync(LachanApp app, string query, int idsCap = NameWords.IdsCap) =>
        await app.WithDbAsync(async db =>
            await (await NameWords.MatchingAsync(db.Set<Worker>().AsNoTracking(), db, query, CancellationToken.None, idsCap)).Workers
                .Select(w => w.Id).Order().ToListAsync());

    /// <summary>The definition: each query word begins some word of the name (diacritics only when typed).</summary>
    private static async Task<List<int>> ExpectedAsync(LachanApp app, string query)
    {
        var names = await app.WithDbAsync(db => db.Set<Worker>().Select(w => new { w.Id, w.FullName }).ToListAsync());
        var terms = NameWords.Of(query);
        return [.. names.Where(n => terms.All(t => NameWords.Of(n.FullName).Any(w =>
                w.Word.StartsWith(t.Word, StringComparison.Ordinal) && (t.Exact == t.Word || w.Exact.StartsWith(t.Exact, StringComparison.Ordinal)))))
            .Select(n => n.Id).Order()];
    }

    [Theory, BothProviders]
    public async Task The_list_of_ids_and_the_subquery_give_the_definitions_answer(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var someone = await app.WithDbAsync(db => db.Set<Worker>().OrderBy(w => w.Id).Select(w => w.FullName).FirstAsync());
        var words = someone.Split(' ');
        foreach (var query in new[] { "nguyen", "thi", "nguyen thi", "n t", VietnameseText.SearchKey(someone), someone, words[^1], words[0] + " " + words[^1][..1], "zzz" })
        {
            var expected = await ExpectedAsync(app, query);
            Assert.Equal(expected, await MatchAsync(app, query));               // the list of ids
            Assert.Equal(expected, await MatchAsync(app, query, idsCap: 0));    // past the cap: the subquery
        }
        Assert.NotEmpty(await MatchAsync(app, someone));
    }

    [Theory, BothProviders]
    public async Task A_name_search_is_in_name_order_whether_a_list_of_ids_or_the_subquery_found_it(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        const string query = "thi";   // a common word: the first page is not the whole answer
        var expected = await app.WithDbAsync(async db =>
        {
            var matching = (await ExpectedAsync(app, query)).ToHashSet();
            var keys = await db.Set<Worker>().Select(w => new { w.Id, w.NameSearch }).ToListAsync();
            return keys.Where(k => matching.Contains(k.Id)).OrderBy(k => k.NameSearch, StringComparer.Ordinal).ThenBy(k => k.Id).Select(k => k.Id).Take(20).ToList();
        });
        Assert.Equal(20, expected.Count);
        foreach (var (cap, listed) in new[] { (NameWords.IdsCap, true), (0, false) })
        {
            var page = await app.WithDbAsync(async db =>
            {
                var match = await NameWords.MatchingAsync(db.Set<Worker>().AsNoTracking(), db, query, CancellationToken.None, cap);
                Assert.Equal(listed, match.Listed);
                return await match.Workers.OrderBy(NameWords.SortKey(match.Listed)).ThenBy(w => w.Id).Select(w => w.Id).Take(20).ToListAsync();
            });
            Assert.Equal(expected, page);
        }
    }

    [Theory, BothProviders]
    public async Task A_kept_word_count_does_not_hide_a_worker_registered_after_it(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var tag = "Q" + Guid.NewGuid().ToString("N")[..8];
        var rare = "Quách Thị " + tag;
        var query = tag.ToLowerInvariant() + " thi";
        Assert.Empty(await MatchAsync(app, query));   // the counts are kept: none start with the tag
        var worker = new Worker
        {
            Cccd = TestRegistry.NewCccd("024", Sex.Female, 1990), FullName = rare, NameSearch = VietnameseText.SearchKey(rare), Sex = Sex.Female,
            DateOfBirth = new DateOnly(1990, 1, 1), HomeProvinceCode = "024", ProvinceCode = TestRegistry.OwnProvince,
        };
        await app.WithDbAsync(async db => { db.Set<Worker>().Add(worker); await db.SaveChangesAsync(); });
        Assert.Equal([worker.Id], await MatchAsync(app, query));
    }
}
