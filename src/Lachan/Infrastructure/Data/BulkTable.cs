using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lachan.Infrastructure.Data;

/// <summary>How one entity type is stored, read from the EF model (table, column names, provider types and value
/// converters), so bulk writes follow the model rather than a second, hand-kept copy of it.</summary>
internal sealed class BulkTable
{
    public required IEntityType EntityType { get; init; }
    /// <summary>Delimited, schema-qualified table name, ready for SQL.</summary>
    public required string Table { get; init; }
    public required IReadOnlyList<BulkColumn> Columns { get; init; }
    /// <summary>The single integer key the database would generate (identity / autoincrement), if any.</summary>
    public BulkColumn? GeneratedKey { get; init; }

    public static BulkTable For(IModel model, Type clrType, ISqlGenerationHelper sql)
    {
        var entityType = model.FindEntityType(clrType)
            ?? throw new InvalidOperationException($"{clrType.Name} is not an entity type of the model.");
        var tableName = entityType.GetTableName()
            ?? throw new InvalidOperationException($"{clrType.Name} is not mapped to a table.");
        var schema = entityType.GetSchema();
        var store = StoreObjectIdentifier.Table(tableName, schema);
        var columns = new List<BulkColumn>();
        foreach (var property in entityType.GetProperties())
        {
            if (property.IsShadowProperty())
                throw new InvalidOperationException($"{clrType.Name}.{property.Name} is a shadow property; bulk writes need CLR values.");
            var mapping = property.GetRelationalTypeMapping();
            columns.Add(new BulkColumn
            {
                Property = property,
                Name = sql.DelimitIdentifier(property.GetColumnName(store) ?? property.GetColumnName()),
                RawName = property.GetColumnName(store) ?? property.GetColumnName(),
                Mapping = mapping,
                Converter = property.GetValueConverter() ?? mapping.Converter,
                Getter = property.GetGetter(),
            });
        }
        var key = entityType.FindPrimaryKey()?.Properties is [var only]
            && only.ValueGenerated == ValueGenerated.OnAdd
            && (only.ClrType == typeof(int) || only.ClrType == typeof(long))
            ? columns.Single(c => c.Property == only)
            : null;
        return new BulkTable { EntityType = entityType, Table = sql.DelimitIdentifier(tableName, schema), Columns = columns, GeneratedKey = key };
    }
}

internal sealed class BulkColumn
{
    public required IProperty Property { get; init; }
    public required string Name { get; init; }
    public required string RawName { get; init; }
    public required RelationalTypeMapping Mapping { get; init; }
    public ValueConverter? Converter { get; init; }
    public required IClrPropertyGetter Getter { get; init; }

    /// <summary>The value as the provider stores it (enums as numbers, converted values converted); null for NULL.</summary>
    public object? ProviderValue(object entity)
    {
        var value = Getter.GetClrValue(entity);
        if (value is null) return null;
        if (Converter is not null) return Converter.ConvertToProvider(value);
        return value is Enum e ? Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), System.Globalization.CultureInfo.InvariantCulture) : value;
    }
}
