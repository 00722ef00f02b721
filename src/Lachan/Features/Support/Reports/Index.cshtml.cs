using Lachan.Features.Support.Lists;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Support.Reports;

/// <summary>The support report (the same as GET /api/v1/support/reports): the headline figures and the groups the
/// reader picks, with the xlsx of the API's export.</summary>
public sealed class IndexModel(SupportReports reports, ListScope scope) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? By { get; set; }
    public SupportReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!scope.CanRead) return Forbid();
        Report = await reports.BuildAsync(ReportsApi.Parse(By) ?? ReportBy.Policy, ct);
        return Page();
    }
}
