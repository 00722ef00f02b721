using System.Globalization;

namespace Lachan.Features.Support.Eligibility;

/// <summary>The reasons a support rule gives, with stable codes (lists, the API and `support check` show them).</summary>
public static class Reasons
{
    private static string Dmy(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
    private static string My(DateOnly d) => d.ToString("MM/yyyy", CultureInfo.InvariantCulture);

    public static readonly Reason NotInRegistry = new("not-in-registry",
        "Không có trong cơ sở dữ liệu người lao động", "Not in the worker registry");
    public static readonly Reason OutsidePeriod = new("outside-period",
        "Ngoài thời gian áp dụng chính sách", "Outside the policy's period");
    public static readonly Reason NotEmployed = new("not-employed",
        "Không làm việc tại doanh nghiệp trong thời gian đề nghị", "Not employed by the enterprise in the period");
    public static readonly Reason NotAtIzEmployer = new("not-at-iz-employer",
        "Doanh nghiệp không thuộc khu công nghiệp", "The employer is not in an industrial zone");
    public static readonly Reason ContractKind = new("contract-kind",
        "Loại hợp đồng lao động không thuộc diện hỗ trợ", "The kind of labour contract does not qualify");
    public static Reason ContractTooShort(int months) => new("contract-too-short",
        $"Hợp đồng lao động dưới {months} tháng", $"Labour contract shorter than {months} months");
    public static Reason ContractAfterCutoff(DateOnly before) => new("contract-after-cutoff",
        $"Hợp đồng lao động giao kết hoặc bắt đầu thực hiện từ {Dmy(before)} trở đi", $"Contract signed or started on or after {Dmy(before)}");
    public static Reason ContractOutsideWindow(DateOnly from, DateOnly to) => new("contract-outside-window",
        $"Hợp đồng lao động không giao kết và bắt đầu thực hiện trong khoảng {Dmy(from)}–{Dmy(to)}", $"Contract not signed and started between {Dmy(from)} and {Dmy(to)}");
    public static Reason NotInsuredMonthBefore(DateOnly month) => new("not-insured-month-before",
        $"Không tham gia bảo hiểm xã hội bắt buộc tháng {My(month)}", $"Not on the compulsory social-insurance list in {My(month)}");
    public static readonly Reason NotLodging = new("not-lodging",
        "Không thuê, ở trọ trong thời gian hỗ trợ", "Not renting or lodging in the period");
    public static Reason OutsideRentingWindow(DateOnly from, DateOnly to) => new("outside-renting-window",
        $"Ngoài thời gian thuê nhà được hỗ trợ ({Dmy(from)}–{Dmy(to)})", $"Outside the renting window ({Dmy(from)}–{Dmy(to)})");
    public static Reason StoppedTooShort(int days, int min) => new("stopped-too-short",
        $"Số ngày nghỉ, ngừng việc ({days}) ít hơn {min} ngày", $"Days off work ({days}) fewer than {min}");
    public static Reason OverMaxDays(int max) => new("over-max-days",
        $"Chỉ hỗ trợ tối đa {max} ngày", $"Paid for at most {max} days");
    public static Reason OverMaxMonths(int max) => new("over-max-months",
        $"Chỉ hỗ trợ tối đa {max} tháng", $"Paid for at most {max} months");
    public static readonly Reason NotIsolated = new("not-isolated",
        "Không điều trị (F0) hoặc cách ly y tế (F1) trong thời gian hỗ trợ", "No treatment (F0) or quarantine (F1) in the period");
    public static readonly Reason NotTerminated = new("not-terminated",
        "Không chấm dứt hợp đồng lao động trong thời gian hỗ trợ", "No contract ended in the period");
    public static Reason UnemploymentEligible(int months) => new("unemployment-eligible",
        $"Đủ điều kiện hưởng trợ cấp thất nghiệp (đóng bảo hiểm {months} tháng)", $"Eligible for unemployment benefit ({months} insured months)");
    public static readonly Reason HasContract = new("has-contract",
        "Đang có hợp đồng lao động trong thời gian phong tỏa", "Under a labour contract during the lockdown");
    public static Reason PregnancySupplement(long amount) => new("supplement-pregnant",
        $"Hỗ trợ thêm lao động nữ đang mang thai: {Money(amount)} đồng", $"Pregnancy supplement: {Money(amount)} đồng");
    public static Reason ChildSupplement(int children, long perChild) => new("supplement-children",
        $"Hỗ trợ thêm {children} trẻ em dưới 6 tuổi × {Money(perChild)} đồng = {Money(children * perChild)} đồng (chỉ một người cha hoặc mẹ được hưởng)",
        $"Supplement for {children} children under six × {Money(perChild)} đồng = {Money(children * perChild)} đồng (one parent only)");
    private static string Money(long amount) => amount.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');
    public static readonly Reason NotLockedDown = new("not-locked-down",
        "Nơi ở không bị phong tỏa trong thời gian hỗ trợ", "Lodging not locked down in the period");
}
