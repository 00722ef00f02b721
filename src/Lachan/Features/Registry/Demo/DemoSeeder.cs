namespace Lachan.Features.Registry.Demo;

/// <summary>Codes the demo accounts and tests rely on.</summary>
public static class DemoProvince
{
    public const string ProvinceCode = "24";          // Bắc Giang (GSO code; CCCD uses 024)
    public const string DemoDistrictCode = "222";      // Việt Yên
    public const string DemoCommuneName = "Nếnh";       // thị trấn Nếnh, Việt Yên
    public const string DemoEnterpriseZoneCode = "DT"; // KCN Đình Trám
}

public static class DemoSeeder
{
    public static Task SeedAsync(IServiceProvider services, int workers, bool reset = false) =>
        throw new NotImplementedException("the demo seeder is being written");
}
