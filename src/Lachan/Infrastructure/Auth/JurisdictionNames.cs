namespace Lachan.Infrastructure.Auth;

/// <summary>The name of the unit a jurisdiction code stands for ("tỉnh Bắc Giang", "KCN Đình Trám", an enterprise's
/// name), for the header. The registry knows the units, so it provides this; the kernel only asks.</summary>
public interface IJurisdictionNames
{
    /// <summary>Null when the code names no unit of the role's kind.</summary>
    Task<string?> NameAsync(Role role, string scope, CancellationToken ct);
}
