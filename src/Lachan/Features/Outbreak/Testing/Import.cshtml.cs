using Lachan.Features.Shared;
using Lachan.Features.Rosters;
using Lachan.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Outbreak.Testing;

/// <summary>A lab's result sheet, applied whole or refused with the rows at fault.</summary>
public sealed class ImportModel(LabImport import, TestingScope testing, UiText text) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    public string? FileError { get; private set; }
    public IReadOnlyList<LabImportError> Errors { get; private set; } = [];
    public bool Refused => FileError is not null || Errors.Count > 0;

    public IActionResult OnGet() => testing.CanWrite ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!testing.CanWrite) return Forbid();
        if (Upload is null || Upload.Length == 0) { FileError = "Field.Required"; return Page(); }
        var path = Path.GetTempFileName();
        try
        {
            await using (var target = System.IO.File.Create(path)) await Upload.CopyToAsync(target, ct);
            IReadOnlyList<string?[]> rows;
            try { rows = [.. TabularFileReader.Read(path).Take(LabImport.MaxRows + 2)]; }
            catch (TabularFileException e) { FileError = e.Code; return Page(); }
            switch (await import.ImportAsync(rows, ct))
            {
                case LabImportResult.Applied a:
                    TempData["Message"] = text["Saved."] + " " + a.Count;
                    return Redirect("/Outbreak/Testing");
                case LabImportResult.Refused r:
                    Errors = r.Errors;
                    return Page();
                default:
                    return Page();
            }
        }
        finally { System.IO.File.Delete(path); }
    }
}
