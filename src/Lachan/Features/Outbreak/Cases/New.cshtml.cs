using Lachan.Infrastructure;
using Lachan.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Lachan.Infrastructure.Calendar;

namespace Lachan.Features.Outbreak.Cases;

/// <summary>Registers a confirmed case: the CCCD of a registered worker, or a new person's identity as well.</summary>
public sealed class NewModel(CaseEditor editor, CaseScope cases, UiText text, ProvinceCalendar calendar, AuditLog audit) : PageModel
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

    /// <summary>The form's lookup as the CCCD is typed: the registered worker's name, sex and birth date, so the officer sees
    /// at once whom the case is about. Posted (the CCCD stays out of URLs and logs), in the officer's jurisdiction only (a
    /// CCCD held elsewhere answers 404 like an unknown one), and audited as a view of the worker's record.</summary>
    public async Task<IActionResult> OnPostPersonAsync(string? cccd, CancellationToken ct)
    {
        if (!cases.CanWrite) return Forbid();
        var key = cccd?.Trim();
        var person = string.IsNullOrEmpty(key) ? null : await cases.Workers().Where(w => w.Cccd == key)
            .Select(w => new { w.Id, w.FullName, w.Sex, w.DateOfBirth }).FirstOrDefaultAsync(ct);
        if (person is null) return NotFound();
        await audit.ViewedAsync(nameof(Worker), person.Id, ct);
        return new JsonResult(new { fullName = person.FullName, sex = person.Sex.ToString(), dateOfBirth = UiText.Date(person.DateOfBirth) });
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
