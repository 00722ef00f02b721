namespace Lachan.Infrastructure.Auth;

/// <summary>The roles of PRODUCT.md. The code is what the CLI and the claims use.</summary>
public enum Role
{
    Steering,          // Ban Chỉ đạo tỉnh: whole province
    IzBoard,           // Ban Quản lý các KCN: one IZ or all
    Health,            // Trung tâm Y tế KCN / Sở Y tế
    LabourFederation,  // Liên đoàn Lao động
    LabourDepartment,  // Sở LĐ-TB&XH
    District,          // UBND huyện
    Commune,           // UBND xã
    SocialInsurance,   // BHXH tỉnh
    EnterpriseHr,      // one enterprise
    Volunteer,         // assigned relief requests only
    Checkpoint,        // verifies passes only
}

/// <summary>What kind of unit a user's jurisdiction code names.</summary>
public enum ScopeKind { Province, IndustrialZones, District, Commune, Enterprise, None }

public static class Roles
{
    /// <summary>The kind of scope each role is bound to; one place, so a role cannot be given a scope that makes no sense.</summary>
    public static ScopeKind ScopeOf(Role role) => role switch
    {
        Role.Steering or Role.Health or Role.LabourFederation or Role.LabourDepartment or Role.SocialInsurance => ScopeKind.Province,
        Role.IzBoard => ScopeKind.IndustrialZones,
        Role.District => ScopeKind.District,
        Role.Commune => ScopeKind.Commune,
        Role.EnterpriseHr => ScopeKind.Enterprise,
        _ => ScopeKind.None,
    };

    public static bool TryParse(string value, out Role role) => Enum.TryParse(value, ignoreCase: true, out role);
}
