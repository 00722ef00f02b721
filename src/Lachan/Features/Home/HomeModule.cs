using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Modules;

namespace Lachan.Features.Home;

/// <summary>The home page of each role and its API, GET /api/v1/home: the numbers of the day the modules offer the caller.</summary>
public sealed class HomeModule : IModule
{
    public IEnumerable<Area> Areas => [HomeAreas.Home];

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<HomeBoard>();

    public void MapApi(RouteGroupBuilder api) => api.MapHomeApi().RequireAuthorization(HomeAreas.Home.Read);
}
