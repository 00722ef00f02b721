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

    public sealed record Account(string UserName, Role Role, string Description);

    public static readonly IReadOnlyList<Account> All =
    [
        new("admin", Role.Steering, "Ban Chỉ đạo tỉnh (toàn tỉnh) / provincial steering committee"),
        new("kcn", Role.IzBoard, "Ban Quản lý các KCN / IZ management board"),
        new("yte", Role.Health, "Trung tâm Y tế KCN / IZ health center"),
        new("congdoan", Role.LabourFederation, "Liên đoàn Lao động tỉnh / labour federation"),
        new("laodong", Role.LabourDepartment, "Sở LĐ-TB&XH / department of labour"),
        new("xa", Role.Commune, "UBND thị trấn Nếnh, Việt Yên / commune People's Committee"),
        new("bhxh", Role.SocialInsurance, "BHXH tỉnh / social insurance"),
        new("doanhnghiep", Role.EnterpriseHr, "Nhân sự một doanh nghiệp KCN Đình Trám / enterprise HR"),
        new("tinhnguyen", Role.Volunteer, "Tình nguyện viên / relief volunteer"),
        new("chotkiem", Role.Checkpoint, "Chốt kiểm soát / checkpoint officer"),
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
                DisplayName = account.Description,
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
