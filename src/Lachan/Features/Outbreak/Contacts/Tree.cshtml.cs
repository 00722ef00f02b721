using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Outbreak.Contacts;

/// <summary>A case, its transmission tree and the suggested contacts (F1 of the case, or F2 of the F1 in "source"),
/// each confirmed or dismissed by the officer.</summary>
public sealed class TreeModel(CaseDetail detail, ContactSuggestions suggestions, ContactDecisions decisions, CaseEditor editor,
    CaseScope cases, UiText text) : PageModel
{
    public sealed class DecisionInput
    {
        public int? WorkerId { get; set; }
        public string? Cccd { get; set; }
        public int? SourceContactId { get; set; }
        public ContactKind? Kind { get; set; }
        public string? LastContactOn { get; set; }
        public QuarantinePlace? PlaceKind { get; set; }
        public string? PlaceText { get; set; }
        /// <summary>A suggestion's button: "workerId:Kind", so one form serves the whole list.</summary>
        public string? Pick { get; set; }
        /// <summary>The suggestions ticked for "confirm the selected", each "workerId:Kind".</summary>
        public List<string> Picks { get; set; } = [];
    }

    [BindProperty(SupportsGet = true)] public int? Source { get; set; }
    [BindProperty] public DecisionInput Decision { get; set; } = new();
    [BindProperty] public CaseOutcome? Outcome { get; set; }
    [BindProperty] public string? OutcomeOn { get; set; }
    public CaseData Case { get; private set; } = null!;
    public Suggestions? Suggested { get; private set; }
    public FieldErrors Errors { get; } = new();
    public bool CanWrite => cases.CanWrite;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!cases.CanRead) return Forbid();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostConfirmAsync(int id, CancellationToken ct)
    {
        if (Decision.Pick is not null || Decision.Picks.Count == 0)
            return await DecideAsync(id, (d, c) => decisions.ConfirmAsync(id, d, c), ct);
        // "confirm the selected": one submit for the ticked rows, all or nothing, back at the list
        if (!cases.CanWrite) return Forbid();
        var lastContactOn = Dates.Parse(Decision.LastContactOn, nameof(Decision.LastContactOn), Errors);
        var all = Decision.Picks.Select(p => p.Split(':')).Where(p => p.Length == 2 && int.TryParse(p[0], out _) && Enum.TryParse<ContactKind>(p[1], out _))
            .Select(p => new ContactDecision
            {
                WorkerId = int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), Kind = Enum.Parse<ContactKind>(p[1]),
                SourceContactId = Decision.SourceContactId, LastContactOn = lastContactOn,
            }).ToList();
        var result = Errors.Ok ? await decisions.ConfirmAllAsync(id, all, ct) : new SaveResult.Invalid(Errors);
        return await AfterAsync(id, result, ct, "#suggestions");
    }

    public async Task<IActionResult> OnPostDismissAsync(int id, CancellationToken ct) =>
        await DecideAsync(id, (d, c) => decisions.DismissAsync(id, d, c), ct);

    public async Task<IActionResult> OnPostOutcomeAsync(int id, CancellationToken ct)
    {
        if (!cases.CanWrite) return Forbid();
        var on = Dates.Parse(OutcomeOn, nameof(OutcomeOn), Errors);
        Errors.AddIf(Outcome is null, nameof(Outcome), "Field.Required");
        var result = Errors.Ok ? await editor.SetOutcomeAsync(id, Outcome!.Value, on, ct) : new SaveResult.Invalid(Errors);
        return await AfterAsync(id, result, ct);
    }

    private async Task<IActionResult> DecideAsync(int id, Func<ContactDecision, CancellationToken, Task<SaveResult>> decide, CancellationToken ct)
    {
        if (!cases.CanWrite) return Forbid();
        var d = Decision;
        if (d.Pick?.Split(':') is [var worker, var kind] && int.TryParse(worker, out var workerId) && Enum.TryParse<ContactKind>(kind, out var k))
            (d.WorkerId, d.Kind) = (workerId, k);
        var decision = new ContactDecision
        {
            WorkerId = d.WorkerId, Cccd = d.Cccd, SourceContactId = d.SourceContactId, Kind = d.Kind,
            LastContactOn = Dates.Parse(d.LastContactOn, nameof(d.LastContactOn), Errors), PlaceKind = d.PlaceKind, PlaceText = d.PlaceText,
        };
        var result = Errors.Ok ? await decide(decision, ct) : new SaveResult.Invalid(Errors);
        return await AfterAsync(id, result, ct);
    }

    private async Task<IActionResult> AfterAsync(int id, SaveResult result, CancellationToken ct, string fragment = "")
    {
        switch (result)
        {
            case SaveResult.Saved:
                TempData["Message"] = text["Saved."];
                return Redirect($"/Outbreak/Cases/{id}" + (Source is int s ? $"?source={s}" : "") + fragment);
            case SaveResult.Invalid invalid:
                Errors.AddAll(invalid.Errors);
                return await LoadAsync(id, ct) ? Page() : NotFound();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await detail.LoadAsync(id, ct) is not { } c) return false;
        Case = c;
        Suggested = await suggestions.ForAsync(id, Source, ct);
        return true;
    }
}
