namespace Lachan.Infrastructure;

/// <summary>A rule refused an action. The code is a localization key, so the message reaches the user in their language.</summary>
public sealed class DomainException(string code) : Exception(code)
{
    public string Code { get; } = code;
}
