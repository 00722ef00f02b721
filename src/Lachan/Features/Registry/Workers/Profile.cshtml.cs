using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Registry.Workers;

public sealed class ProfileModel(WorkerProfile profiles, IEnumerable<IWorkerProfileSection> sections, Jurisdiction scope) : PageModel
{
    public WorkerProfileData Profile { get; private set; } = null!;
    public IReadOnlyList<(string Partial, object Model)> Sections { get; private set; } = [];
    public bool CanEdit => scope.Can(RegistryAreas.Workers, Access.Write);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var profile = await profiles.LoadAsync(id, ct);
        if (profile is null) return NotFound();
        Profile = profile;
        var shown = new List<(string, object)>();
        foreach (var section in sections.OrderBy(s => s.Order))
            if (await section.LoadAsync(profile, ct) is { } model)
                shown.Add((section.PartialName, model));
        Sections = shown;
        return Page();
    }
}
