using Lachan.Features.Support.Lists;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Support.Overview;

/// <summary>The officers' flags worklist (the same query as GET /api/v1/support/flags): what breaks the rules on the
/// lists of their jurisdiction, 50 a page, each worker linked to the profile by id.</summary>
public sealed class IndexModel(SupportFlags flags, ListScope scope) : PageModel
{
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    public FlagPage Flags { get; private set; } = new(1, SupportFlags.PageSize, 0, []);
    public static readonly string[] Kinds = [FlagKinds.TwoEmployers, FlagKinds.OverCap, FlagKinds.PaymentWithoutApproval, FlagKinds.PaidTwice];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!scope.CanRead) return Forbid();
        Flags = await flags.PageAsync(P, Kinds.Contains(Kind) ? Kind : null, ct);
        return Page();
    }
}
