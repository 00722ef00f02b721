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
        if (User.Identity?.IsAuthenticated != true || !scope.Can(Area.Places, Access.Read)) return;
        Counts = new Totals(
            await scope.Zones(db.IndustrialZones).CountAsync(),
            await scope.Enterprises(db.Enterprises).CountAsync(),
            await scope.LodgingHouses(db.LodgingHouses).CountAsync(),
            await scope.Workers(db.Workers).CountAsync());
    }
}
