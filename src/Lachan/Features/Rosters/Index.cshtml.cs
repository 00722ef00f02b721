using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Lachan.Infrastructure.Calendar;

namespace Lachan.Features.Rosters;

/// <summary>Upload a roster for an enterprise the user may act for, and the recent imports.</summary>
[RequestSizeLimit(200L * 1024 * 1024)] // the configured limit (default 100 MB) is checked and reported by RosterUpload
[RequestFormLimits(MultipartBodyLengthLimit = 200L * 1024 * 1024)]
public sealed class IndexModel(RosterUpload upload, LachanDb db, ProvinceCalendar calendar) : PageModel
{
    public sealed record ImportLine(Guid Id, string Enterprise, string FileName, DateOnly AsOf, ImportStatus Status, DateTime CreatedAt, string CreatedBy);

    [BindProperty] public int? EnterpriseId { get; set; }
    [BindProperty] public string? AsOf { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    public FieldErrors Errors { get; private set; } = new();
    public IReadOnlyList<(int Id, string Name)> Enterprises { get; private set; } = [];
    public IReadOnlyList<ImportLine> Recent { get; private set; } = [];
    public long MaxMegabytes => upload.MaxBytes / 1024 / 1024;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        AsOf ??= calendar.Today.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var dateErrors = new FieldErrors();
        var asOf = Dates.Parse(AsOf, nameof(AsOf), dateErrors);
        await using var stream = Upload?.OpenReadStream();
        var result = dateErrors.Ok
            ? await upload.CreateAsync(EnterpriseId, asOf, Upload?.FileName, Upload?.Length ?? 0, stream, ct)
            : new RosterUpload.Result.Invalid(dateErrors);
        if (result is RosterUpload.Result.Queued q) return Redirect($"/Rosters/{q.Id}");
        Errors = ((RosterUpload.Result.Invalid)result).Errors;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var enterprises = upload.Enterprises();
        Enterprises = (await enterprises.OrderBy(e => e.NameSearch).Select(e => new { e.Id, e.Name }).ToListAsync(ct)).Select(e => (e.Id, e.Name)).ToList();
        if (Enterprises.Count == 1) EnterpriseId ??= Enterprises[0].Id;
        Recent = await db.Set<RosterImport>().Where(i => enterprises.Any(e => e.Id == i.EnterpriseId))
            .OrderByDescending(i => i.CreatedAt).Take(20)
            .Select(i => new ImportLine(i.Id, db.Set<Enterprise>().Where(e => e.Id == i.EnterpriseId).Select(e => e.Name).First(), i.FileName, i.AsOf, i.Status, i.CreatedAt, i.CreatedBy))
            .ToListAsync(ct);
    }
}
