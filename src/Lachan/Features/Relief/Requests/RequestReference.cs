using System.Collections.Concurrent;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Relief.Requests;

/// <summary>A commune a request is filed under, with its district and province.</summary>
public sealed record CommunePlace(string Code, string? DistrictCode, string? ProvinceCode);

/// <summary>What every submission reads but what changes a few times a year: the request rules' versions and the communes'
/// districts and provinces. Read once and kept for at most <see cref="MaxAge"/>: a version is added by the demo seed or
/// another node, so this process cannot be told of it, and versions start no earlier than the day they are added, so the
/// age only bounds how late on that day the new version takes over here. A commune not kept is asked for (and kept when
/// found), so a new commune is known at once. One per app (a singleton); the caller lends its context.</summary>
public sealed class RequestReference(TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private sealed record Kept(IReadOnlyList<RequestRule> Rules, ConcurrentDictionary<string, CommunePlace> Communes, DateTimeOffset ReadAt);

    private Kept? kept;

    /// <summary>The version in force on the day (the latest that started), or the default on a fresh database.</summary>
    public async Task<RequestRule> RuleAsync(LachanDb db, DateOnly day, CancellationToken ct) =>
        RequestRule.InForce((await KeptAsync(db, ct)).Rules, day);

    /// <summary>The commune with this code (trimmed), or null when there is none.</summary>
    public async Task<CommunePlace?> CommuneAsync(LachanDb db, string code, CancellationToken ct)
    {
        var communes = (await KeptAsync(db, ct)).Communes;
        if (communes.TryGetValue(code, out var place)) return place;
        place = await db.Set<AdminUnit>().AsNoTracking().Where(u => u.Code == code && u.Level == AdminLevel.Commune)
            .Select(u => new CommunePlace(u.Code, u.ParentCode, db.Set<AdminUnit>().Where(d => d.Code == u.ParentCode).Select(d => d.ParentCode).FirstOrDefault()))
            .FirstOrDefaultAsync(ct);
        if (place is not null) communes[code] = place;
        return place;
    }

    /// <summary>Forgets what is kept: the next submission reads it again (after this process changed a rule).</summary>
    public void Forget() => Volatile.Write(ref kept, null);

    private async Task<Kept> KeptAsync(LachanDb db, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (Volatile.Read(ref kept) is { } k && now - k.ReadAt < MaxAge && k.ReadAt <= now) return k;
        var rules = await db.Set<RequestRule>().AsNoTracking().ToListAsync(ct);
        var fresh = new Kept(rules, new ConcurrentDictionary<string, CommunePlace>(StringComparer.Ordinal), now);
        Volatile.Write(ref kept, fresh);
        return fresh;
    }
}
