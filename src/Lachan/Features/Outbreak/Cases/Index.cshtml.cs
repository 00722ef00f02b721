using Lachan.Features.Registry.Contracts;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Cases;

/// <summary>The case list. Its filters carry no personal data, so they stay in the URL.</summary>
public sealed class IndexModel(CaseList list, CaseScope cases, LachanDb db, Jurisdiction scope, AuditLog audit) : PageModel
{
    /// <summary>The day the list answers for (dd/MM/yyyy); empty is the province's today.</summary>
    [BindProperty(SupportsGet = true)] public string? Date { get; set; }
    [BindProperty(SupportsGet = true)] public CaseOutcome? Outcome { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public int? EnterpriseId { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }
    public FieldErrors Errors { get; } = new();
    public Paged<CaseRow> Result { get; private set; } = new([], 0, 1, Paging.DefaultSize);
    public IReadOnlyList<(int Id, string Name)> Enterprises { get; private set; } = [];
    public bool CanWrite => cases.CanWrite;

    private CaseListQuery Query => new()
    {
        Date = Dates.Parse(Date, nameof(Date), Errors), Outcome = Outcome, From = Dates.Parse(From, nameof(From), Errors), To = Dates.Parse(To, nameof(To), Errors),
        EnterpriseId = EnterpriseId, PageNumber = PageNumber,
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!cases.CanRead) return Forbid();
        Result = await list.RunAsync(Query, ct);
        var visible = cases.Cases();   // enterprises that employed a case's worker on the confirmation date, as the list filters
        Enterprises = (await scope.Enterprises(db.Set<Enterprise>().AsNoTracking())
            .Where(e => db.Set<Employment>().Any(j => j.EnterpriseId == e.Id && visible.Any(c => c.WorkerId == j.WorkerId && j.From <= c.ConfirmedOn && (j.To == null || j.To > c.ConfirmedOn))))
            .OrderBy(e => e.NameSearch).Select(e => new { e.Id, e.Name }).ToListAsync(ct)).Select(e => (e.Id, e.Name)).ToList();
        return Page();
    }

    /// <summary>The same filters and access as the list, every page of it. A list of health records is personal data:
    /// its export is audited like a view (with the filters and the number of cases, not the people).</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (!cases.CanRead) return Forbid();
        if (!ListExport.TryParseFormat(format, out var fmt)) return BadRequest();
        var query = Query;
        // an unreadable date would widen the export beyond what the user asked for
        if (!Errors.Ok) return BadRequest();
        var rows = await list.ExportAsync(query, ct);
        audit.Record("export", "CaseList", null, after: new { fmt, Filter = new { query.Date, Outcome, query.From, query.To, EnterpriseId }, Rows = rows.Count });
        await db.SaveChangesAsync(ct);
        await ListExport.WriteAsync(Response, "ca-benh", fmt, rows, Columns, ct);
        return new EmptyResult();
    }

    /// <summary>Exports are in Vietnamese whatever the UI language, like the registry's.</summary>
    public static readonly IReadOnlyList<ListExport.Column<CaseExportRow>> Columns =
    [
        new("Mã bệnh nhân", c => c.Code),
        new("Họ và tên", c => c.FullName),
        new("Số CCCD", c => c.Cccd),
        new("Ngày khẳng định", c => c.ConfirmedOn),
        new("Loại xét nghiệm", c => c.TestKind),
        new("Ngày xét nghiệm", c => c.TestDate),
        new("Nơi xét nghiệm", c => c.TestPlace),
        new("Nơi điều trị", c => c.TreatmentPlace),
        new("Kết quả điều trị", c => c.Outcome switch
        {
            CaseOutcome.Active => "Đang điều trị", CaseOutcome.Recovered => "Khỏi bệnh", CaseOutcome.Transferred => "Chuyển viện", CaseOutcome.Died => "Tử vong", _ => null,
        }),
        new("Ngày kết quả", c => c.OutcomeOn),
        new("Doanh nghiệp", c => c.Enterprise),
    ];
}
