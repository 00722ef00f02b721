using Lachan.Infrastructure.Auth;

namespace Lachan.Features.Home;

/// <summary>Every signed-in role has a home: what it shows is decided by the modules' own areas.</summary>
public static class HomeAreas
{
    public static readonly Area Home = new("Home", _ => Access.Read);
}
