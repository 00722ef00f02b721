namespace Lachan.Features.Outbreak.Rules;

public static class RulesModule
{
    public static IServiceCollection AddRulesModule(this IServiceCollection services) => services.AddScoped<RuleVersions>();
}
