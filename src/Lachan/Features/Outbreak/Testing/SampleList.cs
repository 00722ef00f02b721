using Lachan.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Testing;

public sealed record SampleRow(int Id, string Code, bool Pooled, DateOnly CollectedOn, TimeOnly CollectedTime, string Site, int Members, TestResult Result, DateOnly? ResultOn);

public sealed record SampleListQuery
{
    /// <summary>Samples collected on this day.</summary>
    public DateOnly? Date { get; init; }
    /// <summary>Samples whose result was entered as dated this day.</summary>
    public DateOnly? ResultOn { get; init; }
    public TestResult? Result { get; init; }
    public int? PageNumber { get; init; }
    public int? PageSize { get; init; }
}

/// <summary>The samples the user may see by collection day, result day and result, newest first; a sample by id for the
/// result form. The home's sample numbers count the same scope per day (HomeNumbersTests holds them equal to this list).</summary>
public sealed class SampleList(TestingScope testing)
{
    private static IQueryable<SampleRow> Rows(IQueryable<TestSample> q) => q.AsNoTracking()
        .Select(s => new SampleRow(s.Id, s.Code, s.Pooled, s.CollectedOn, s.CollectedTime, s.Site, s.Members.Count, s.Result, s.ResultOn));

    public async Task<Paged<SampleRow>> RunAsync(SampleListQuery q, CancellationToken ct = default)
    {
        var (page, size) = Paging.Normalize(q.PageNumber, q.PageSize);
        var query = Filter(q);
        var total = await query.CountAsync(ct);
        var items = await Rows(query.OrderByDescending(s => s.CollectedOn).ThenByDescending(s => s.CollectedTime).ThenByDescending(s => s.Id).PageOf(page, size)).ToListAsync(ct);
        return new Paged<SampleRow>(items, total, page, size);
    }

    private IQueryable<TestSample> Filter(SampleListQuery q)
    {
        var query = testing.Samples();
        if (q.Date is { } d) query = query.Where(s => s.CollectedOn == d);
        if (q.ResultOn is { } r) query = query.Where(s => s.ResultOn == r);
        if (q.Result is { } result) query = query.Where(s => s.Result == result);
        return query;
    }

    public Task<SampleRow?> FindAsync(int id, CancellationToken ct = default) => Rows(testing.Samples().Where(s => s.Id == id)).FirstOrDefaultAsync(ct);
}
