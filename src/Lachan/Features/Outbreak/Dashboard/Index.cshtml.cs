using Lachan.Features.Outbreak.Contracts;
using Lachan.Infrastructure;
using Lachan.Features.Outbreak.Zones;
using Lachan.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Outbreak.Dashboard;

public sealed class IndexModel(OutbreakPicture picture, Jurisdiction scope, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    public OutbreakPictureData Picture { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!scope.Can(OutbreakAreas.Zones, Access.Read)) return Forbid();
        Picture = await picture.LoadAsync(Date ?? time.ProvinceToday(), ct);
        return Page();
    }
}
