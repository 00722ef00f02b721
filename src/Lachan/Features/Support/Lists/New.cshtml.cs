using Lachan.Features.Shared;
using Lachan.Features.Support.Policies;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Support.Lists;

/// <summary>HR (or the steering committee) builds a draft list for a policy and month: from the enterprise's roster in
/// one click, or from its own file (a refused file shows every row's error and writes nothing); and drafts the lists
/// events call for in a month (ListCandidates). Success goes to the new list.</summary>
[RequestSizeLimit(ListsApi.MaxFileBytes + 1024 * 1024)]
public sealed class NewModel(ListBuilder builder, ListCandidates candidates, ListScope scope, LachanDb db) : PageModel
{
    [BindProperty] public string? PolicyCode { get; set; }
    [BindProperty] public string? TaxCode { get; set; }
    [BindProperty] public string? Month { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    public FieldErrors Errors { get; private set; } = new();
    public IReadOnlyList<FileError> FileErrors { get; private set; } = [];
    public IReadOnlyList<Drafted>? Drafted { get; private set; }
    public IReadOnlyList<SupportPolicy> Policies { get; private set; } = [];
    /// <summary>HR builds for its own enterprise only; the steering committee names the enterprise.</summary>
    public bool OwnEnterprise => scope.Role == Role.EnterpriseHr;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!scope.MayAct(ListState.Draft)) return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRosterAsync(CancellationToken ct)
    {
        if (!scope.MayAct(ListState.Draft)) return Forbid();
        return await After(await builder.FromRosterAsync(Target(), ct), ct);
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (!scope.MayAct(ListState.Draft)) return Forbid();
        if (Upload is null || Upload.Length == 0) return await After(new BuildResult.Invalid(new FieldErrors { ["File"] = "SupportList.FileRequired" }), ct);
        if (Upload.Length > ListsApi.MaxFileBytes) return await After(new BuildResult.Invalid(new FieldErrors { ["File"] = "SupportList.FileTooLarge" }), ct);
        var path = Path.GetTempFileName();
        try
        {
            await using (var s = System.IO.File.Create(path)) await Upload.CopyToAsync(s, ct);
            return await After(await builder.FromFileAsync(Target(), path, ct), ct);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    public async Task<IActionResult> OnPostCandidatesAsync(CancellationToken ct)
    {
        if (!scope.MayAct(ListState.Draft)) return Forbid();
        if (ListBuilder.ParseMonth(Month) is not { } month) Errors = new FieldErrors { ["Month"] = "SupportList.MonthInvalid" };
        else Drafted = await candidates.DraftAsync(month, ct);
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>HR's form sends no tax code (its own); one that names another enterprise is refused as not found.</summary>
    private BuildRequest Target() => new(PolicyCode, OwnEnterprise ? TaxCode ?? scope.Scope : TaxCode, Month);

    private async Task<IActionResult> After(BuildResult result, CancellationToken ct)
    {
        switch (result)
        {
            case BuildResult.Created c:
                return Redirect($"/Support/Lists/Detail/{c.ListId}");
            case BuildResult.Invalid i:
                Errors = i.Errors;
                break;
            case BuildResult.FileRefused f:
                Errors = new FieldErrors { ["File"] = "SupportList.FileRefused" };
                FileErrors = f.Errors;
                break;
            default:
                // an enterprise that is not the caller's: the same answer as one that does not exist, and not echoed back
                Errors = new FieldErrors { ["TaxCode"] = "SupportList.EnterpriseNotFound" };
                TaxCode = null;
                break;
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Policies = await db.Set<SupportPolicy>().AsNoTracking().Where(p => p.EmployerForm != null).OrderBy(p => p.Code).ToListAsync(ct);
        if (OwnEnterprise) TaxCode = scope.Scope;
    }
}
