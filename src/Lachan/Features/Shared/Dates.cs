using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Lachan.Features.Shared;

/// <summary>Calendar dates as people write them in Vietnamese documents: dd/MM/yyyy (d/M/yyyy too); ISO yyyy-MM-dd is
/// also accepted, for links and machines.</summary>
public static class Dates
{
    private static readonly string[] Formats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Null for an empty field; a field error "Date.Format" for anything else that is not a date.</summary>
    public static DateOnly? Parse(string? text, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (TryParse(text, out var d)) return d;
        errors.TryAdd(field, "Date.Format");
        return null;
    }
}

/// <summary>Binds a page's or endpoint's <see cref="DateOnly"/> from dd/MM/yyyy; a value that is not a date is a model
/// error ("Date.Format") on that field instead of silently becoming empty or today.</summary>
public sealed class DateOnlyBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None || string.IsNullOrWhiteSpace(value.FirstValue)) return Task.CompletedTask;
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        if (Dates.TryParse(value.FirstValue, out var date)) bindingContext.Result = ModelBindingResult.Success(date);
        else bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, "Date.Format");
        return Task.CompletedTask;
    }
}

public sealed class DateOnlyBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        Nullable.GetUnderlyingType(context.Metadata.ModelType) == typeof(DateOnly) || context.Metadata.ModelType == typeof(DateOnly)
            ? new DateOnlyBinder() : null;
}
