using Lachan.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Relief.Supplies;

/// <summary>The public transparency page: anyone may see where the money and goods came from and went, as totals.</summary>
[AllowAnonymous]
public sealed class TransparencyModel(Transparency transparency) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    public string? RejectedDate => QueryDate.Rejected(ModelState, nameof(Date));
    public TransparencyTotals Totals { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Totals = await transparency.TotalsAsync(Date, ct);
}
