namespace Lachan.Features.Registry.Contracts;

/// <summary>Codes the demo accounts and tests rely on.</summary>
public static class DemoProvince
{
    public const string ProvinceCode = "24";          // Bắc Giang (GSO code; CCCD uses 024)
    public const string DemoDistrictCode = "222";      // Việt Yên
    public const string DemoCommuneName = "Nếnh";       // thị trấn Nếnh, Việt Yên
    public const string DemoCommuneCode = "07756";      // its code, where most IZ workers lodge
    public const string DemoEnterpriseZoneCode = "DT"; // KCN Đình Trám
}
