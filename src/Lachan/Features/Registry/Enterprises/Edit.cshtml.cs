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

namespace Lachan.Features.Registry.Enterprises;

public sealed class EditModel(EnterpriseEditor editor, PlaceLookup places, LachanDb db, Jurisdiction scope, UiText text) : PageModel
{
    [BindProperty] public EnterpriseForm Form { get; set; } = new();
    public int? Id { get; private set; }
    public FieldErrors Errors { get; private set; } = new();
    public IReadOnlyList<(int Id, string Name)> Zones { get; private set; } = [];
    public IReadOnlyList<UnitChoice> Communes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is int existing)
        {
            var e = await scope.Enterprises(db.Set<Enterprise>().AsNoTracking()).FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (e is null) return NotFound();
            Form = new EnterpriseForm
            {
                TaxCode = e.TaxCode, Name = e.Name, IndustrialZoneId = e.IndustrialZoneId, CommuneCode = e.CommuneCode,
                Address = e.Address, Sector = e.Sector, ContactPhone = e.ContactPhone,
            };
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        switch (id is int existing ? await editor.UpdateAsync(existing, Form, ct) : await editor.CreateAsync(Form, ct))
        {
            case SaveResult.Saved saved:
                TempData["Message"] = text["Saved."];
                return Redirect($"/Registry/Enterprises/{saved.Id}");
            case SaveResult.Invalid invalid:
                foreach (var (field, code) in invalid.Errors) Errors.TryAdd(field, code);
                await LoadChoicesAsync(ct);
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Zones = (await scope.Zones(db.Set<IndustrialZone>().AsNoTracking()).OrderBy(z => z.Name).Select(z => new { z.Id, z.Name }).ToListAsync(ct))
            .Select(z => (z.Id, z.Name)).ToList();
        Communes = await places.ChoicesAsync(AdminLevel.Commune, ct);
    }
}
