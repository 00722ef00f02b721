using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Registry.Zones;

public sealed class DetailModel(ZoneDetail details, Jurisdiction scope) : PageModel
{
    public ZoneDetailData Zone { get; private set; } = null!;
    public bool CanEdit => scope.Can(RegistryAreas.Places, Access.Write);
    public bool CanSeeEnterprises => scope.Can(RegistryAreas.Enterprises, Access.Read);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await details.LoadAsync(id, ct) is not { } zone) return NotFound();
        Zone = zone;
        return Page();
    }
}
