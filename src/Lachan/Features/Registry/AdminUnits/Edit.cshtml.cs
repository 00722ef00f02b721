using System.Globalization;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Registry.AdminUnits;

public sealed class EditModel(AdminUnitEditor editor, LachanDb db, UiText text) : PageModel
{
    /// <summary>Dates as typed (dd/MM/yyyy), so a wrong one is reported on its field.</summary>
    public sealed class Input
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? Kind { get; set; }
        public AdminLevel? Level { get; set; }
        public string? ParentCode { get; set; }
        public string? ValidFrom { get; set; }
        public string? ValidTo { get; set; }
    }

    [BindProperty] public Input Form { get; set; } = new();
    public string? Code { get; private set; }
    public FieldErrors Errors { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        Code = code;
        if (code is not null)
        {
            var u = await db.Set<AdminUnit>().AsNoTracking().FirstOrDefaultAsync(x => x.Code == code, ct);
            if (u is null) return NotFound();
            Form = new Input
            {
                Code = u.Code, Name = u.Name, Kind = u.Kind, Level = u.Level, ParentCode = u.ParentCode,
                ValidFrom = u.ValidFrom.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                ValidTo = u.ValidTo?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, CancellationToken ct)
    {
        Code = code;
        var errors = new FieldErrors();
        var form = new AdminUnitForm
        {
            Code = code ?? Form.Code, Name = Form.Name, Kind = Form.Kind, Level = Form.Level, ParentCode = Form.ParentCode,
            ValidFrom = Dates.Parse(Form.ValidFrom, nameof(Form.ValidFrom), errors),
            ValidTo = Dates.Parse(Form.ValidTo, nameof(Form.ValidTo), errors),
        };
        // A mistyped date is reported together with the other fields' errors, not alone.
        foreach (var (field, error) in errors.Ok ? [] : AdminUnitEditor.Validate(form)) errors.TryAdd(field, error);
        var result = errors.Ok
            ? code is not null ? await editor.UpdateAsync(code, form, ct) : await editor.CreateAsync(form, ct)
            : new UnitSaveResult.Invalid(errors);
        switch (result)
        {
            case UnitSaveResult.Saved saved:
                TempData["Message"] = text["Saved."];
                var parent = await db.Set<AdminUnit>().Where(u => u.Code == saved.Code).Select(u => u.ParentCode).FirstAsync(ct);
                return Redirect(parent is null ? $"/Registry/AdminUnits?Q={saved.Code}" : $"/Registry/AdminUnits?Parent={parent}");
            case UnitSaveResult.Invalid invalid:
                foreach (var (field, error) in invalid.Errors) Errors.TryAdd(field, error);
                return Page();
            default:
                return NotFound();
        }
    }
}
