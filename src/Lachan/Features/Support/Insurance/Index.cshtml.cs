using Lachan.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Support.Insurance;

/// <summary>Insurance months: social insurance uploads its monthly file; the province and districts see what is recorded.</summary>
[RequestSizeLimit(MaxUploadBytes)]
public sealed class IndexModel(InsuranceImport import) : PageModel
{
    public const long MaxUploadBytes = 64L << 20;

    [BindProperty] public IFormFile? Upload { get; set; }
    public ImportOutcome? Outcome { get; private set; }
    public FieldErrors Errors { get; } = new();
    public List<(DateOnly Month, int Workers)> Months { get; private set; } = [];
    public bool CanWrite => import.CanWrite;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!import.CanRead) return Forbid();
        Months = await import.SummaryAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!import.CanWrite) return Forbid();
        if (Upload is null || Upload.Length == 0) Errors.Add(nameof(Upload), "Field.Required");
        else
        {
            // the upload goes to a temporary file the reader can sniff (xlsx or csv), and is deleted right after
            var path = Path.GetTempFileName();
            try
            {
                await using (var file = System.IO.File.Create(path)) await Upload.CopyToAsync(file, ct);
                Outcome = await import.ImportAsync(path, Path.GetFileName(Upload.FileName), ct);
            }
            finally { System.IO.File.Delete(path); }
        }
        Months = await import.SummaryAsync(ct);
        return Page();
    }
}
