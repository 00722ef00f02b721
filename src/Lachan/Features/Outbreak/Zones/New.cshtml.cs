using Lachan.Features.Outbreak.Contracts;
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

namespace Lachan.Features.Outbreak.Zones;

/// <summary>Defines a zone. A lodging cluster is picked in two steps: choose the commune (GET), tick its houses.</summary>
public sealed class NewModel(ZoneOrders orders, LachanDb db, PlaceLookup places, UiText text) : PageModel
{
    public sealed class Input
    {
        public ControlZoneKind? Kind { get; set; }
        public string? Name { get; set; }
        public string? IndustrialZoneCode { get; set; }
        public string? CommuneCode { get; set; }
        public string? EnterpriseTaxCode { get; set; }
        public List<int> LodgingHouseIds { get; set; } = [];
    }

    [BindProperty] public Input Form { get; set; } = new();
    public FieldErrors Errors { get; private set; } = new();
    public IReadOnlyList<UnitChoice> Communes { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> IndustrialZones { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name, string Address)> Houses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(ControlZoneKind? kind, string? communeCode, CancellationToken ct)
    {
        Form = new Input { Kind = kind, CommuneCode = communeCode };
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await orders.CreateZoneAsync(new ControlZoneForm
        {
            Kind = Form.Kind, Name = Form.Name, IndustrialZoneCode = Form.IndustrialZoneCode, CommuneCode = Form.CommuneCode,
            EnterpriseTaxCode = Form.EnterpriseTaxCode, LodgingHouseIds = Form.LodgingHouseIds,
        }, ct);
        switch (result)
        {
            case SaveResult.Saved saved:
                TempData["Message"] = text["Saved."];
                return Redirect($"/Outbreak/Zones/{saved.Id}");
            case SaveResult.Invalid invalid:
                Errors = invalid.Errors;
                await LoadChoicesAsync(ct);
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Communes = await places.ChoicesAsync(AdminLevel.Commune, ct);
        IndustrialZones = (await db.Set<IndustrialZone>().AsNoTracking().OrderBy(z => z.Name).Select(z => new { z.Code, z.Name }).ToListAsync(ct))
            .Select(z => (z.Code, z.Name)).ToList();
        if (Form.Kind == ControlZoneKind.LodgingCluster && !string.IsNullOrEmpty(Form.CommuneCode))
            Houses = (await db.Set<LodgingHouse>().AsNoTracking().Where(l => l.CommuneCode == Form.CommuneCode).OrderBy(l => l.Name)
                    .Select(l => new { l.Id, l.Name, l.Address }).ToListAsync(ct))
                .Select(l => (l.Id, l.Name, l.Address)).ToList();
    }
}
