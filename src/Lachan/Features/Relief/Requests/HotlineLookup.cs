using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Relief.Requests;

public sealed record CallerMatch(int Id, string FullName, string Cccd, string? Phone, string? Enterprise, string? LodgingHouse);

/// <summary>The hotline's look-up of a caller in the registry: by phone, by CCCD, or by name words (the registry's own
/// name index), within the operator's jurisdiction. Searches are audited without the values typed.</summary>
public sealed class HotlineLookup(LachanDb db, Jurisdiction scope, AuditLog audit)
{
    public const int Max = 20;

    public bool CanSearch => scope.Can(RegistryAreas.Workers, Access.Read);

    public async Task<IReadOnlyList<CallerMatch>> FindAsync(string? query, CancellationToken ct)
    {
        var q = query?.Trim() ?? "";
        if (q.Length < 2 || !CanSearch) return [];
        var workers = scope.Workers(db.Set<Worker>().AsNoTracking());
        var listed = false;
        if (q.Length == 12 && Digits.Only(q)) workers = workers.Where(w => w.Cccd == q);
        else if (OtherIds.NormalizePhone(q) is { } phone) workers = workers.Where(w => w.Phone == phone);
        else (workers, listed) = await NameWords.MatchingAsync(workers, db, q, ct);
        var rows = await workers.OrderBy(NameWords.SortKey(listed)).ThenBy(w => w.Id).Take(Max)
            .Select(w => new CallerMatch(w.Id, w.FullName, w.Cccd, w.Phone, w.CurrentEnterprise!.Name, w.CurrentLodgingHouse!.Name)).ToListAsync(ct);
        var kind = q.Length == 12 && Digits.Only(q) ? "cccd" : OtherIds.NormalizePhone(q) is not null ? "phone" : "name";
        await audit.ListedAsync("HotlineLookup", new { Kind = kind }, 1, rows.Select(r => r.Id), rows.Count, ct);
        return rows;
    }

    /// <summary>Whether the worker is one the operator may see (else: not found).</summary>
    public Task<bool> VisibleAsync(int workerId, CancellationToken ct) =>
        scope.Workers(db.Set<Worker>().AsNoTracking()).AnyAsync(w => w.Id == workerId, ct);
}
