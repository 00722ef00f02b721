using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lachan.Infrastructure.Data;

/// <summary>Search keys compare by code point on both providers (SQLite's default BINARY; "C" on PostgreSQL), so "all
/// keys starting with k" is the index range [k, k + U+FFFF). A module marks such a column in its configuration; every
/// property named NameSearch is one.</summary>
public static class CodePointOrder
{
    private const string Marker = "Lachan:CodePointOrder";

    public static PropertyBuilder<string> UsesCodePointOrder(this PropertyBuilder<string> property) =>
        property.HasAnnotation(Marker, true);

    /// <summary>Sets the collation on PostgreSQL and drops the marker, which is not part of the schema.</summary>
    internal static void Apply(ModelBuilder model, bool postgres)
    {
        foreach (var p in model.Model.GetEntityTypes().SelectMany(t => t.GetProperties()).ToList())
        {
            var marked = p.FindAnnotation(Marker) is not null;
            if (marked) p.RemoveAnnotation(Marker);
            if (postgres && (marked || p.Name == "NameSearch")) p.SetCollation("C");
        }
    }
}
