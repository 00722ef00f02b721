using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Lachan.Features.Registry.Demo;

namespace Lachan.Tests.Infrastructure;

public static partial class Http
{
    [GeneratedRegex(@"<input[^>]*name=""__RequestVerificationToken""[^>]*value=""([^""]+)""|<input[^>]*value=""([^""]+)""[^>]*name=""__RequestVerificationToken""", RegexOptions.IgnoreCase)]
    private static partial Regex AntiforgeryInput();

    /// <summary>The hidden antiforgery field of the first form on the page.</summary>
    public static string AntiforgeryToken(string html)
    {
        var m = AntiforgeryInput().Match(html);
        if (!m.Success) throw new InvalidOperationException("No __RequestVerificationToken on the page:\n" + html[..Math.Min(html.Length, 2000)]);
        return WebUtility.HtmlDecode(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);
    }

    /// <summary>GETs the page, then POSTs its form fields plus the antiforgery token read from it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, IDictionary<string, string> fields, string? postUrl = null)
    {
        var page = await client.GetAsync(pageUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = AntiforgeryToken(await page.Content.ReadAsStringAsync());
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(postUrl ?? pageUrl, new FormUrlEncodedContent(form));
    }

    /// <summary>Logs in through the login form (GET, read the hidden token, POST), keeping the cookies in the client.</summary>
    public static Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string userName, string password = DemoAccounts.Password) =>
        client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password });

    /// <summary>A client logged in as the user; fails the test if the login is refused.</summary>
    public static async Task<HttpClient> LoggedInClientAsync(this LachanApp app, string userName, string password = DemoAccounts.Password)
    {
        var client = app.NewClient();
        var response = await client.PostLoginAsync(userName, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"login as {userName} on {app}: {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
        return client;
    }

    public static async Task<HttpClient> ApiClientAsync(this LachanApp app, string userName)
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(userName));
        return client;
    }

    /// <summary>The page with HTML character references decoded (Razor encodes Vietnamese letters as &amp;#x…;).</summary>
    public static async Task<string> GetPageAsync(this HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));

    public static async Task<string> PageAsync(this HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static string? Cookie(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).FirstOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..]
            : null;
}

public static class MultipartExtensions
{
    public static MultipartFormDataContent WithFile(this MultipartFormDataContent content, HttpContent file, string field = "Upload", string fileName = "roster.csv")
    {
        content.Add(file, field, fileName);
        return content;
    }
}
