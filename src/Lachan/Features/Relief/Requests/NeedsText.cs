using Lachan.Infrastructure.Localization;

namespace Lachan.Features.Relief.Requests;

/// <summary>A request's needs in the user's language ("Thực phẩm, Thuốc").</summary>
public static class NeedsText
{
    public static string Of(UiText t, HelpNeed needs) =>
        string.Join(", ", Enum.GetValues<HelpNeed>().Where(n => n != HelpNeed.None && needs.HasFlag(n)).Select(n => t["Help.Need." + n.ToString().ToLowerInvariant()]));
}
