using Lachan.Features.Shared;
using Lachan.Infrastructure.Calendar;
using Lachan.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Support.Policies;

/// <summary>One policy: its versions with their values, and (for the province) a form to add a version from a date,
/// filled with the current values.</summary>
public sealed class DetailModel(PolicyVersions policies, UiText text, ProvinceCalendar calendar) : PageModel
{
    [BindProperty] public PolicyVersionInput Form { get; set; } = new();
    public FieldErrors Errors { get; } = new();
    public SupportPolicy Policy { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public bool CanWrite => policies.CanWrite;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!policies.CanRead) return Forbid();
        if (!await LoadAsync(id, ct)) return NotFound();
        if (PolicyVersions.Current(Policy, Today) is { } current) Form = PolicyVersionInput.From(current);
        Form.EffectiveFrom = null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!policies.CanWrite) return Forbid();
        var result = await policies.AddAsync(id, Form, ct);
        if (result is SaveResult.NotFound) return NotFound();
        if (result is SaveResult.Saved)
        {
            TempData["Message"] = text["Saved."];
            return Redirect($"/Support/Policies/{id}");
        }
        if (result is SaveResult.Invalid invalid) Errors.AddAll(invalid.Errors);
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Today = calendar.Today;
        if (await policies.GetAsync(id, ct) is not { } p) return false;
        Policy = p;
        return true;
    }
}
