using Lachan.Features.Shared;
using Lachan.Features.Support.Contracts;
using Lachan.Infrastructure.Auth;

namespace Lachan.Features.Support.Simulation;

public static class SimulationApi
{
    /// <summary>The checks the page and the API share: a policy, both dates, in order, at most two years.</summary>
    public static FieldErrors Check(string? policy, DateOnly? from, DateOnly? to)
    {
        var errors = new FieldErrors();
        errors.AddIf(string.IsNullOrWhiteSpace(policy), "Policy", "Field.Required");
        errors.AddIf(from is null, "From", "Field.Required");
        errors.AddIf(to is null, "To", "Field.Required");
        errors.AddIf(from > to, "To", "Support.EndBeforeStart");
        errors.AddIf(to?.DayNumber - from?.DayNumber > CostSimulation.MaxDays, "To", "Support.PeriodTooLong");
        return errors;
    }

    public static RouteGroupBuilder MapSimulationEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/support/simulations", async (string? policy, string? from, string? to, CostSimulation simulation, Jurisdiction scope, ApiErrors errors, CancellationToken ct) =>
            {
                if (!QueryDate.TryParse(from, out var f)) return errors.Validation(QueryDate.Error("From", from));
                if (!QueryDate.TryParse(to, out var t)) return errors.Validation(QueryDate.Error("To", to));
                var invalid = Check(policy, f, t);
                if (!invalid.Ok) return errors.Validation(invalid);
                return await simulation.RunAsync(policy!.Trim(), f!.Value, t!.Value, scope.Scope, ct) is { } r ? Results.Ok(r) : Results.NotFound();
            })
            .WithTags("Support").RequireArea(SupportAreas.Policies, Access.Write)
            .WithSummary("Cost simulation before launch: every worker of the registry evaluated under the policy (its code) from `from` to `to` (yyyy-MM-dd, at most two years): `workers` (beneficiaries; enterprises when `unit` is enterprise), `amount` in whole đồng, and by district, IZ and enterprise, with the count of each reason for not qualifying. Province officials only (it reads the whole province).")
            .Produces<SimulationResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }
}
