using Lachan.Features.Registry.AdminUnits;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Registry.Lodging;

public sealed class EditModel(LodgingEditor editor, PlaceLookup places, LachanDb db, Jurisdiction scope, UiText text) : PageModel
{
    /// <summary>Text as typed, so a number written wrongly is reported on its field.</summary>
    public sealed class Input
    {
        public string? Name { get; set; }
        public string? Address { get; set; }
        public string? CommuneCode { get; set; }
        public string? Rooms { get; set; }
        public string? Capacity { get; set; }
        public string? LandlordName { get; set; }
        public string? LandlordPhone { get; set; }
        public string? LandlordCccd { get; set; }
    }

    [BindProperty] public Input Form { get; set; } = new();
    public int? Id { get; private set; }
    public FieldErrors Errors { get; private set; } = new();
    public IReadOnlyList<UnitChoice> Communes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is int existing)
        {
            var l = await scope.LodgingHouses(db.Set<LodgingHouse>().AsNoTracking().Include(x => x.Landlord)).FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (l is null) return NotFound();
            Form = new Input
            {
                Name = l.Name, Address = l.Address, CommuneCode = l.CommuneCode, Rooms = l.Rooms.ToString(), Capacity = l.Capacity.ToString(),
                LandlordName = l.Landlord?.FullName, LandlordPhone = l.Landlord?.Phone, LandlordCccd = l.Landlord?.Cccd,
            };
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var errors = new FieldErrors();
        var form = new LodgingForm
        {
            Name = Form.Name, Address = Form.Address, CommuneCode = Form.CommuneCode,
            Rooms = FormNumbers.ParseInt(Form.Rooms, nameof(Form.Rooms), errors),
            Capacity = FormNumbers.ParseInt(Form.Capacity, nameof(Form.Capacity), errors),
            LandlordName = Form.LandlordName, LandlordPhone = Form.LandlordPhone, LandlordCccd = Form.LandlordCccd,
        };
        // A mistyped number is reported together with the other fields' errors, not alone.
        foreach (var (field, code) in errors.Ok ? [] : LodgingEditor.Validate(form)) errors.TryAdd(field, code);
        var result = errors.Ok
            ? id is int existing ? await editor.UpdateAsync(existing, form, ct) : await editor.CreateAsync(form, ct)
            : new SaveResult.Invalid(errors);
        switch (result)
        {
            case SaveResult.Saved saved:
                TempData["Message"] = text["Saved."];
                return Redirect($"/Registry/Lodging/{saved.Id}");
            case SaveResult.Invalid invalid:
                foreach (var (field, code) in invalid.Errors) Errors.TryAdd(field, code);
                await LoadChoicesAsync(ct);
                return Page();
            default:
                return NotFound();
        }
    }

    /// <summary>Only the communes the user may register houses in (a commune officer sees just their own).</summary>
    private async Task LoadChoicesAsync(CancellationToken ct) =>
        Communes = editor.Allowed(await places.ChoicesAsync(AdminLevel.Commune, ct));
}
