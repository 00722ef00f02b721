using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Outbreak.Contacts;

public sealed class IndexModel(ContactList list, CaseScope cases) : PageModel
{
    [BindProperty(SupportsGet = true)] public ContactLevel? Level { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }
    public Paged<ContactListRow> Result { get; private set; } = new([], 0, 1, Paging.DefaultSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!cases.CanRead) return Forbid();
        Result = await list.RunAsync(Level, PageNumber, ct);
        return Page();
    }
}
