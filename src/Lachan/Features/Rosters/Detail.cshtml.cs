using Lachan.Features.Shared;
using Lachan.Features.Registry.Contracts;
using System.Text.Json;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Rosters;

/// <summary>One import: progress while a job runs, then the preview (counts, samples, errors, column mapping to adjust)
/// and the commit, then the outcome with the full report.</summary>
public sealed class DetailModel(RosterUpload upload, RosterJobs jobs, RosterImports imports, RosterCommitStart start, LachanDb db, AuditLog audit, Jurisdiction scope, CurrentUser user) : PageModel
{
    /// <summary>A role that may not write workers is refused every handler (403), as on the upload page.</summary>
    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        if (!scope.Can(RegistryAreas.Workers, Access.Write)) context.Result = Forbid();
    }

    public RosterImport Import { get; private set; } = null!;
    public RostersApi.ImportState State { get; private set; } = null!;
    public string EnterpriseName { get; private set; } = "";
    public bool Running => Import.Status is ImportStatus.Uploaded or ImportStatus.Previewing or ImportStatus.Committing;

    /// <summary>What the user must confirm before committing (the number of leavers), or null.</summary>
    public LeaversToConfirm? Confirmation { get; private set; }
    /// <summary>Set when a commit was refused for want of that confirmation.</summary>
    public bool ConfirmationMissing { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await upload.FindAsync(id, ct) is { } import ? await ShowAsync(import, ct) : NotFound();

    private async Task<IActionResult> ShowAsync(RosterImport import, CancellationToken ct)
    {
        Import = import;
        State = RostersApi.State(import, jobs);
        EnterpriseName = await db.Set<Enterprise>().Where(e => e.Id == import.EnterpriseId).Select(e => e.Name).FirstAsync(ct);
        if (import.Status == ImportStatus.Previewed && State.Preview is { } p) Confirmation = start.ConfirmationFor(p);
        if (State.Preview is { } shown && RosterPreviewAudit.IsViewOf(import)) await audit.ViewedAsync(import.Id.ToString(), shown, "page", ct);
        return Page();
    }

    public async Task<IActionResult> OnGetProgressAsync(Guid id, CancellationToken ct) =>
        await upload.FindAsync(id, ct) is { } i
            ? new JsonResult(new { status = i.Status.ToString(), progress = jobs.ProgressOf(i), running = i.Status is ImportStatus.Uploaded or ImportStatus.Previewing or ImportStatus.Committing })
            : NotFound();

    /// <summary>Commits; the form's confirmLeavers checkbox carries the number of leavers it states.</summary>
    public async Task<IActionResult> OnPostCommitAsync(Guid id, int? confirmLeavers, CancellationToken ct)
    {
        if (await upload.FindAsync(id, ct) is not { } i) return NotFound();
        if (await start.StartAsync(i, confirmLeavers, ct) is RosterCommitStart.Result.NeedsConfirmation)
        {
            // nothing written: the page again, with the confirmation asked for
            ConfirmationMissing = true;
            return await ShowAsync(i, ct);
        }
        return Redirect($"/Rosters/{id}");
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct)
    {
        if (await upload.FindAsync(id, ct) is null) return NotFound();
        await jobs.CancelAsync(id, ct);
        return Redirect($"/Rosters/{id}");
    }

    /// <summary>The user's column choices: `col{index}` = field name or empty. Remembered for the enterprise.</summary>
    public async Task<IActionResult> OnPostRemapAsync(Guid id, CancellationToken ct)
    {
        if (await upload.FindAsync(id, ct) is not { } i || i.PreviewJson is null) return NotFound();
        var preview = JsonSerializer.Deserialize<RosterPreview>(i.PreviewJson, RosterImports.Json)!;
        var mapping = new Dictionary<string, RosterField>();
        foreach (var column in preview.Columns)
            if (Enum.TryParse<RosterField>(Request.Form[$"col{column.Index}"], out var field))
                mapping[SheetHeaders.Key(column.Header)] = field;
        i.MappingJson = JsonSerializer.Serialize(mapping, RosterImports.Json);
        i.Status = ImportStatus.Uploaded;
        await db.SaveChangesAsync(ct);
        await imports.RememberMappingAsync(i.EnterpriseId, mapping, ct);
        await jobs.EnqueueAsync(id, RosterJobKind.Preview, user.Name, ct);
        return Redirect($"/Rosters/{id}");
    }

    public async Task<IActionResult> OnGetReportAsync(Guid id, CancellationToken ct)
    {
        if (await upload.FindAsync(id, ct) is not { } i || i.StoredPath == "") return NotFound(); // "": past the retention
        var path = RosterReport.PathFor(i.StoredPath);
        if (!System.IO.File.Exists(path)) return NotFound();
        var rows = i.PreviewJson is null ? (int?)null : JsonSerializer.Deserialize<RosterPreview>(i.PreviewJson, RosterImports.Json)!.Rows;
        audit.Record("export", "RosterReport", id, after: new { Rows = rows });   // who, which import, how many rows
        await db.SaveChangesAsync(ct);
        return PhysicalFile(path, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"bao-cao-{Path.GetFileNameWithoutExtension(i.FileName)}.xlsx");
    }
}
