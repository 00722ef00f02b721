using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Outbreak.Quarantine;

public sealed class IndexModel(QuarantineList list, CaseScope cases) : PageModel
{
    /// <summary>The day the list answers for (dd/MM/yyyy); empty is the province's today.</summary>
    [BindProperty(SupportsGet = true)] public string? Date { get; set; }
    [BindProperty(SupportsGet = true)] public bool All { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }
    public FieldErrors Errors { get; } = new();
    public Paged<QuarantineRow> Result { get; private set; } = new([], 0, 1, Paging.DefaultSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!cases.CanRead) return Forbid();
        var day = Dates.Parse(Date, nameof(Date), Errors);
        if (Errors.Ok) Result = await list.RunAsync(new QuarantineListQuery { Date = day, All = All, PageNumber = PageNumber }, ct);
        return Page();
    }
}
