namespace Lachan.Tests.Architecture;

/// <summary>The module boundaries of ADR-0016, read from the compiled app: a module (`Lachan.Features.&lt;Module&gt;`)
/// uses only the shared kernel (`Lachan.Features.Shared`, `Lachan.Infrastructure`) and other modules' published
/// contracts (`Lachan.Features.&lt;Module&gt;.Contracts`); the kernel uses no module; nothing is in a cycle.</summary>
public sealed class ModuleTests
{
    private const string Features = "Lachan.Features";

    /// <summary>"Registry", "Registry.Contracts", "Shared", "Infrastructure", "Home" (the root pages), or null.</summary>
    private static string? Unit(string ns)
    {
        if (ns.StartsWith("Lachan.Infrastructure.Data.Migrations", StringComparison.Ordinal)) return null;   // generated
        if (ns == "Lachan.Infrastructure" || ns.StartsWith("Lachan.Infrastructure.", StringComparison.Ordinal)) return "Infrastructure";
        if (ns == Features) return "Home";
        if (!ns.StartsWith(Features + ".", StringComparison.Ordinal)) return null;
        var parts = ns[(Features.Length + 1)..].Split('.');
        if (parts[0] == "Shared") return "Shared";
        return parts.Length > 1 && parts[1] == "Contracts" ? parts[0] + ".Contracts" : parts[0];
    }

    private static bool IsKernel(string unit) => unit is "Shared" or "Infrastructure";

    /// <summary>For cycles the two halves of the kernel count as one: they may use each other.</summary>
    private static string Kernel(string unit) => IsKernel(unit) ? "Kernel" : unit;
    private static string ModuleOf(string unit) => unit.Split('.')[0];

    [Fact]
    public void Modules_UseOnlyTheKernelAndOtherModulesContracts()
    {
        var wrong = Dependencies.Between(Unit)
            .Where(e => !IsKernel(e.From) && !IsKernel(e.To) && !e.To.EndsWith(".Contracts", StringComparison.Ordinal))
            .Where(e => ModuleOf(e.From) != ModuleOf(e.To))
            .Select(e => e.Example).ToList();
        Assert.True(wrong.Count == 0, "A module reaches into another's internals:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void Contracts_DependOnNoModuleInternals()
    {
        var wrong = Dependencies.Between(Unit)
            .Where(e => e.From.EndsWith(".Contracts", StringComparison.Ordinal) && !IsKernel(e.To) && !e.To.EndsWith(".Contracts", StringComparison.Ordinal))
            .Select(e => e.Example).ToList();
        Assert.True(wrong.Count == 0, "A contract uses a module's internals:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void TheKernel_UsesNoModule()
    {
        var wrong = Dependencies.Between(Unit).Where(e => IsKernel(e.From) && !IsKernel(e.To)).Select(e => e.Example).ToList();
        Assert.True(wrong.Count == 0, "The shared kernel depends on a module:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void Modules_FormNoCycle()
    {
        var cycles = Dependencies.Cycles(Dependencies.Between(ns => Unit(ns) is { } u ? Kernel(ModuleOf(u)) : null));
        Assert.True(cycles.Count == 0, "Modules in a cycle:\n" + string.Join('\n', cycles));
    }

    /// <summary>Inside a module too, its use-case folders (Outbreak/Cases, Outbreak/Rules…) do not use each other in
    /// a circle.</summary>
    [Fact]
    public void FeatureFolders_FormNoCycle()
    {
        static string? Folder(string ns)
        {
            if (Unit(ns) is not { } unit || IsKernel(unit) || unit == "Home") return Unit(ns) is { } u ? Kernel(u) : null;
            var parts = ns[(Features.Length + 1)..].Split('.');
            return parts.Length > 1 ? parts[0] + "." + parts[1] : parts[0];
        }
        var edges = Dependencies.Between(Folder);
        var cycles = Dependencies.Cycles(edges);
        Assert.True(cycles.Count == 0, "Folders in a cycle:\n" + string.Join('\n', cycles.Select(c => c + "  e.g. " + Example(edges, c))));
    }

    private static string Example(IReadOnlyList<Dependencies.Edge> edges, string cycle)
    {
        var units = cycle.Split(" → ");
        return string.Join("; ", units.Zip(units.Skip(1)).Select(p => edges.First(e => e.From == p.First && e.To == p.Second).Example));
    }
}
