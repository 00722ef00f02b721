using Lachan.Features.Outbreak.Cases;
using Lachan.Infrastructure;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Lachan.Infrastructure.Calendar;

namespace Lachan.Features.Outbreak.Quarantine;

/// <summary>Release from quarantine, recording the negative result that allows it.</summary>
public sealed class ReleaseModel(QuarantineList list, QuarantineRelease release, CaseScope cases, UiText text, ProvinceCalendar calendar) : PageModel
{
    public sealed class Input
    {
        public string? ReleasedOn { get; set; }
        public string? TestDate { get; set; }
        public string? Result { get; set; }
        public bool ConfirmLate { get; set; }
    }

    [BindProperty] public Input Form { get; set; } = new();
    public QuarantineRow Order { get; private set; } = null!;
    public FieldErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!cases.CanWrite) return Forbid();
        if (await list.FindAsync(id, ct) is not { } order) return NotFound();
        Order = order;
        var today = calendar.Today;
        Form.ReleasedOn = UiText.Date(order.PlannedEndOn > today ? order.PlannedEndOn : today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!cases.CanWrite) return Forbid();
        if (await list.FindAsync(id, ct) is not { } order) return NotFound();
        Order = order;
        var form = new ReleaseForm
        {
            ReleasedOn = Dates.Parse(Form.ReleasedOn, nameof(Form.ReleasedOn), Errors),
            TestDate = Dates.Parse(Form.TestDate, nameof(Form.TestDate), Errors), Result = Form.Result, ConfirmLate = Form.ConfirmLate,
        };
        if (!Errors.Ok) return Page();
        switch (await release.ReleaseAsync(id, form, ct))
        {
            case SaveResult.Saved:
                TempData["Message"] = text["Saved."];
                return Redirect("/Outbreak/Cases/Quarantine");
            case SaveResult.Invalid invalid:
                Errors.AddAll(invalid.Errors);
                return Page();
            default:
                return NotFound();
        }
    }
}
