namespace Lachan.Features.Shared;

/// <summary>What a handler's save came to: saved (with the record's id), refused with field errors, or not found (also
/// for a record outside the caller's jurisdiction, so ids cannot be probed).</summary>
public abstract record SaveResult
{
    public sealed record Saved(int Id) : SaveResult;
    public sealed record Invalid(FieldErrors Errors) : SaveResult;
    public sealed record NotFound : SaveResult;
    /// <summary>A hire whose outcome is not told (ADR-0014): the same answer for a new person, a rehire and a transfer
    /// sent for review, so creating a worker cannot be used to learn whether a CCCD is registered elsewhere.</summary>
    public sealed record Recorded : SaveResult;
}

/// <summary>The one mapping of a save to an API answer: 201 with the new record's address (or 204 for an update), a
/// validation problem with the field errors, or 404.</summary>
public static class SaveResults
{
    public static IResult Created(this SaveResult result, ApiErrors errors, Func<int, string> location) => result switch
    {
        SaveResult.Saved s => Results.Created(location(s.Id), new { id = s.Id }),
        SaveResult.Invalid i => errors.Validation(i.Errors),
        _ => Results.NotFound(),
    };

    public static IResult Updated(this SaveResult result, ApiErrors errors) => result switch
    {
        SaveResult.Saved => Results.NoContent(),
        SaveResult.Invalid i => errors.Validation(i.Errors),
        _ => Results.NotFound(),
    };
}
