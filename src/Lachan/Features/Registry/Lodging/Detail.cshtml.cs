using Lachan.Features.Registry.Contracts;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Registry.Lodging;

public sealed class DetailModel(LodgingDetail details, WorkerSearch workers, Jurisdiction scope) : PageModel
{
    public const int ResidentsShown = 20;

    public LodgingDetailData House { get; private set; } = null!;
    public Paged<WorkerRow>? Residents { get; private set; }
    public bool CanEdit => scope.Can(RegistryAreas.Lodging, Access.Write);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await details.LoadAsync(id, ct) is not { } house) return NotFound();
        House = house;
        if (scope.Can(RegistryAreas.Workers, Access.Read))
            Residents = await workers.RunAsync(new WorkerSearchQuery { LodgingHouseId = id, PageSize = ResidentsShown }, ct);
        return Page();
    }
}
