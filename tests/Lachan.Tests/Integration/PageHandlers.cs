using System.Reflection;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Tests.Integration;

/// <summary>Every page handler of the app as "/Folder/Page OnPostVerb", read from the page models.</summary>
internal static class PageHandlers
{
    public static SortedSet<string> All()
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in typeof(Program).Assembly.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract))
        {
            var ns = type.Namespace!["Lachan.Features".Length..].Replace('.', '/');
            var page = ns + "/" + type.Name[..^"Model".Length];
            foreach (var m in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                if (m.Name.StartsWith("On", StringComparison.Ordinal) && !m.Name.StartsWith("OnPage", StringComparison.Ordinal))
                    found.Add(page + " " + (m.Name.EndsWith("Async", StringComparison.Ordinal) ? m.Name[..^5] : m.Name));
        }
        return found;
    }
}
