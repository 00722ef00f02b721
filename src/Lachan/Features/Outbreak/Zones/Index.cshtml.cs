using Lachan.Features.Registry.Contracts;
using Lachan.Features.Outbreak.Contracts;
using Lachan.Infrastructure;
using Lachan.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Lachan.Infrastructure.Calendar;

namespace Lachan.Features.Outbreak.Zones;

public sealed class IndexModel(ZoneStatus status, Jurisdiction scope, ProvinceCalendar calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    /// <summary>A ?Date= that is not a date: shown as an error (the view is today's), not silently replaced.</summary>
    public string? RejectedDate => Lachan.Features.Shared.QueryDate.Rejected(ModelState, nameof(Date));
    public DateOnly Day { get; private set; }
    public IReadOnlyList<ZoneStatusRow> Zones { get; private set; } = [];
    public bool CanDeclare => scope.Can(OutbreakAreas.Zones, Access.Write);
    public bool CanSeeAffected => scope.Can(RegistryAreas.Workers, Access.Read);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Day = Date ?? calendar.Today;
        Zones = await status.ListAsync(Day, ct);
        return Page();
    }

    public static string Badge(ZoneLevel level) => level switch
    {
        ZoneLevel.Lockdown or ZoneLevel.MedicalIsolation => "bad",
        ZoneLevel.SocialDistancing => "warn",
        _ => "ok",
    };
}
