using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Cases;

/// <summary>The case list. Its filters carry no personal data, so they stay in the URL.</summary>
public sealed class IndexModel(CaseList list, CaseScope cases, LachanDb db, Jurisdiction scope) : PageModel
{
    [BindProperty(SupportsGet = true)] public CaseOutcome? Outcome { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public int? EnterpriseId { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }
    public FieldErrors Errors { get; } = new();
    public Paged<CaseRow> Result { get; private set; } = new([], 0, 1, Paging.DefaultSize);
    public IReadOnlyList<(int Id, string Name)> Enterprises { get; private set; } = [];
    public bool CanWrite => cases.CanWrite;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!cases.CanRead) return Forbid();
        var query = new CaseListQuery
        {
            Outcome = Outcome, From = EditModel.ParseDate(From, nameof(From), Errors), To = EditModel.ParseDate(To, nameof(To), Errors),
            EnterpriseId = EnterpriseId, PageNumber = PageNumber,
        };
        Result = await list.RunAsync(query, ct);
        Enterprises = (await scope.Enterprises(db.Enterprises.AsNoTracking()).Where(e => db.Cases.Any(c => c.Worker!.CurrentEnterpriseId == e.Id))
            .OrderBy(e => e.NameSearch).Select(e => new { e.Id, e.Name }).ToListAsync(ct)).Select(e => (e.Id, e.Name)).ToList();
        return Page();
    }
}
