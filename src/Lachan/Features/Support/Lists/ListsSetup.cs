using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Calendar;

namespace Lachan.Features.Support.Lists;

/// <summary>What the employer lists and their review chain add to the support module (services and endpoints).</summary>
public static class ListsSetup
{
    public static IServiceCollection AddSupportLists(this IServiceCollection services) =>
        services.AddScoped(s => SupportActor.FromRequest(s.GetRequiredService<CurrentUser>())).AddScoped<ListScope>().AddScoped<ListChecks>().AddScoped<ListBuilder>().AddScoped<ListCandidates>().AddScoped<ListChain>().AddScoped<ListQueries>().AddScoped<HolidayCalendar>();

    public static RouteGroupBuilder MapSupportLists(this RouteGroupBuilder api) => api.MapListEndpoints();
}
