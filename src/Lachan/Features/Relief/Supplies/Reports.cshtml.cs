using Lachan.Infrastructure.Calendar;
using Lachan.Features.Shared;
using Lachan.Infrastructure;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Relief.Supplies;

/// <summary>Goods and money in and out per day over a period (at most a year), on screen or as xlsx/csv.</summary>
public sealed class ReportsModel(SupplyReport report, AuditLog audit, Infrastructure.Data.LachanDb db, UiText text, ProvinceCalendar calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    public IReadOnlyList<ReportDay> Days { get; private set; } = [];
    public FieldErrors Errors { get; } = new();
    public DateOnly FromDay { get; private set; }
    public DateOnly ToDay { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Check()) Days = await report.DaysAsync(FromDay, ToDay, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (!Check() || !ListExport.TryParseFormat(format, out var f)) return BadRequest();
        var days = await report.DaysAsync(FromDay, ToDay, ct);
        audit.Record("export", "SupplyReport", null, after: new { From = FromDay.ToString("yyyy-MM-dd"), To = ToDay.ToString("yyyy-MM-dd"), Rows = days.Count });
        await db.SaveChangesAsync(ct);
        await ListExport.WriteAsync<ReportDay>(Response, "hang-tien-cuu-tro", f, days,
        [
            new(text["Day"], d => d.Day), new(text["Money in"], d => d.MoneyIn), new(text["Money out"], d => d.MoneyOut),
            new(text["Goods in (value)"], d => d.GoodsIn), new(text["Goods out (value)"], d => d.GoodsOut),
        ], ct);
        return new EmptyResult();
    }

    private bool Check()
    {
        (FromDay, ToDay) = QueryDate.Period(ModelState, From, To, calendar.Today, 30, SupplyReport.MaxDays, Errors);
        return Errors.Ok;
    }
}
