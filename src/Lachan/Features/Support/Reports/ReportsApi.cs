using Lachan.Features.Shared;
using Lachan.Features.Support.Contracts;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Localization;
using MiniExcelLibs;

namespace Lachan.Features.Support.Reports;

/// <summary>/api/v1/support/reports: the support figures by policy, district, IZ, enterprise or state, with the headline
/// figures, as JSON or as an xlsx; the caller's lists only (the SupportLists area and its jurisdiction).</summary>
public static class ReportsApi
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapSupportReports(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/support/reports").WithTags("Support: reports").RequireArea(SupportAreas.Lists, Access.Read);
        g.MapGet("/", async (string? by, SupportReports reports, ApiErrors errors, CancellationToken ct) =>
                Parse(by) is { } b ? Results.Ok(await reports.BuildAsync(b, ct)) : errors.Validation(new FieldErrors { ["By"] = "SupportReport.ByInvalid" }))
            .WithSummary("Lists, workers, approved, amount approved, paid and returned (whole đồng) by policy, district, zone, enterprise or status (by=…, default policy), their total, and the headline figures: the share of applicants approved and the amount paid under Resolution 68 and Decision 08.")
            .Produces<SupportReport>().ProducesValidationProblem();
        g.MapGet("/export", async (string? by, SupportReports reports, UiText text, ApiErrors errors, CancellationToken ct) =>
                Parse(by) is { } b
                    ? Results.File(await XlsxAsync(await reports.BuildAsync(b, ct), text, ct), XlsxType, $"bao-cao-ho-tro-{b.ToString().ToLowerInvariant()}.xlsx")
                    : errors.Validation(new FieldErrors { ["By"] = "SupportReport.ByInvalid" }))
            .WithSummary("The same report as an xlsx: one sheet of the groups with a total line, one of the headline figures.")
            .Produces(StatusCodes.Status200OK, contentType: XlsxType).ProducesValidationProblem();
        return api;
    }

    public static ReportBy? Parse(string? by) =>
        string.IsNullOrWhiteSpace(by) ? ReportBy.Policy : Enum.TryParse<ReportBy>(by.Trim(), true, out var b) && Enum.IsDefined(b) ? b : null;

    /// <summary>Headers in the reader's language; the amounts as numbers, so the sheet sums them.</summary>
    public static async Task<byte[]> XlsxAsync(SupportReport report, UiText t, CancellationToken ct)
    {
        Dictionary<string, object?> Line(ReportRow r) => new()
        {
            [t["SupportReport.By." + report.By]] = r.Key, [t["SupportReport.Lists"]] = r.Lists, [t["SupportReport.Workers"]] = r.Workers,
            [t["SupportReport.Approved"]] = r.Approved, [t["SupportReport.AmountApproved"]] = r.AmountApproved, [t["SupportReport.AmountPaid"]] = r.AmountPaid,
            [t["SupportReport.AmountReturned"]] = r.AmountReturned,
        };
        var h = report.Headline;
        var sheets = new Dictionary<string, object>
        {
            [Sheet(t["SupportReport.By." + report.By])] = report.Rows.Select(Line).Append(Line(report.Total with { Key = t["SupportReport.Total"] })).ToList(),
            [Sheet(t["SupportReport.Headline"])] = new List<Dictionary<string, object?>>
            {
                new()
                {
                    [t["SupportReport.Applicants"]] = h.Applicants, [t["SupportReport.ApprovedApplicants"]] = h.ApprovedApplicants,
                    [t["SupportReport.ShareApproved"]] = h.ShareApproved, [t["SupportReport.PaidResolution68"]] = h.PaidResolution68,
                    [t["SupportReport.PaidDecision08"]] = h.PaidDecision08, [t["SupportReport.AmountPaid"]] = h.PaidTotal,
                },
            },
        };
        using var buffer = new MemoryStream();
        await MiniExcel.SaveAsAsync(buffer, sheets, cancellationToken: ct);
        return buffer.ToArray();
    }

    /// <summary>Excel allows 31 characters and no []:*?/\ in a sheet's name.</summary>
    private static string Sheet(string name)
    {
        var clean = new string([.. name.Where(c => "[]:*?/\\".IndexOf(c) < 0)]);
        return clean.Length > 31 ? clean[..31] : clean;
    }
}
