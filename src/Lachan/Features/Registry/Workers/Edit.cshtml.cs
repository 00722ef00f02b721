using System.Globalization;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Registry.Workers;

/// <summary>Registers a worker (with employer and lodging) or corrects a worker's identity.</summary>
public sealed class EditModel(WorkerEditor editor, LachanDb db, Jurisdiction scope, LodgingChoices lodgings) : PageModel
{
    /// <summary>What the form posts: text, so a wrongly typed date is reported on its field rather than lost.</summary>
    public sealed class Input
    {
        public string? Cccd { get; set; }
        public string? FullName { get; set; }
        public Sex? Sex { get; set; }
        public string? DateOfBirth { get; set; }
        public string? Phone { get; set; }
        public string? Cmnd { get; set; }
        public string? BhxhNumber { get; set; }
        public string? PermanentAddress { get; set; }
        public int? EnterpriseId { get; set; }
        public string? HiredOn { get; set; }
        public ContractType? ContractType { get; set; }
        public string? Workshop { get; set; }
        public int? LodgingHouseId { get; set; }
    }

    [BindProperty] public Input Form { get; set; } = new();
    public int? Id { get; private set; }
    public FieldErrors Errors { get; private set; } = new();
    public IReadOnlyList<(int Id, string Name)> Enterprises { get; private set; } = [];
    /// <summary>For a role without the lodging list (HR): the houses it may choose, as suggestions.</summary>
    public IReadOnlyList<(int Id, string Name)> Lodgings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is int existing)
        {
            var w = await scope.Workers(db.Set<Worker>().AsNoTracking()).FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (w is null) return NotFound();
            Form = new Input
            {
                Cccd = w.Cccd, FullName = w.FullName, Sex = w.Sex, DateOfBirth = w.DateOfBirth.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                Phone = w.Phone, Cmnd = w.Cmnd, BhxhNumber = w.BhxhNumber, PermanentAddress = w.PermanentAddress,
            };
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var errors = new FieldErrors();
        var form = new WorkerForm
        {
            Cccd = Form.Cccd, FullName = Form.FullName, Sex = Form.Sex, DateOfBirth = Dates.Parse(Form.DateOfBirth, nameof(Form.DateOfBirth), errors),
            Phone = Form.Phone, Cmnd = Form.Cmnd, BhxhNumber = Form.BhxhNumber, PermanentAddress = Form.PermanentAddress,
            EnterpriseId = Form.EnterpriseId, HiredOn = Dates.Parse(Form.HiredOn, nameof(Form.HiredOn), errors),
            ContractType = Form.ContractType, Workshop = Form.Workshop, LodgingHouseId = Form.LodgingHouseId,
        };
        SaveResult result;
        if (errors.Ok)
            result = id is int existing ? await editor.UpdateAsync(existing, form, ct) : await editor.CreateAsync(form, ct);
        else
        {
            // Report every wrong field at once, not only the unreadable dates.
            foreach (var (field, code) in form.Validate(creating: id is null)) errors.TryAdd(field, code);
            result = new SaveResult.Invalid(errors);
        }
        switch (result)
        {
            case SaveResult.Recorded:
                TempData["Message"] = HttpContext.RequestServices.GetRequiredService<Lachan.Infrastructure.Localization.UiText>()["Worker.HireRecorded"];
                return Redirect("/Registry/Workers");
            case SaveResult.Saved saved:
                TempData["Message"] = HttpContext.RequestServices.GetRequiredService<Lachan.Infrastructure.Localization.UiText>()["Saved."];
                return Redirect($"/Registry/Workers/{saved.Id}");
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
        if (Id is null)
            Enterprises = (await scope.Enterprises(db.Set<Enterprise>().AsNoTracking()).OrderBy(e => e.NameSearch)
                .Select(e => new { e.Id, e.Name }).ToListAsync(ct)).Select(e => (e.Id, e.Name)).ToList();
        if (Id is null && !scope.Can(RegistryAreas.Lodging, Access.Read))
            Lodgings = (await lodgings.Selectable().AsNoTracking().OrderBy(l => l.NameSearch).Take(200)
                .Select(l => new { l.Id, l.Name }).ToListAsync(ct)).Select(l => (l.Id, l.Name)).ToList();
    }
}
