using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Registry.Demo;

/// <summary>One account per role in demo mode, all with the same published password. Never created otherwise.</summary>
public static class DemoAccounts
{
    public const string Password = "Demo@2021";

    /// <summary>A demo account; <paramref name="Person"/> is an invented name, shown in the header.</summary>
    public sealed record Account(string UserName, Role Role, string Description, string Person);

    public static readonly IReadOnlyList<Account> All =
    [
        new("admin", Role.Steering, "Ban Chỉ đạo tỉnh (toàn tỉnh) / provincial steering committee", "Nguyễn Văn An"),
        new("kcn", Role.IzBoard, "Ban Quản lý các KCN / IZ management board", "Trần Thị Bình"),
        new("yte", Role.Health, "Trung tâm Y tế KCN / IZ health center", "Lê Minh Châu"),
        new("congdoan", Role.LabourFederation, "Liên đoàn Lao động tỉnh / labour federation", "Phạm Thị Dung"),
        new("laodong", Role.LabourDepartment, "Sở LĐ-TB&XH / department of labour", "Hoàng Văn Đức"),
        new("xa", Role.Commune, "UBND thị trấn Nếnh, Việt Yên / commune People's Committee", "Vũ Thị Hà"),
        new("bhxh", Role.SocialInsurance, "BHXH tỉnh / social insurance", "Đặng Quốc Hùng"),
        new("doanhnghiep", Role.EnterpriseHr, "Nhân sự một doanh nghiệp KCN Đình Trám / enterprise HR", "Bùi Thị Lan"),
        new("tinhnguyen", Role.Volunteer, "Tình nguyện viên / relief volunteer", "Ngô Thanh Mai"),
        new("chotkiem", Role.Checkpoint, "Chốt kiểm soát / checkpoint officer", "Đỗ Văn Nam"),
    ];

    public static async Task EnsureAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<LachanDb>();
        var users = services.GetRequiredService<UserManager<LachanUser>>();
        foreach (var account in All)
        {
            if (await users.FindByNameAsync(account.UserName) is not null) continue;
            var user = new LachanUser
            {
                UserName = account.UserName,
                Role = account.Role,
                DisplayName = account.Person,
                ScopeCode = await ScopeFor(db, account.Role),
            };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded)
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    private static async Task<string?> ScopeFor(LachanDb db, Role role) => Roles.ScopeOf(role) switch
    {
        ScopeKind.Province => DemoProvince.ProvinceCode,
        ScopeKind.IndustrialZones => "*",
        ScopeKind.Commune => await db.Set<AdminUnit>().Where(u => u.Level == AdminLevel.Commune && u.Name == DemoProvince.DemoCommuneName)
            .Select(u => u.Code).FirstAsync(),
        ScopeKind.District => DemoProvince.DemoDistrictCode,
        ScopeKind.Enterprise => await db.Set<Enterprise>().Where(e => e.IndustrialZone!.Code == DemoProvince.DemoEnterpriseZoneCode)
            .OrderBy(e => e.Id).Select(e => e.TaxCode).FirstAsync(),
        _ => null,
    };
}
