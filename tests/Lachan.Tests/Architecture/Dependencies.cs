using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Lachan.Tests.Architecture;

/// <summary>Which types of the app assembly use which other types, read from the compiled IL (signatures, bodies,
/// attributes, generic arguments), so a `using`, a fully qualified name and a Razor page all count alike.</summary>
internal static class Dependencies
{
    public sealed record Edge(string From, string To, string Example);

    /// <summary>Every (unit → unit) dependency with one type pair that causes it. `unitOf` maps a type's namespace
    /// (nested and compiler-generated types take their outermost type's) to a unit, or null to ignore the type.</summary>
    public static IReadOnlyList<Edge> Between(Func<string, string?> unitOf)
    {
        var path = typeof(Program).Assembly.Location;
        using var module = ModuleDefinition.ReadModule(path);
        var edges = new Dictionary<(string, string), string>();
        foreach (var type in module.GetTypes())
        {
            var from = unitOf(NamespaceOf(type));
            if (from is null) continue;
            foreach (var used in UsedBy(type))
            {
                if (used.Scope?.Name is { } scope && scope != module.Name && scope != module.Assembly.Name.Name) continue;
                var to = unitOf(NamespaceOf(used));
                if (to is null || to == from) continue;
                edges.TryAdd((from, to), $"{type.FullName} uses {used.FullName}");
            }
        }
        return edges.Select(e => new Edge(e.Key.Item1, e.Key.Item2, e.Value)).OrderBy(e => e.From).ThenBy(e => e.To).ToList();
    }

    /// <summary>A Razor view compiles to `AspNetCoreGeneratedDocument.Features_Registry_Workers_Index`: its namespace is
    /// read off the file path in its name.</summary>
    private static string NamespaceOf(TypeReference type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        if (type.Namespace == "AspNetCoreGeneratedDocument" && type.Name.StartsWith("Features_", StringComparison.Ordinal))
        {
            var parts = type.Name.Split('_');
            return "Lachan." + string.Join('.', parts[..^1]);
        }
        return type.Namespace;
    }

    private static IEnumerable<TypeReference> UsedBy(TypeDefinition type)
    {
        if (type.BaseType is not null) foreach (var t in Expand(type.BaseType)) yield return t;
        foreach (var i in type.Interfaces) foreach (var t in Expand(i.InterfaceType)) yield return t;
        foreach (var a in type.CustomAttributes) foreach (var t in Attribute(a)) yield return t;
        foreach (var f in type.Fields)
        {
            foreach (var t in Expand(f.FieldType)) yield return t;
            foreach (var a in f.CustomAttributes) foreach (var t in Attribute(a)) yield return t;
        }
        foreach (var p in type.Properties)
        {
            foreach (var t in Expand(p.PropertyType)) yield return t;
            foreach (var a in p.CustomAttributes) foreach (var t in Attribute(a)) yield return t;
        }
        foreach (var m in type.Methods)
        {
            foreach (var t in Expand(m.ReturnType)) yield return t;
            foreach (var p in m.Parameters) foreach (var t in Expand(p.ParameterType)) yield return t;
            foreach (var a in m.CustomAttributes) foreach (var t in Attribute(a)) yield return t;
            if (!m.HasBody) continue;
            foreach (var v in m.Body.Variables) foreach (var t in Expand(v.VariableType)) yield return t;
            foreach (var ins in m.Body.Instructions)
            {
                switch (ins.Operand)
                {
                    case TypeReference tr: foreach (var t in Expand(tr)) yield return t; break;
                    case MethodReference mr:
                        foreach (var t in Expand(mr.DeclaringType)) yield return t;
                        foreach (var t in Expand(mr.ReturnType)) yield return t;
                        if (mr is GenericInstanceMethod gm) foreach (var g in gm.GenericArguments) foreach (var t in Expand(g)) yield return t;
                        break;
                    case FieldReference fr:
                        foreach (var t in Expand(fr.DeclaringType)) yield return t;
                        foreach (var t in Expand(fr.FieldType)) yield return t;
                        break;
                }
            }
        }
    }

    private static IEnumerable<TypeReference> Attribute(CustomAttribute a)
    {
        foreach (var t in Expand(a.AttributeType)) yield return t;
        foreach (var arg in a.ConstructorArguments)
            if (arg.Value is TypeReference tr) foreach (var t in Expand(tr)) yield return t;
    }

    private static IEnumerable<TypeReference> Expand(TypeReference? type)
    {
        switch (type)
        {
            case null: yield break;
            case GenericInstanceType g:
                foreach (var t in Expand(g.ElementType)) yield return t;
                foreach (var arg in g.GenericArguments) foreach (var t in Expand(arg)) yield return t;
                yield break;
            case TypeSpecification s:
                foreach (var t in Expand(s.ElementType)) yield return t;
                yield break;
            case GenericParameter: yield break;
            default: yield return type; break;
        }
    }

    /// <summary>The cycles among units, each as a path "A → B → A".</summary>
    public static IReadOnlyList<string> Cycles(IReadOnlyList<Edge> edges)
    {
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
        var found = new List<string>();
        foreach (var start in next.Keys.Order())
        {
            // shortest way back to `start`, breadth first
            var back = new Dictionary<string, string>();
            var queue = new Queue<string>(next[start]);
            foreach (var n in next[start]) back.TryAdd(n, start);
            while (queue.Count > 0)
            {
                var n = queue.Dequeue();
                if (n == start)
                {
                    var path = new List<string> { start };
                    for (var p = back[start]; p != start; p = back[p]) path.Add(p);
                    path.Add(start);
                    path.Reverse();
                    var text = string.Join(" → ", path);
                    if (!found.Any(f => SameCycle(f, text))) found.Add(text);
                    break;
                }
                foreach (var m in next.GetValueOrDefault(n) ?? [])
                    if (back.TryAdd(m, n)) queue.Enqueue(m);
            }
        }
        return found;
    }

    private static bool SameCycle(string a, string b) =>
        a.Split(" → ").Skip(1).Order().SequenceEqual(b.Split(" → ").Skip(1).Order());
}
