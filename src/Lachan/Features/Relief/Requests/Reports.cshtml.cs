using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Calendar;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Relief.Requests;

/// <summary>The relief dashboard and the steering committee's report: the share of newly affected workers reached within
/// 48 hours (by commune), and the requests of a period by need, status and commune with the time to delivery; xlsx and
/// pdf. Desks only (a volunteer's view is their own stops); the 48-hour share also needs the registry's workers.</summary>
public sealed class ReportsModel(RequestReport report, ReachShare reach, RequestScope scope, Jurisdiction jurisdiction, UiText text,
    ProvinceCalendar calendar, AuditLog audit, LachanDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    public DateOnly FromDay { get; private set; }
    public DateOnly ToDay { get; private set; }
    public RequestFigures? Figures { get; private set; }
    public ReachResult? Reach { get; private set; }
    /// <summary>Why the 48-hour share is not shown (a period too long for it), or null.</summary>
    public string? ReachNote { get; private set; }
    public FieldErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (scope.IsVolunteer) return Forbid();
        if (Check()) await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (scope.IsVolunteer) return Forbid();
        if (format is not ("xlsx" or "pdf") || !Check()) return BadRequest();
        await LoadAsync(ct);
        audit.Record("export", "HelpRequestReport", null, after: new { From = FromDay.ToString("yyyy-MM-dd"), To = ToDay.ToString("yyyy-MM-dd"), Format = format });
        await db.SaveChangesAsync(ct);
        var name = $"bao-cao-ho-tro-{FromDay:yyyyMMdd}-{ToDay:yyyyMMdd}.{format}";
        return format == "pdf"
            ? File(RequestReportFiles.Pdf(Figures!, Reach, text), "application/pdf", name)
            : File(await RequestReportFiles.XlsxAsync(Figures!, Reach, text, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Figures = await report.RunAsync(FromDay, ToDay, ct);
        if (!jurisdiction.Can(RegistryAreas.Workers, Access.Read)) return;
        if (ToDay.DayNumber - FromDay.DayNumber >= ReachShare.MaxDays) ReachNote = text["The 48-hour share is shown for periods of at most {0} days.", ReachShare.MaxDays];
        else Reach = await reach.RunAsync(FromDay, ToDay, calendar.Today, ct);
    }

    private bool Check()
    {
        (FromDay, ToDay) = QueryDate.Period(ModelState, From, To, calendar.Today, 14, RequestReport.MaxDays, Errors);
        return Errors.Ok;
    }
}
