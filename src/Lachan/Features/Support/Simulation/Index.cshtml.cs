using Lachan.Features.Shared;
using Lachan.Features.Support.Policies;
using Lachan.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Support.Simulation;

/// <summary>The cost simulation on a page (province officials): pick a policy and dates, see workers and money by
/// district, IZ and enterprise.</summary>
public sealed class IndexModel(CostSimulation simulation, PolicyVersions policies, Lachan.Infrastructure.Auth.Jurisdiction scope) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Policy { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    public FieldErrors Errors { get; } = new();
    public IReadOnlyList<SupportPolicy> Policies { get; private set; } = [];
    public SimulationResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!policies.CanWrite) return Forbid();
        Policies = await policies.ListAsync(ct);
        if (Policy is null && From is null && To is null) return Page();
        var from = Dates.Parse(From, nameof(From), Errors);
        var to = Dates.Parse(To, nameof(To), Errors);
        if (Errors.Ok) Errors.AddAll(SimulationApi.Check(Policy, from, to));
        if (!Errors.Ok) return Page();
        Result = await simulation.RunAsync(Policy!.Trim(), from!.Value, to!.Value, scope.Scope, ct);
        if (Result is null) Errors.Add(nameof(Policy), "Support.NoSuchPolicy");
        return Page();
    }
}
