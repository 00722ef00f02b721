using Lachan.Features.Registry.Contracts;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Registry.Enterprises;

/// <summary>Facts, status history, current workers (first page) and, for those who may change it, the status form.</summary>
public sealed class DetailModel(EnterpriseDetail details, EnterpriseStatusEditor statuses, WorkerSearch workers, IEnumerable<IEnterpriseSection> sections,
    Jurisdiction scope, UiText text) : PageModel
{
    public const int WorkersShown = 20;

    public sealed class StatusInput
    {
        public EnterpriseStatus? Status { get; set; }
        public string? From { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty] public StatusInput StatusForm { get; set; } = new();
    public EnterpriseDetailData Enterprise { get; private set; } = null!;
    public Paged<WorkerRow>? Workers { get; private set; }
    /// <summary>Other modules' blocks (e.g. when outbreak orders stopped the enterprise), as partial and model.</summary>
    public IReadOnlyList<(string Partial, object Model)> Sections { get; private set; } = [];
    public FieldErrors Errors { get; private set; } = new();
    public bool CanEdit => scope.Can(RegistryAreas.Enterprises, Access.Write);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostStatusAsync(int id, CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        var errors = new FieldErrors();
        var form = new EnterpriseStatusForm
        {
            Status = StatusForm.Status, Reason = StatusForm.Reason,
            From = Dates.Parse(StatusForm.From, nameof(StatusForm.From), errors),
        };
        // A mistyped date is reported together with the other fields' errors, not alone.
        foreach (var (field, code) in errors.Ok ? [] : statuses.Validate(form)) errors.TryAdd(field, code);
        var result = errors.Ok ? await statuses.ChangeAsync(id, form, ct) : new SaveResult.Invalid(errors);
        switch (result)
        {
            case SaveResult.Saved:
                TempData["Message"] = text["Status changed."];
                return Redirect($"/Registry/Enterprises/{id}");
            case SaveResult.Invalid invalid:
                foreach (var (field, code) in invalid.Errors) Errors.TryAdd(field, code);
                return await LoadAsync(id, ct) ? Page() : NotFound();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await details.LoadAsync(id, ct) is not { } enterprise) return false;
        Enterprise = enterprise;
        var f = enterprise.Facts;
        var entity = new Enterprise
        {
            Id = f.Id, TaxCode = f.TaxCode, Name = f.Name, NameSearch = "", IndustrialZoneId = f.ZoneId, CommuneCode = f.CommuneCode,
            DistrictCode = f.DistrictCode, ProvinceCode = f.ProvinceCode,
        };
        var shown = new List<(string, object)>();
        foreach (var section in sections.OrderBy(s => s.Order))
            if (await section.LoadAsync(entity, ct) is { } model)
                shown.Add((section.PartialName, model));
        Sections = shown;
        if (scope.Can(RegistryAreas.Workers, Access.Read))
            Workers = await workers.RunAsync(new WorkerSearchQuery { EnterpriseId = id, PageSize = WorkersShown }, ct);
        return true;
    }
}
