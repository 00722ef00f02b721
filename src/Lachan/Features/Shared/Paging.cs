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

/// <summary>Field errors keyed by field name; each value is a localization key.</summary>
public sealed class FieldErrors : Dictionary<string, string>
{
    public bool Ok => Count == 0;

    public void AddIf(bool condition, string field, string code)
    {
        if (condition) TryAdd(field, code);
    }
}
