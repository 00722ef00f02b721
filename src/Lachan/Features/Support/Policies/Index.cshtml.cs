using Lachan.Infrastructure.Calendar;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Support.Policies;

/// <summary>The support policies with the values of their current version.</summary>
public sealed class IndexModel(PolicyVersions policies, ProvinceCalendar calendar) : PageModel
{
    public IReadOnlyList<SupportPolicy> Policies { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!policies.CanRead) return Forbid();
        Today = calendar.Today;
        Policies = await policies.ListAsync(ct);
        return Page();
    }
}
