using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Lachan.Infrastructure;
using Lachan.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Lachan.Infrastructure.Calendar;

namespace Lachan.Features.Outbreak.Rules;

/// <summary>The quarantine, pool and screening rules with their periods of force and sources, and a form for each to add a version
/// from a date. Each form has its own errors, so a mistake in one does not mark the other.</summary>
public sealed class IndexModel(RuleVersions rules, UiText text, ProvinceCalendar calendar) : PageModel
{
    public sealed class QuarantineInput
    {
        public RuleSubject? Subject { get; set; }
        public string? Days { get; set; }
        public string? TestDays { get; set; }
        public QuarantinePlace? DefaultPlace { get; set; }
        public string? EffectiveFrom { get; set; }
        public string? Source { get; set; }
    }

    public sealed class PoolInput
    {
        public string? MaxPoolSize { get; set; }
        public string? EffectiveFrom { get; set; }
        public string? Source { get; set; }
    }

    public sealed class ScreeningInput
    {
        public string? IntervalDays { get; set; }
        public string? EffectiveFrom { get; set; }
        public string? Source { get; set; }
    }

    [BindProperty] public QuarantineInput Quarantine { get; set; } = new();
    [BindProperty] public PoolInput Pool { get; set; } = new();
    [BindProperty] public ScreeningInput Screening { get; set; } = new();
    public FieldErrors QuarantineErrors { get; } = new();
    public FieldErrors PoolErrors { get; } = new();
    public FieldErrors ScreeningErrors { get; } = new();
    public RuleSet Rules { get; private set; } = new([], [], []);
    public DateOnly Today { get; private set; }
    public bool CanWrite => rules.CanWrite;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!rules.CanRead) return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostQuarantineAsync(CancellationToken ct)
    {
        if (!rules.CanWrite) return Forbid();
        var q = Quarantine;
        var form = new QuarantineRuleForm
        {
            Subject = q.Subject, Days = Number(q.Days, nameof(q.Days), "Rule.DaysRange", QuarantineErrors), TestDays = q.TestDays, DefaultPlace = q.DefaultPlace,
            EffectiveFrom = Dates.Parse(q.EffectiveFrom, nameof(q.EffectiveFrom), QuarantineErrors), Source = q.Source,
        };
        return await AnswerAsync(await rules.AddQuarantineAsync(form, ct), QuarantineErrors, ct);
    }

    public async Task<IActionResult> OnPostPoolAsync(CancellationToken ct)
    {
        if (!rules.CanWrite) return Forbid();
        var form = new PoolRuleForm
        {
            MaxPoolSize = Number(Pool.MaxPoolSize, nameof(Pool.MaxPoolSize), "Rule.PoolSizeRange", PoolErrors),
            EffectiveFrom = Dates.Parse(Pool.EffectiveFrom, nameof(Pool.EffectiveFrom), PoolErrors), Source = Pool.Source,
        };
        return await AnswerAsync(await rules.AddPoolAsync(form, ct), PoolErrors, ct);
    }

    public async Task<IActionResult> OnPostScreeningAsync(CancellationToken ct)
    {
        if (!rules.CanWrite) return Forbid();
        var form = new ScreeningRuleForm
        {
            IntervalDays = Number(Screening.IntervalDays, nameof(Screening.IntervalDays), "Testing.IntervalRange", ScreeningErrors),
            EffectiveFrom = Dates.Parse(Screening.EffectiveFrom, nameof(Screening.EffectiveFrom), ScreeningErrors), Source = Screening.Source,
        };
        return await AnswerAsync(await rules.AddScreeningAsync(form, ct), ScreeningErrors, ct);
    }

    /// <summary>The handler validates every field; errors already found here (an unreadable date or number) are kept,
    /// and nothing is saved while there are any.</summary>
    private async Task<IActionResult> AnswerAsync(SaveResult result, FieldErrors errors, CancellationToken ct)
    {
        if (result is SaveResult.Saved && errors.Ok)
        {
            TempData["Message"] = text["Saved."];
            return Redirect("/Outbreak/Rules");
        }
        if (result is SaveResult.Invalid invalid)
            foreach (var (field, code) in invalid.Errors) errors.TryAdd(field, code);
        await LoadAsync(ct);
        return Page();
    }

    private static int? Number(string? value, string field, string code, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (int.TryParse(value.Trim(), out var n)) return n;
        errors.TryAdd(field, code);
        return null;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = calendar.Today;
        Rules = await rules.ListAsync(ct);
    }
}
