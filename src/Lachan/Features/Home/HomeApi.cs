using Lachan.Features.Shared;

namespace Lachan.Features.Home;

/// <summary>A home number by name: its value, the API path and page of the list it equals, its trend over the last days.</summary>
public sealed record HomeValue(long Value, string? List, string? Page, IReadOnlyList<long>? Trend);

/// <summary>The caller's home: <see cref="CountedAt"/> is when its oldest section was counted; <see cref="Sections"/> says
/// when each was (a section is kept until a table it read is written, ADR-0023).</summary>
public sealed record HomeAnswer(DateOnly Date, bool Demo, string? Role, IReadOnlyDictionary<string, HomeValue> Figures, DateTimeOffset CountedAt,
    IReadOnlyDictionary<string, DateTimeOffset> Sections);

public static class HomeApi
{
    public static RouteHandlerBuilder MapHomeApi(this RouteGroupBuilder api) =>
        api.MapGet("/home", async (HomeBoard board, CancellationToken ct) =>
            {
                var home = await board.LoadAsync(ct);
                return TypedResults.Ok(new HomeAnswer(home.Date, home.Demo, home.Role?.ToString(),
                    home.Figures.ToDictionary(f => f.Key, f => new HomeValue(f.Value, f.Api, f.Page, f.Trend)), home.CountedAt,
                    home.SectionsCountedAt));
            })
            .WithTags("Home")
            .WithSummary("The caller's numbers of the day (the province's day; the demo day in demo mode), by name: each with the API path of the list it equals (list; null where that list has no API yet), its page (null where the caller may not open it) and its trend over the last 28 days. Counted within the caller's jurisdiction; countedAt is when the oldest section was counted, sections when each was (each kept until this node writes a table it was counted from, at most 30 s).")
            .Produces<HomeAnswer>();
}
