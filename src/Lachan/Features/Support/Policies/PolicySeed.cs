using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Support.Policies;

/// <summary>The policies of DOMAIN.md §6 with their 2021–2022 values, written once into every database (a policy whose
/// code is already there is left as the administrators made it). Seeded by code rather than HasData so PostgreSQL's
/// identity sequences stay right for the versions administrators add later.</summary>
internal static class PolicySeed
{
    private const string Nq68 = "Nghị quyết 68/NQ-CP (01/07/2021); Quyết định 23/2021/QĐ-TTg, sửa đổi bởi Nghị quyết 126/NQ-CP và Quyết định 33/2021/QĐ-TTg";
    private const string Qd08 = "Quyết định 08/2022/QĐ-TTg (28/03/2022)";
    private const string Registered = "Indefinite,Definite,Seasonal";
    private static readonly DateOnly Nq68From = new(2021, 7, 1), Qd08From = new(2022, 3, 28);
    private static readonly DateOnly Y21May = new(2021, 5, 1), Y21End = new(2021, 12, 31);

    public static IReadOnlyList<SupportPolicy> All() =>
    [
        Policy("QD08-G1", "Hỗ trợ tiền thuê nhà – người lao động đang làm việc trong doanh nghiệp (nhóm 1)",
            "Rent support – employees still working (group 1)", Qd08, "Mẫu 02", SupportKind.RentWorking, new()
            {
                EffectiveFrom = Qd08From, Source = Qd08, PeriodFrom = new(2022, 2, 1), PeriodTo = new(2022, 6, 30),
                RentFrom = new(2022, 2, 1), RentTo = new(2022, 6, 30), ContractBefore = new(2022, 4, 1), ContractKinds = Registered,
                MinContractMonths = 1, InsuredMonthBefore = true, RequiresIzEmployer = true, Amount = 500_000, MaxMonths = 3,
            }),
        Policy("QD08-G2", "Hỗ trợ tiền thuê nhà – người lao động quay trở lại thị trường lao động (nhóm 2)",
            "Rent support – workers returning to the labour market (group 2)", Qd08, "Mẫu 03", SupportKind.RentReturning, new()
            {
                EffectiveFrom = Qd08From, Source = Qd08, PeriodFrom = new(2022, 4, 1), PeriodTo = new(2022, 6, 30),
                RentFrom = new(2022, 4, 1), RentTo = new(2022, 6, 30), ContractFrom = new(2022, 4, 1), ContractTo = new(2022, 6, 30),
                ContractKinds = Registered, MinContractMonths = 1, InsuredMonthBefore = true, RequiresIzEmployer = true,
                Amount = 1_000_000, MaxMonths = 3, ListDeadlineDay = 15,
            }),
        Policy("NQ68-SUSPEND", "Hỗ trợ người lao động tạm hoãn hợp đồng lao động, nghỉ việc không hưởng lương",
            "Support for suspended contracts and unpaid leave", Nq68, "Mẫu 05", SupportKind.Suspension, new()
            {
                EffectiveFrom = Nq68From, Source = Nq68, PeriodFrom = Y21May, PeriodTo = Y21End, InsuredMonthBefore = true,
                MinDays = 15, Amount = 1_855_000, UpperTierDays = 30, UpperTierAmount = 3_710_000,
            }),
        Policy("NQ68-STOPPAGE", "Hỗ trợ người lao động ngừng việc", "Support for work stoppage", Nq68, "Mẫu 06", SupportKind.Stoppage, new()
        {
            EffectiveFrom = Nq68From, Source = Nq68, PeriodFrom = Y21May, PeriodTo = Y21End, InsuredMonthBefore = true, MinDays = 14, Amount = 1_000_000,
        }),
        Policy("NQ68-TERMINATED", "Hỗ trợ người lao động chấm dứt hợp đồng lao động không đủ điều kiện hưởng trợ cấp thất nghiệp",
            "Support for terminated workers not eligible for unemployment benefit", Nq68, null, SupportKind.Terminated, new()
            {
                EffectiveFrom = Nq68From, Source = Nq68, PeriodFrom = Y21May, PeriodTo = Y21End, InsuredMonthBefore = true,
                Amount = 3_710_000, UnemploymentInsuredMonths = 12, PregnancySupplement = 1_000_000, ChildSupplement = 1_000_000,
            }),
        Policy("NQ68-MEALS", "Hỗ trợ tiền ăn cho F0 điều trị và F1 cách ly y tế", "Meals for F0 in treatment and F1 in quarantine", Nq68, null, SupportKind.Meals, new()
        {
            EffectiveFrom = Nq68From, Source = Nq68, PeriodFrom = new(2021, 4, 27), PeriodTo = Y21End, Amount = 80_000, MaxDays = 21, MaxDaysCase = 45,
            ChildSupplement = 1_000_000,
        }),
        Policy("NQ68-HOUSEHOLD", "Hỗ trợ hộ kinh doanh tạm ngừng kinh doanh theo yêu cầu của cơ quan nhà nước",
            "Support for household businesses closed by order", Nq68, null, SupportKind.Household, new()
            {
                EffectiveFrom = Nq68From, Source = Nq68, PeriodFrom = Y21May, PeriodTo = Y21End, MinDays = 15, Amount = 3_000_000,
            }),
        // The province sets its own package for workers without a labour contract (DOMAIN.md §6); these values are invented.
        Policy("BG-FREE-WORKERS", "Hỗ trợ lao động tự do không có hợp đồng lao động ở khu vực phong tỏa (gói của tỉnh)",
            "Support for free workers without a contract in locked-down areas (province package)", "Nghị quyết HĐND tỉnh Bắc Giang (minh họa)", null,
            SupportKind.FreeWorkers, new()
            {
                EffectiveFrom = new(2021, 7, 15), Source = "Nghị quyết HĐND tỉnh Bắc Giang (minh họa)", PeriodFrom = Y21May, PeriodTo = Y21End,
                MinDays = 14, Amount = 1_500_000,
            }),
    ];

    private static SupportPolicy Policy(string code, string vi, string en, string basis, string? form, SupportKind kind, SupportPolicyVersion first) =>
        new() { Code = code, NameVi = vi, NameEn = en, LegalBasis = basis, EmployerForm = form, Kind = kind, Versions = [first] };

    /// <summary>Adds the policies missing by code. Two processes starting at once may both try; the unique code lets one
    /// win and the other finds them there.</summary>
    public static async Task EnsureAsync(LachanDb db, CancellationToken ct)
    {
        var present = await db.Set<SupportPolicy>().Select(p => p.Code).ToListAsync(ct);
        var missing = All().Where(p => !present.Contains(p.Code)).ToList();
        if (missing.Count == 0) return;
        db.AddRange(missing);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.Set<SupportPolicy>().CountAsync(ct) < All().Count) throw;
        }
    }
}

internal sealed class PolicySeedBackfill : IDataBackfill
{
    public Task RunAsync(LachanDb db, CancellationToken ct) => PolicySeed.EnsureAsync(db, ct);
}
