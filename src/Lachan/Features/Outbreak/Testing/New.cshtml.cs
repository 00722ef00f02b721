using System.Globalization;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Outbreak.Testing;

/// <summary>A new sample: members by CCCD, one per line.</summary>
public sealed class NewModel(SampleEditor editor, TestingScope testing, UiText text) : PageModel
{
    public sealed class Input
    {
        public string? Code { get; set; }
        public bool Pooled { get; set; }
        public string? CollectedOn { get; set; }
        public string? CollectedTime { get; set; }
        public string? Site { get; set; }
        public string? Members { get; set; }
    }

    [BindProperty] public Input Form { get; set; } = new();
    public FieldErrors Errors { get; } = new();
    public IReadOnlyList<string> Unknown { get; private set; } = [];

    public IActionResult OnGet() => testing.CanWrite ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!testing.CanWrite) return Forbid();
        var on = Dates.Parse(Form.CollectedOn, nameof(Form.CollectedOn), Errors);
        Errors.AddIf(on is null && string.IsNullOrWhiteSpace(Form.CollectedOn), nameof(Form.CollectedOn), "Field.Required");
        TimeOnly time = default;
        if (string.IsNullOrWhiteSpace(Form.CollectedTime)) Errors.TryAdd(nameof(Form.CollectedTime), "Field.Required");
        else if (!TimeOnly.TryParseExact(Form.CollectedTime.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
            Errors.TryAdd(nameof(Form.CollectedTime), "Testing.TimeFormat");
        var members = (Form.Members ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var form = new SampleForm
        {
            Code = Form.Code, Pooled = Form.Pooled, Site = Form.Site, Members = members,
            CollectedAt = on is { } d && Errors.Ok ? d.ToDateTime(time) : null,
        };
        var result = await editor.CreateAsync(form, ct);
        switch (result)
        {
            case SaveResult.Saved when Errors.Ok:
                TempData["Message"] = text["Saved."];
                return Redirect("/Outbreak/Testing");
            case SaveResult.Invalid invalid:
                foreach (var (field, code) in invalid.Errors)
                    if (field != nameof(SampleForm.CollectedAt) || !Errors.ContainsKey(nameof(Form.CollectedTime)))
                        Errors.TryAdd(field == nameof(SampleForm.CollectedAt) ? nameof(Form.CollectedOn) : field, code);
                if (Errors.TryGetValue(nameof(Form.Members), out var m) && m == "Testing.MemberNotFound") Unknown = await editor.UnknownAsync(members, ct);
                return Page();
            default:
                return Page();
        }
    }
}
