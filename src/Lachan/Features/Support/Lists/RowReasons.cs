using System.Globalization;
using System.Text.Json;

namespace Lachan.Features.Support.Lists;

/// <summary>A finding on a row as stored (JSON): a stable code for machines, the text in Vietnamese and English.</summary>
public sealed record RowReason(string Code, string Vi, string En);

/// <summary>The list's own checks, beside the policy's rules: a row against the list itself and against every earlier
/// list and approval of the same policy period (issue 12, items 3 and 7).</summary>
public static class RowReasons
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static RowReason NotInRegistry() => new("LIST-NOT-IN-REGISTRY", "Số CCCD không có trong cơ sở dữ liệu người lao động", "The CCCD is not in the worker registry");
    public static RowReason InvalidCccd() => new("LIST-CCCD-INVALID", "Số CCCD không hợp lệ", "The CCCD is not valid");
    public static RowReason DuplicateRow(int first) =>
        new("LIST-DUPLICATE-ROW", $"Trùng với dòng {first} của danh sách", $"Same worker as row {first} of this list");
    public static RowReason OnOtherList(int listId, string taxCode) =>
        new("LIST-OTHER-LIST", $"Đã có trong danh sách số {listId} (doanh nghiệp MST {taxCode}) cùng chính sách, cùng kỳ",
            $"Already on list {listId} (enterprise tax code {taxCode}) for the same policy and period");
    public static RowReason ApprovedElsewhere(int listId) =>
        new("LIST-APPROVED-TWICE", $"Đã được phê duyệt hỗ trợ cùng chính sách, cùng kỳ (danh sách số {listId})",
            $"Already approved for the same policy and period (list {listId})");
    /// <summary>A child under six claimed already by the other parent (Resolution 68: one parent only); the number masked.</summary>
    public static RowReason ChildClaimed(string maskedChildId, int? listId, int? rowNo) => listId is { } l
        ? new("LIST-CHILD-CLAIMED", $"Con có mã định danh {maskedChildId} đã được tính hỗ trợ thêm ở danh sách số {l} cùng chính sách, cùng kỳ: không hỗ trợ thêm cho trẻ này (chỉ một người cha hoặc mẹ được hưởng)",
            $"The child with personal identification number {maskedChildId} is claimed already on list {l} for the same policy and period: no supplement for this child (one parent only)")
        : new("LIST-CHILD-CLAIMED", $"Con có mã định danh {maskedChildId} đã được kê ở dòng {rowNo} của danh sách này: không hỗ trợ thêm cho trẻ này (chỉ một người cha hoặc mẹ được hưởng)",
            $"The child with personal identification number {maskedChildId} is claimed already on row {rowNo} of this list: no supplement for this child (one parent only)");
    public static RowReason OverCap(long asked, long cap) =>
        new("LIST-OVER-CAP", $"Số tiền đề nghị {Money(asked)} đồng vượt mức hỗ trợ {Money(cap)} đồng",
            $"The amount asked, {Money(asked)} đồng, is over the policy's {Money(cap)} đồng");

    public static string Write(IEnumerable<RowReason> reasons) => JsonSerializer.Serialize(reasons.ToList(), Json);

    public static IReadOnlyList<RowReason> Read(string json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<RowReason>>(json, Json) ?? [];

    public static string Append(string json, RowReason reason) => Write([.. Read(json), reason]);

    /// <summary>1.000.000 as written in Vietnamese documents.</summary>
    public static string Money(long amount) => amount.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');
}
