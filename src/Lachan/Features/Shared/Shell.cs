using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Modules;

namespace Lachan.Features.Shared;

/// <summary>One step of the breadcrumb trail; the last has no link.</summary>
public sealed record Crumb(string Text, string? Href);

/// <summary>What the layout shows around a page: the caller's menu, grouped by module, the entry the page belongs to,
/// and the breadcrumb trail (home › module › menu entry › page), derived from the menu and the page's title so that
/// no page has to declare its own.</summary>
public sealed class Shell(ModuleList modules, Jurisdiction scope)
{
    public IReadOnlyList<MenuGroup> Menu { get; } = modules.MenuFor(e => scope.Can(e.Area, e.Needed));

    /// <summary>The entry whose link is the longest whole-segment prefix of the path ("/Outbreak/Zones/Edit" belongs to
    /// "/Outbreak/Zones", not "/Outbreak").</summary>
    public (MenuGroup Group, MenuEntry Entry)? Current(PathString path) =>
        Menu.SelectMany(g => g.Entries.Select(e => (Group: g, Entry: e)))
            .Where(x => path.StartsWithSegments(x.Entry.Href, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(x => x.Entry.Href.Length)
            .Select(x => ((MenuGroup, MenuEntry)?)x)
            .FirstOrDefault();

    /// <summary>The trail for a page with this path and title; texts are already localized by <paramref name="text"/>.</summary>
    public IReadOnlyList<Crumb> Breadcrumbs(PathString path, string? title, Func<string, string> text)
    {
        var home = new Crumb(text("Home"), "/");
        if (path == "/" || !path.HasValue) return [home with { Href = null }];
        var trail = new List<Crumb> { home };
        if (Current(path) is var (group, entry))
        {
            var entryText = text(entry.Text);
            trail.Add(new Crumb(text(group.Title), null));
            var isEntryPage = path.Equals(entry.Href, StringComparison.OrdinalIgnoreCase) || path.Equals(entry.Href + "/Index", StringComparison.OrdinalIgnoreCase);
            if (isEntryPage || string.Equals(title, entryText, StringComparison.Ordinal))
            {
                trail.Add(new Crumb(entryText, null));
                return trail;
            }
            trail.Add(new Crumb(entryText, entry.Href));
        }
        if (!string.IsNullOrEmpty(title)) trail.Add(new Crumb(title, null));
        return trail;
    }
}
