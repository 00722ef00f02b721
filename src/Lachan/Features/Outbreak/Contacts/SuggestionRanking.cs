using Lachan.Features.Outbreak.Cases;
namespace Lachan.Features.Outbreak.Contacts;

/// <summary>Why a person is suggested, closest first: the order is the ranking.</summary>
public enum SuggestionReason { SameRoom = 1, SameWorkshop = 2, SameLodgingHouse = 3, SameEnterprise = 4 }

/// <summary>Where the source person worked and lived on the contact date (either may be unknown).</summary>
public sealed record SourcePlaces(int? EnterpriseId, string? Workshop, int? LodgingHouseId, string? Room);

/// <summary>A person employed at the source's enterprise, or residing in its lodging house, on that date.</summary>
public sealed record PlaceMate(int WorkerId, string? WorkshopOrRoom);

public sealed record RankedCandidate(int WorkerId, SuggestionReason Best, IReadOnlyList<SuggestionReason> Reasons);

/// <summary>The suggestion rule without the database: rank co-workers and housemates, drop the excluded.</summary>
public static class SuggestionRanking
{
    public static List<RankedCandidate> Rank(SourcePlaces source, IEnumerable<PlaceMate> coworkers, IEnumerable<PlaceMate> housemates, IReadOnlySet<int> excluded)
    {
        var reasons = new Dictionary<int, List<SuggestionReason>>();
        void Add(int worker, SuggestionReason r)
        {
            if (excluded.Contains(worker)) return;
            if (!reasons.TryGetValue(worker, out var list)) reasons[worker] = list = [];
            if (!list.Contains(r)) list.Add(r);
        }
        foreach (var m in coworkers)
            Add(m.WorkerId, Same(source.Workshop, m.WorkshopOrRoom) ? SuggestionReason.SameWorkshop : SuggestionReason.SameEnterprise);
        foreach (var m in housemates)
            Add(m.WorkerId, Same(source.Room, m.WorkshopOrRoom) ? SuggestionReason.SameRoom : SuggestionReason.SameLodgingHouse);

        // closest reason first; among equals, whoever shares more places with the source; then a stable order
        return [.. reasons
            .Select(kv => new RankedCandidate(kv.Key, kv.Value.Min(), [.. kv.Value.Order()]))
            .OrderBy(c => c.Best).ThenByDescending(c => c.Reasons.Count).ThenBy(c => c.WorkerId)];
    }

    /// <summary>Workshop and room names are typed by hand: compare them trimmed and case-insensitively; unknown never matches.</summary>
    public static bool Same(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b)
        && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>The contact kind an officer most likely confirms for a reason.</summary>
    public static ContactKind KindFor(SuggestionReason r) =>
        r is SuggestionReason.SameRoom or SuggestionReason.SameLodgingHouse ? ContactKind.LodgingRoom : ContactKind.ProductionLine;
}
