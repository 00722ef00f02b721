using Lachan.Features.Shared;

namespace Lachan.Features.Relief.Supplies;

/// <summary>The public transparency totals (anonymous by design: no names, phones or CCCD in them).</summary>
public static class SuppliesApi
{
    public static RouteGroupBuilder MapSupplyEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/public/transparency", async (string? asOf, Transparency transparency, ApiErrors errors, CancellationToken ct) =>
                !QueryDate.TryParse(asOf, out var day) ? errors.Validation(QueryDate.Error("AsOf", asOf))
                : Results.Ok(await transparency.TotalsAsync(day, ct)))
            .AllowAnonymous().WithTags("Relief")
            .WithSummary("Money and goods of the relief effort: totals in by kind of source and out by use, up to asOf (yyyy-MM-dd, default today), with the time of the newest movement counted. No personal data.")
            .Produces<TransparencyTotals>().ProducesValidationProblem();
        return api;
    }
}
