using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Testing;

public sealed record SampleRow(int Id, string Code, bool Pooled, DateOnly CollectedOn, TimeOnly CollectedTime, string Site, int Members, TestResult Result, DateOnly? ResultOn);

/// <summary>The latest samples the user may see, newest first; a sample by id for the result form.</summary>
public sealed class SampleList(TestingScope testing)
{
    public const int Shown = 200;

    private static IQueryable<SampleRow> Rows(IQueryable<TestSample> q) => q.AsNoTracking()
        .Select(s => new SampleRow(s.Id, s.Code, s.Pooled, s.CollectedOn, s.CollectedTime, s.Site, s.Members.Count, s.Result, s.ResultOn));

    public async Task<IReadOnlyList<SampleRow>> LatestAsync(CancellationToken ct = default) =>
        await Rows(testing.Samples().OrderByDescending(s => s.CollectedOn).ThenByDescending(s => s.Id).Take(Shown)).ToListAsync(ct);

    public Task<SampleRow?> FindAsync(int id, CancellationToken ct = default) => Rows(testing.Samples().Where(s => s.Id == id)).FirstOrDefaultAsync(ct);
}
