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

    public static async Task WriteAsync(string path, RosterPlan plan, CancellationToken ct)
    {
        var text = new Infrastructure.Localization.UiText();
        var warnings = plan.Warnings.ToLookup(w => w.RowNumber);
        var planned = plan.Rows.Select(r => r.Row.RowNumber).ToHashSet();
        var rows = plan.Rows.Select(p => (p.Row.RowNumber, Row: new Dictionary<string, object?>
            {
                ["Dòng / Row"] = p.Row.RowNumber,
                ["Số CCCD"] = p.Row.Cccd,
                ["Họ và tên"] = p.Row.FullName,
                ["Trạng thái / Status"] = Status[p.Kind] + (p.MovesLodging ? " + chuyển nhà trọ / moved lodging" : ""),
                ["Thông báo / Message"] = string.Join("; ", p.Changes.Select(c => $"{c.Field}: {c.Before} → {c.After}")
                    .Concat(warnings[p.Row.RowNumber].Select(w => text[w.Code]))),
            }))
            .Concat(plan.Parsed.Errors.GroupBy(e => e.RowNumber).Select(g => (g.Key, Row: new Dictionary<string, object?>
            {
                ["Dòng / Row"] = g.Key,
                ["Số CCCD"] = null,
                ["Họ và tên"] = null,
                ["Trạng thái / Status"] = "Lỗi / Error",
                ["Thông báo / Message"] = string.Join("; ", g.Select(e => $"{e.Column}: {text[e.Code, e.Value ?? ""]}" + (e.Value is null ? "" : $" [{e.Value}]"))),
            })))
            .Concat(plan.Parsed.MergedRows.Select(m => (m.Row, Row: new Dictionary<string, object?>
            {
                ["Dòng / Row"] = m.Row,
                ["Số CCCD"] = null,
                ["Họ và tên"] = null,
                ["Trạng thái / Status"] = "Trùng lặp – đã gộp / Duplicate – merged",
                ["Thông báo / Message"] = $"Giống dòng {m.SameAs} / Same as row {m.SameAs}",
            })))
            .Concat(plan.Warnings.Where(w => !planned.Contains(w.RowNumber)).Select(w => (w.RowNumber, Row: new Dictionary<string, object?>
            {
                ["Dòng / Row"] = w.RowNumber,
                ["Số CCCD"] = null,
                ["Họ và tên"] = null,
                ["Trạng thái / Status"] = "Bỏ qua / Skipped",
                ["Thông báo / Message"] = text[w.Code],
            })))
            .OrderBy(r => r.Item1)
            .Select(r => r.Row)
            .Concat(plan.Leaving.Select(l => new Dictionary<string, object?>
            {
                ["Dòng / Row"] = null,
                ["Số CCCD"] = l.Cccd,
                ["Họ và tên"] = l.FullName,
                ["Trạng thái / Status"] = "Nghỉ việc (không có trong danh sách) / Left (not on the roster)",
                ["Thông báo / Message"] = null,
            }));
        await using var file = File.Create(path);
        await MiniExcel.SaveAsAsync(file, rows, cancellationToken: ct);
    }
}
