using Lachan.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Outbreak.Testing;

/// <summary>The samples, newest first, by collection day, result day and result. Its filters carry no personal data.</summary>
public sealed class IndexModel(SampleList list, TestingScope testing) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Date { get; set; }
    [BindProperty(SupportsGet = true)] public string? ResultOn { get; set; }
    [BindProperty(SupportsGet = true)] public TestResult? Result { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }
    public FieldErrors Errors { get; } = new();
    public Paged<SampleRow> Rows { get; private set; } = new([], 0, 1, Paging.DefaultSize);
    public bool CanWrite => testing.CanWrite;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!testing.CanRead) return Forbid();
        var query = new SampleListQuery
        {
            Date = Dates.Parse(Date, nameof(Date), Errors), ResultOn = Dates.Parse(ResultOn, nameof(ResultOn), Errors), Result = Result, PageNumber = PageNumber,
        };
        if (Errors.Ok) Rows = await list.RunAsync(query, ct);
        return Page();
    }
}
