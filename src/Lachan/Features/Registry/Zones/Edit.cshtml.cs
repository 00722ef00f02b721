using Lachan.Features.Registry.Contracts;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Registry.Zones;

public sealed class EditModel(ZoneEditor editor, LachanDb db, Jurisdiction scope, UiText text) : PageModel
{
    /// <summary>Text as typed, so "126,5" (decimal comma) or a typo is handled on the field.</summary>
    public sealed class Input
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? AreaHectares { get; set; }
        public string? DistrictCode { get; set; }
    }

    [BindProperty] public Input Form { get; set; } = new();
    public int? Id { get; private set; }
    public FieldErrors Errors { get; private set; } = new();
    public IReadOnlyList<(string Code, string Name, string Province)> Districts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is int existing)
        {
            var z = await scope.Zones(db.Set<IndustrialZone>().AsNoTracking()).FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (z is null) return NotFound();
            Form = new Input { Code = z.Code, Name = z.Name, AreaHectares = FormNumbers.Format(z.AreaHectares), DistrictCode = z.DistrictCode };
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var errors = new FieldErrors();
        var form = new ZoneForm
        {
            Code = Form.Code, Name = Form.Name, DistrictCode = Form.DistrictCode,
            AreaHectares = FormNumbers.ParseDecimal(Form.AreaHectares, nameof(Form.AreaHectares), errors),
        };
        // A mistyped number is reported together with the other fields' errors, not alone.
        foreach (var (field, code) in errors.Ok ? [] : ZoneEditor.Validate(form)) errors.TryAdd(field, code);
        var result = errors.Ok
            ? id is int existing ? await editor.UpdateAsync(existing, form, ct) : await editor.CreateAsync(form, ct)
            : new SaveResult.Invalid(errors);
        switch (result)
        {
            case SaveResult.Saved saved:
                TempData["Message"] = text["Saved."];
                return Redirect($"/Registry/Zones/{saved.Id}");
            case SaveResult.Invalid invalid:
                foreach (var (field, code) in invalid.Errors) Errors.TryAdd(field, code);
                await LoadChoicesAsync(ct);
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task LoadChoicesAsync(CancellationToken ct) =>
        Districts = (await db.Set<AdminUnit>().AsNoTracking().Where(u => u.Level == AdminLevel.District)
                .Select(u => new { u.Code, u.Name, Province = db.Set<AdminUnit>().Where(p => p.Code == u.ParentCode).Select(p => p.Name).FirstOrDefault() })
                .OrderBy(u => u.Province).ThenBy(u => u.Name).ToListAsync(ct))
            .Select(u => (u.Code, u.Name, u.Province ?? "")).ToList();
}
