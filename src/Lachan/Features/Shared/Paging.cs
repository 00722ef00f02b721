namespace Lachan.Features.Shared;

/// <summary>One page of a list. Page numbers start at 1; page size is capped so no request can ask for the whole table.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public static class Paging
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    public static (int Page, int Size) Normalize(int? page, int? size) =>
        (Math.Max(1, page ?? 1), Math.Clamp(size ?? DefaultSize, 1, MaxSize));

    public static IQueryable<T> PageOf<T>(this IQueryable<T> q, int page, int size) => q.Skip((page - 1) * size).Take(size);
}

/// <summary>Field errors keyed by field name; each value is a localization key, with the values of its placeholders when
/// the message names something (a case code, a number of days).</summary>
public sealed class FieldErrors : Dictionary<string, string>
{
    private readonly Dictionary<string, object?[]> _args = [];

    public bool Ok => Count == 0;

    public void AddIf(bool condition, string field, string code)
    {
        if (condition) TryAdd(field, code);
    }

    public void Add(string field, string code, params object?[] args)
    {
        if (TryAdd(field, code)) _args[field] = args;
    }

    /// <summary>Adds the other's errors (with their placeholders) to fields that have none yet.</summary>
    public void AddAll(FieldErrors other)
    {
        foreach (var (field, code) in other) Add(field, code, other._args.GetValueOrDefault(field) ?? []);
    }

    /// <summary>The message for the field in the user's language.</summary>
    public string Text(Infrastructure.Localization.UiText text, string field) =>
        _args.TryGetValue(field, out var args) && args.Length > 0 ? text[this[field], args] : text[this[field]];
}
