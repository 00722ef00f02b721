using Lachan.Features.Home;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features;

/// <summary>The home page: for a signed-in user, the numbers of the day their role needs (see <see cref="HomeBoard"/>);
/// for a visitor, the way in.</summary>
[AllowAnonymous]
public sealed class IndexModel(HomeBoard board) : PageModel
{
    public HomeData? Home { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true) Home = await board.LoadAsync(ct);
    }
}
