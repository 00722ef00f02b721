using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Outbreak.Testing;

/// <summary>A sample's result, entered once.</summary>
public sealed class ResultModel(SampleList list, SampleEditor editor, TestingScope testing, UiText text) : PageModel
{
    public sealed class Input
    {
        public TestResult? Result { get; set; }
        public string? ResultOn { get; set; }
    }

    [BindProperty] public Input Form { get; set; } = new();
    public SampleRow Sample { get; private set; } = null!;
    public FieldErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!testing.CanWrite) return Forbid();
        if (await list.FindAsync(id, ct) is not { } sample) return NotFound();
        Sample = sample;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!testing.CanWrite) return Forbid();
        if (await list.FindAsync(id, ct) is not { } sample) return NotFound();
        Sample = sample;
        var on = Dates.Parse(Form.ResultOn, nameof(Form.ResultOn), Errors);
        switch (await editor.SetResultAsync(id, new ResultForm { Result = Form.Result, ResultOn = on }, ct))
        {
            case SaveResult.Saved when Errors.Ok:
                TempData["Message"] = text["Saved."];
                return Redirect("/Outbreak/Testing");
            case SaveResult.Invalid invalid:
                foreach (var (field, code) in invalid.Errors) Errors.TryAdd(field, code);
                return Page();
            case SaveResult.NotFound:
                return NotFound();
            default:
                return Page();
        }
    }
}
