using System.Diagnostics;
using Microsoft.Extensions.Caching.Memory;

namespace Lachan.Infrastructure.Data;

/// <summary>Answers counted from the records, kept under the tables they read (<see cref="DataChanges"/>, ADR-0023): an
/// answer is used again while none of those tables has been written by this app since it was counted, and for at most
/// <see cref="MaxAge"/> (what other processes write). Kept answers nest: an answer counted from kept parts is kept under
/// the parts' tables as well, with the numbers the parts were counted at.</summary>
public sealed partial class KeptAnswers(DataChanges changes, IMemoryCache cache, TimeProvider time, ILogger<KeptAnswers> logger)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private sealed record Kept(object Value, TablesStamp Read, DateTimeOffset CountedAt);

    /// <summary>The answer kept under the key, or counted now and kept; with when it was counted. The key must name all the
    /// answer depends on besides the records (the caller's role and jurisdiction, the day).</summary>
    public async Task<(T Value, DateTimeOffset CountedAt)> GetAsync<T>(string key, Func<Task<T>> count) where T : notnull
    {
        if (cache.TryGetValue(key, out Kept? kept) && kept is not null && changes.Unchanged(kept.Read))
        {
            changes.Include(kept.Read, kept.CountedAt);
            return ((T)kept.Value, kept.CountedAt);
        }
        var countedAt = time.GetUtcNow();
        T value;
        TablesStamp read;
        // the tables' numbers are taken before counting: a write during the count makes a new one, so the answer is not used again
        var watch = Stopwatch.StartNew();
        using (var reading = changes.StartReading())
        {
            value = await count();
            Counted(logger, key, watch.Elapsed.TotalMilliseconds);   // what each part of a first count after a write costs
            read = reading.Stamp();
            if (reading.OldestIncluded < countedAt) countedAt = reading.OldestIncluded.Value;   // said of the oldest part
        }
        changes.Include(read, countedAt);
        cache.Set(key, new Kept(value, read, countedAt), MaxAge);
        return (value, countedAt);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Counted {Key} in {Milliseconds:F0} ms")]
    private static partial void Counted(ILogger logger, string key, double milliseconds);
}
