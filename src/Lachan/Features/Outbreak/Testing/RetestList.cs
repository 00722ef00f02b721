using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Testing;

public sealed record RetestRow(int SampleId, string SampleCode, DateOnly PoolCollectedOn, DateOnly? PoolResultOn, int WorkerId, string Cccd, string FullName);

/// <summary>Members of positive pools who have not had an individual sample collected since the pool.</summary>
public sealed class RetestList(LachanDb db, TestingScope testing)
{
    public async Task<IReadOnlyList<RetestRow>> LoadAsync(CancellationToken ct = default)
    {
        var workers = testing.Workers();
        var members = await (
            from s in db.Set<TestSample>()
            where s.Pooled && s.Result == TestResult.Positive
            from m in s.Members
            join w in workers on m.WorkerId equals w.Id
            select new { s.Id, s.Code, s.CollectedOn, s.CollectedTime, s.ResultOn, w.Cccd, w.FullName, m.WorkerId })
            .AsNoTracking().ToListAsync(ct);
        if (members.Count == 0) return [];
        var ids = members.Select(m => m.WorkerId).Distinct().ToList();
        var singles = (await (
            from s in db.Set<TestSample>()
            where !s.Pooled
            from m in s.Members
            where ids.Contains(m.WorkerId)
            select new { m.WorkerId, s.CollectedOn, s.CollectedTime })
            .ToListAsync(ct))
            .ToLookup(x => x.WorkerId, x => x.CollectedOn.ToDateTime(x.CollectedTime));
        return [.. members
            .Where(m => TestingRules.NeedsRetest(m.CollectedOn.ToDateTime(m.CollectedTime), singles[m.WorkerId]))
            .OrderBy(m => m.CollectedOn).ThenBy(m => m.Code).ThenBy(m => m.FullName)
            .Select(m => new RetestRow(m.Id, m.Code, m.CollectedOn, m.ResultOn, m.WorkerId, m.Cccd, m.FullName))];
    }
}
