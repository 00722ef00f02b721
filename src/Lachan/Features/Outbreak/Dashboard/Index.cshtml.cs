using Lachan.Features.Outbreak.Contracts;
using Lachan.Infrastructure;
using Lachan.Features.Outbreak.Zones;
using Lachan.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Lachan.Infrastructure.Calendar;

namespace Lachan.Features.Outbreak.Dashboard;

public sealed class IndexModel(OutbreakPicture picture, ProvinceCalendar calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    /// <summary>A ?Date= that is not a date: shown as an error (the view is today's), not silently replaced.</summary>
    public string? RejectedDate => Lachan.Features.Shared.QueryDate.Rejected(ModelState, nameof(Date));
    public OutbreakPictureData Picture { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Picture = await picture.LoadAsync(Date ?? calendar.Today, ct);
        return Page();
    }
}
