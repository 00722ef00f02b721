using Lachan.Infrastructure.Localization;

namespace Lachan.Features.Shared;

/// <summary>Field errors as an RFC 7807 validation problem: the message in the user's language, the code for machines.</summary>
public sealed class ApiErrors(UiText text)
{
    public IResult Validation(FieldErrors errors) => Results.ValidationProblem(
        errors.ToDictionary(e => Camel(e.Key), e => new[] { errors.Text(text, e.Key) }),
        extensions: new Dictionary<string, object?> { ["codes"] = errors.ToDictionary(e => Camel(e.Key), e => e.Value) });

    private static string Camel(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];
}
