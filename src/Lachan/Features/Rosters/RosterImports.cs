using System.Security.Cryptography;
using System.Text.Json;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Rosters;

/// <summary>Read → parse → plan for a stored roster file, shared by the page's background job, the API and the CLI.</summary>
public sealed class RosterImports(LachanDb db, RosterPlanner planner, RosterCommitter committer)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public sealed record Prepared(RosterPreview Preview, RosterPlan? Plan);

    public async Task<Prepared> PrepareAsync(string path, int enterpriseId, DateOnly asOf, IReadOnlyDictionary<string, RosterField>? mapping, CancellationToken ct)
    {
        // Remembered choices for this enterprise first, then this upload's own adjustments.
        var remembered = await db.RosterMappings.AsNoTracking().Where(m => m.EnterpriseId == enterpriseId)
            .ToDictionaryAsync(m => m.HeaderKey, m => m.Field, ct);
        foreach (var (k, v) in mapping ?? new Dictionary<string, RosterField>()) remembered[k] = v;
        RosterParser.Result parsed;
        try
        {
            parsed = RosterParser.Parse(RosterFileReader.Read(path), remembered.Count > 0 ? remembered : null);
        }
        catch (RosterFileException e)
        {
            return new Prepared(RosterPreview.Refusal(e.Code, e.Args), null);
        }
        if (parsed is RosterParser.Result.Refused r)
            return new Prepared(RosterPreview.Refusal(r.Code, r.Args, r.Header), null);
        var plan = await planner.PlanAsync(enterpriseId, asOf, ((RosterParser.Result.Ok)parsed).Roster, ct);
        return new Prepared(RosterPreview.Of(plan), plan);
    }

    public Task<RosterOutcome> CommitAsync(RosterPlan plan, string fileHash, IProgress<int>? progress, CancellationToken ct, string? committedBy = null) =>
        committer.CommitAsync(plan, fileHash, progress, ct, committedBy);

    /// <summary>Remembers the user's confirmed header choices for the enterprise's next rosters.</summary>
    public async Task RememberMappingAsync(int enterpriseId, IReadOnlyDictionary<string, RosterField> mapping, CancellationToken ct)
    {
        foreach (var (key, field) in mapping)
        {
            var existing = await db.RosterMappings.FirstOrDefaultAsync(m => m.EnterpriseId == enterpriseId && m.HeaderKey == key, ct);
            if (existing is null) db.RosterMappings.Add(new RosterMapping { EnterpriseId = enterpriseId, HeaderKey = key, Field = field });
            else existing.Field = field;
        }
        await db.SaveChangesAsync(ct);
    }

    public static async Task<string> HashAsync(string path, CancellationToken ct)
    {
        await using var f = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(f, ct));
    }
}
