using Lachan.Infrastructure;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Lachan.Infrastructure.Calendar;

namespace Lachan.Features.Outbreak.Cases;

/// <summary>Registers a confirmed case: the CCCD of a registered worker, or a new person's identity as well.</summary>
public sealed class NewModel(CaseEditor editor, CaseScope cases, UiText text, ProvinceCalendar calendar) : PageModel
{
    /// <summary>Text as typed, so a wrongly typed date is reported on its field.</summary>
    public sealed class Input
    {
        public string? Cccd { get; set; }
        public string? FullName { get; set; }
        public Sex? Sex { get; set; }
        public string? DateOfBirth { get; set; }
        public string? Phone { get; set; }
        public string? PermanentAddress { get; set; }
        public string? Code { get; set; }
        public string? ConfirmedOn { get; set; }
        public string? TestKind { get; set; }
        public string? TestDate { get; set; }
        public string? TestPlace { get; set; }
        public string? TreatmentPlace { get; set; }
    }

    [BindProperty] public Input Form { get; set; } = new();
    public FieldErrors Errors { get; } = new();

    public IActionResult OnGet()
    {
        if (!cases.CanWrite) return Forbid();
        Form.TestKind = CaseEditor.TestKinds[0];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!cases.CanWrite) return Forbid();
        var form = new CaseForm
        {
            Cccd = Form.Cccd, FullName = Form.FullName, Sex = Form.Sex, DateOfBirth = Dates.Parse(Form.DateOfBirth, nameof(Form.DateOfBirth), Errors),
            Phone = Form.Phone, PermanentAddress = Form.PermanentAddress, Code = Form.Code,
            ConfirmedOn = Dates.Parse(Form.ConfirmedOn, nameof(Form.ConfirmedOn), Errors), TestKind = Form.TestKind,
            TestDate = Dates.Parse(Form.TestDate, nameof(Form.TestDate), Errors), TestPlace = Form.TestPlace, TreatmentPlace = Form.TreatmentPlace,
        };
        if (!Errors.Ok)
        {
            // report every wrong field at once, not only the unreadable dates
            foreach (var (field, code) in CaseEditor.Validate(form, calendar.Today)) Errors.TryAdd(field, code);
            return Page();
        }
        switch (await editor.RegisterAsync(form, ct))
        {
            case SaveResult.Saved saved:
                TempData["Message"] = text["Saved."];
                return Redirect($"/Outbreak/Cases/{saved.Id}");
            case SaveResult.Invalid invalid:
                foreach (var (field, code) in invalid.Errors) Errors.TryAdd(field, code);
                return Page();
            default:
                return NotFound();
        }
    }
}
