using Lachan.Features.Shared;
using Lachan.Features.Support.Contracts;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Calendar;
using Lachan.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Support.Lists;

/// <summary>One employer list (an audited view: ListQueries.ListAsync) with its rows paged, its disputes and dates,
/// and the form of the step it waits for — shown only to the desk whose step it is (ListScope.MayAct). Every step goes
/// through ListChain: a refusal is shown on the page with its reason, a success redirects (PRG), a list moved
/// meanwhile says so. Outside the caller's jurisdiction: not found.</summary>
public sealed class DetailModel(ListQueries queries, ListChain chain, ListScope scope, Jurisdiction j, ProvinceCalendar calendar, UiText text) : PageModel
{
    public const int PageSize = 100;
    /// <summary>The finding that makes social insurance's default "not insured" for a row.</summary>
    public const string NotInsuredCode = "not-insured-month-before";

    public ListView? List { get; private set; }
    public IReadOnlyList<RowView> Rows { get; private set; } = [];
    /// <summary>Who did what to the list and when (the audit log).</summary>
    public IReadOnlyList<TrailEntry> Trail { get; private set; } = [];
    public int Pages { get; private set; } = 1;
    public FieldErrors Errors { get; private set; } = new();
    public bool MayAct { get; private set; }
    /// <summary>The province pays (PaymentScope.CanWrite; its rule, read here without a reference into Payments).</summary>
    public bool MayPay => j.Can(SupportAreas.Payments, Access.Write) && j.IsProvinceWide;
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNo { get; set; } = 1;
    [BindProperty] public int? RowNo { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public int DisputeId { get; set; }
    [BindProperty] public bool RemoveRow { get; set; }
    /// <summary>Social insurance's answer: every row insured except these row numbers ("1, 5, 7-9").</summary>
    [BindProperty] public string? NotInsured { get; set; }
    [BindProperty] public string? DecisionNo { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>The decision as a pdf: a page handler, since the API takes bearer tokens only.</summary>
    public async Task<IActionResult> OnGetDecisionAsync(int id, CancellationToken ct) =>
        await queries.DecisionPdfAsync(id, ct) is { } file ? File(file.Pdf, "application/pdf", file.FileName) : NotFound();

    public Task<IActionResult> OnPostPostAsync(int id, CancellationToken ct) => After(id, chain.PostAsync(scope.Actor, calendar.Today, id, ct), ct);

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) => After(id, chain.SubmitAsync(scope.Actor, calendar.Today, id, ct), ct);

    public Task<IActionResult> OnPostDisputeAsync(int id, CancellationToken ct) => After(id, chain.DisputeAsync(scope.Actor, calendar.Today, id, RowNo, Text, ct), ct);

    public Task<IActionResult> OnPostResolveAsync(int id, CancellationToken ct) => After(id, chain.ResolveAsync(scope.Actor, calendar.Today, id, DisputeId, Text, RemoveRow, ct), ct);

    public Task<IActionResult> OnPostAppraiseAsync(int id, CancellationToken ct) => After(id, chain.AppraiseAsync(scope.Actor, calendar.Today, id, ct), ct);

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct) => After(id, chain.ApproveAsync(scope.Actor, calendar.Today, id, DecisionNo, ct), ct);

    public Task<IActionResult> OnPostRefuseAsync(int id, CancellationToken ct) => After(id, chain.RefuseAsync(scope.Actor, calendar.Today, id, Text, ct), ct);

    /// <summary>All rows in one submit, however long the list: insured unless named in <see cref="NotInsured"/>.</summary>
    public async Task<IActionResult> OnPostInsuranceAsync(int id, CancellationToken ct)
    {
        if (ParseRows(NotInsured) is not { } excluded)
        {
            Errors = new FieldErrors { ["NotInsured"] = "SupportList.RowNumbersInvalid" };
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        // the row numbers come from the list itself (an audited read of the caller's own jurisdiction, or not found)
        var list = await queries.ListAsync(id, ct);
        if (list is null) return NotFound();
        return await After(id, chain.ConfirmInsuranceAsync(scope.Actor, calendar.Today, id, list.Rows.ToDictionary(r => r.RowNo, r => !excluded.Contains(r.RowNo)), ct), ct);
    }

    private async Task<IActionResult> After(int id, Task<ChainResult> step, CancellationToken ct)
    {
        switch (await step)
        {
            case ChainResult.Done:
                TempData["Message"] = text["Saved."];
                return Redirect($"/Support/Lists/Detail/{id}");
            case ChainResult.Refused r:
                Errors = r.Errors;
                return await LoadAsync(id, ct) ? Page() : NotFound();
            case ChainResult.NotYourStep:
                return Forbid();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        List = await queries.ListAsync(id, ct);
        if (List is null) return false;
        MayAct = scope.MayAct(List.Summary.State);
        Trail = await queries.TrailAsync(id, ct) ?? [];
        Pages = Math.Max(1, (List.Rows.Count + PageSize - 1) / PageSize);
        PageNo = Math.Clamp(PageNo, 1, Pages);
        Rows = [.. List.Rows.Skip((PageNo - 1) * PageSize).Take(PageSize)];
        if (List.Summary.State == ListState.Submitted && NotInsured is null)
            NotInsured = string.Join(", ", List.Rows.Where(r => r.Reasons.Any(x => x.Code == NotInsuredCode)).Select(r => r.RowNo));
        return true;
    }

    /// <summary>"1, 5, 7-9" → {1, 5, 7, 8, 9}; null when a part is not a number or a range.</summary>
    public static HashSet<int>? ParseRows(string? text)
    {
        var rows = new HashSet<int>();
        foreach (var part in (text ?? "").Split([',', ';', ' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            var ends = part.Split('-');
            if (ends.Length > 2 || !int.TryParse(ends[0], out var from) || !int.TryParse(ends[^1], out var to) || from < 1 || to < from || to - from > 100_000) return null;
            for (var n = from; n <= to; n++) rows.Add(n);
        }
        return rows;
    }
}
