using Lachan.Features.Registry.Workers;
using Lachan.Infrastructure;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Lachan.Infrastructure.Calendar;

namespace Lachan.Features.Outbreak.Testing;

/// <summary>Periodic screening schedules: the list, and (health roles that write) a new schedule for an enterprise of the
/// user's jurisdiction. The same handler as POST /api/v1/screening-schedules.</summary>
public sealed class SchedulesModel(ScreeningSchedules schedules, TestingScope testing, UiText text, ProvinceCalendar calendar) : PageModel
{
    public sealed class Input
    {
        public int? EnterpriseId { get; set; }
        public string? IntervalDays { get; set; }
        public string? From { get; set; }
        public string? To { get; set; }
    }

    [BindProperty] public Input Form { get; set; } = new();
    public FieldErrors Errors { get; } = new();
    public IReadOnlyList<ScheduleRow> Rows { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Enterprises { get; private set; } = [];
    public bool CanWrite => testing.CanWrite;
    /// <summary>The screening rule's interval today: what an empty interval becomes (for a schedule starting today).</summary>
    public int? RuleInterval { get; private set; }

    /// <summary>EnterpriseId preselects the enterprise (a link from the screening due list).</summary>
    public async Task<IActionResult> OnGetAsync(int? enterpriseId, CancellationToken ct)
    {
        if (!testing.CanRead) return Forbid();
        Form.EnterpriseId = enterpriseId;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!testing.CanWrite) return Forbid();
        int? interval = null;
        if (!string.IsNullOrWhiteSpace(Form.IntervalDays))
        {
            if (int.TryParse(Form.IntervalDays.Trim(), out var days)) interval = days;
            else Errors.TryAdd(nameof(Form.IntervalDays), "Testing.IntervalRange");
        }
        var form = new ScheduleForm
        {
            EnterpriseId = Form.EnterpriseId, IntervalDays = interval,
            From = Dates.Parse(Form.From, nameof(Form.From), Errors), To = Dates.Parse(Form.To, nameof(Form.To), Errors),
        };
        // every wrong field at once: the handler's own checks run on what could be read
        var result = Errors.Ok ? await schedules.CreateAsync(form, ct) : new SaveResult.Invalid(ScreeningSchedules.Validate(await schedules.WithRuleIntervalAsync(form, ct)));
        switch (result)
        {
            case SaveResult.Saved:
                TempData["Message"] = text["Saved."];
                return Redirect("/Outbreak/Testing/Schedules");
            case SaveResult.Invalid invalid:
                // TryAdd: a date or number that could not be read stays reported as such, not as "required"
                foreach (var (field, code) in invalid.Errors) Errors.TryAdd(field, code);
                await LoadAsync(ct);
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rows = await schedules.ListAsync(ct);
        RuleInterval = await schedules.IntervalInForceAsync(calendar.Today, ct);
        if (CanWrite)
            Enterprises = (await testing.Enterprises().AsNoTracking().OrderBy(e => e.NameSearch).Select(e => new { e.Id, e.Name }).ToListAsync(ct))
                .Select(e => (e.Id, e.Name)).ToList();
    }
}
