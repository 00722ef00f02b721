using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Lachan.Features.Shared;

/// <summary>POST-redirect-GET for search forms whose criteria are personal data (a CCCD, a name, a phone). The form
/// posts; the answer redirects to the list with the criteria in one URL parameter, encrypted and signed by the
/// data-protection keys, bound to the user and expiring after <see cref="Lifetime"/>. So Back and paging are plain GETs
/// without a "resend the form?" prompt, while logs, history and referrers hold only ciphertext, which another account
/// cannot use and nobody can after an hour. Stateless, so any app node reads it: they share the keys in the database.</summary>
public static class SearchToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public static string Protect<T>(IDataProtectionProvider keys, string user, T criteria) =>
        Protector<T>(keys).Protect(JsonSerializer.Serialize(new Envelope<T>(user, criteria)), Lifetime);

    /// <summary>The criteria, or null when the token is malformed, tampered with, expired or another user's.</summary>
    public static T? Unprotect<T>(IDataProtectionProvider keys, string user, string token) where T : class
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope<T>>(Protector<T>(keys).Unprotect(token));
            return envelope is not null && envelope.User == user ? envelope.Criteria : null;
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    private static ITimeLimitedDataProtector Protector<T>(IDataProtectionProvider keys) =>
        keys.CreateProtector("Lachan:SearchToken", typeof(T).FullName!).ToTimeLimitedDataProtector();

    private sealed record Envelope<T>(string User, T Criteria);
}
