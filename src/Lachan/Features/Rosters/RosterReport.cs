using Lachan.Features.Shared;
using MiniExcelLibs;

namespace Lachan.Features.Rosters;

/// <summary>The full report of a roster: every input row with its status and message, written beside the upload
/// when the preview is made (it is also what a commit writes).</summary>
public static class RosterReport
{
    public static string PathFor(string storedPath) => Path.ChangeExtension(storedPath, ".report.xlsx");

    private static readonly Dictionary<PlanKind, string> Status = new()
    {
        [PlanKind.New] = "Thêm mới / New",
        [PlanKind.Update] = "Cập nhật / Updated",
        [PlanKind.Unchanged] = "Không đổi / Unchanged",
        [PlanKind.Rehire] = "Vào làm lại / Rehired",
        [PlanKind.Transfer] = "Đang làm ở DN khác – cần xem xét / Employed elsewhere – review",
    };

    /// <summary>One line of the report. The lines are sorted as these small records and turned into the sheet's
    /// rows only as the sheet is written: 500,000 rows held as dictionaries during the sort took ~150 MB.</summary>
    private sealed record Line(int? Row, string? Cccd, string? FullName, string Status, string? Message);

    public static async Task WriteAsync(string path, RosterPlan plan, CancellationToken ct)
    {
        var text = new Infrastructure.Localization.UiText();
        var warnings = plan.Warnings.ToLookup(w => w.RowNumber);
        var planned = plan.Rows.Select(r => r.Row.RowNumber).ToHashSet();
        var lines = plan.Rows.Select(p => new Line(p.Row.RowNumber, p.Row.Cccd, p.Row.FullName,
                Status[p.Kind] + (p.MovesLodging ? " + chuyển nhà trọ / moved lodging" : ""),
                string.Join("; ", (RosterPreview.OutsideImporter(p.Kind) ? [] : p.Changes).Select(c => $"{c.Field}: {c.Before} → {c.After}").Concat(warnings[p.Row.RowNumber].Select(w => text[w.Code])))))
            .Concat(plan.Parsed.Errors.GroupBy(e => e.RowNumber).Select(g => new Line(g.Key, null, null, "Lỗi / Error",
                string.Join("; ", g.Select(e => $"{e.Column}: {text[e.Code, e.Value ?? ""]}" + (e.Value is null ? "" : $" [{e.Value}]"))))))
            .Concat(plan.Parsed.MergedRows.Select(m => new Line(m.Row, null, null, "Trùng lặp – đã gộp / Duplicate – merged",
                $"Giống dòng {m.SameAs} / Same as row {m.SameAs}")))
            .Concat(plan.Warnings.Where(w => !planned.Contains(w.RowNumber)).Select(w => new Line(w.RowNumber, null, null, "Bỏ qua / Skipped", text[w.Code])))
            .OrderBy(l => l.Row)
            .Concat(plan.Leaving.Select(l => new Line(null, l.Cccd, l.FullName, "Nghỉ việc (không có trong danh sách) / Left (not on the roster)", null)))
            .Select(l => new Dictionary<string, object?>
            {
                ["Dòng / Row"] = l.Row,
                ["Số CCCD"] = l.Cccd,
                ["Họ và tên"] = l.FullName,
                ["Trạng thái / Status"] = l.Status,
                ["Thông báo / Message"] = l.Message,
            });
        await using var file = RosterStorage.Create(path);
        await MiniExcel.SaveAsAsync(file, lines, cancellationToken: ct);
    }
}
