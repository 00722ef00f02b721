using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features;

[AllowAnonymous]
public sealed class IndexModel(LachanDb db, Jurisdiction scope) : PageModel
{
    public sealed record Totals(int Zones, int Enterprises, int Lodging, int Workers);

    public Totals? Counts { get; private set; }

    /// <summary>Counts within the user's own jurisdiction; nothing for anonymous visitors.</summary>
    public async Task OnGetAsync()
    {
        if (User.Identity?.IsAuthenticated != true || !scope.Can(RegistryAreas.Places, Access.Read)) return;
        Counts = new Totals(
            await scope.Zones(db.Set<IndustrialZone>()).CountAsync(),
            await scope.Enterprises(db.Set<Enterprise>()).CountAsync(),
            await scope.LodgingHouses(db.Set<LodgingHouse>()).CountAsync(),
            await scope.Workers(db.Set<Worker>()).CountAsync());
    }
}
