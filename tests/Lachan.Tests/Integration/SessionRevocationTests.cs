using System.Net;
using System.Net.Http.Headers;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Cli;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lachan.Tests.Integration;

/// <summary>A logout, a new password, `users revoke` and `users lock` end sessions and tokens at once, on every
/// node; the automatic lockout after failed passwords does not touch tokens.</summary>
public sealed class SessionRevocationTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    private const string Home = "/Registry/Workers";

    [Theory, BothProviders]
    public async Task Logout_makes_a_copied_cookie_useless(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var user = await app.NewUserAsync("copy");
        var client = app.NewClient();
        var login = await client.PostLoginAsync(user.UserName!);
        var stolen = Copy(app, login);
        Assert.Equal(HttpStatusCode.OK, (await stolen.GetAsync(Home)).StatusCode);

        await LogoutAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, (await stolen.GetAsync(Home)).StatusCode);
    }

    [Theory, BothProviders]
    public async Task Users_password_ends_sessions_and_revokes_tokens(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var user = await app.NewUserAsync("pwd");
        var browser = await app.LoggedInClientAsync(user.UserName!);
        var api = await app.ApiClientAsync(user.UserName!);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(Home)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/workers")).StatusCode);

        Assert.Equal(0, await UsersAsync(app, "password", user.UserName!, "--password", "Moi@matkhau2"));

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync(Home)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/workers")).StatusCode);
        await app.LoggedInClientAsync(user.UserName!, "Moi@matkhau2");
    }

    [Theory, BothProviders]
    public async Task Users_revoke_ends_sessions_and_tokens_and_users_tokens_lists_them(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var user = await app.NewUserAsync("rev");
        var browser = await app.LoggedInClientAsync(user.UserName!);
        var api = await app.ApiClientAsync(user.UserName!);
        var token = api.DefaultRequestHeaders.Authorization!.Parameter!;
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/workers")).StatusCode);
        var before = new StringWriter();
        Assert.Equal(0, await UsersAsync(app, before, "tokens", user.UserName!));
        var line = Assert.Single(before.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1));
        Assert.Matches(@"^\s*\d+\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+—\s*$", line); // created, used, not revoked

        Assert.Equal(0, await UsersAsync(app, "revoke", user.UserName!));

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync(Home)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/workers")).StatusCode);
        var after = new StringWriter();
        await UsersAsync(app, after, "tokens", user.UserName!);
        Assert.Matches(@"\d{4}-\d\d-\d\d \d\d:\d\d\s*$", after.ToString().Trim()); // the revocation time
        Assert.DoesNotContain(token, after.ToString());
        Assert.DoesNotContain(ApiTokens.Hash(token), after.ToString());
    }

    [Theory, BothProviders]
    public async Task Users_lock_and_deletion_end_tokens_at_once(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var locked = await app.NewUserAsync("lck");
        var lockedApi = await app.ApiClientAsync(locked.UserName!);
        var deleted = await app.NewUserAsync("del");
        var deletedApi = await app.ApiClientAsync(deleted.UserName!);
        Assert.Equal(HttpStatusCode.OK, (await lockedApi.GetAsync("/api/v1/workers")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await deletedApi.GetAsync("/api/v1/workers")).StatusCode);

        Assert.Equal(0, await UsersAsync(app, "lock", locked.UserName!));
        await app.WithDbAsync(async db =>
        {
            await db.ApiTokens.Where(t => t.UserId == deleted.Id).ExecuteDeleteAsync();
            await db.Users.Where(u => u.Id == deleted.Id).ExecuteDeleteAsync();
        });

        Assert.Equal(HttpStatusCode.Unauthorized, (await lockedApi.GetAsync("/api/v1/workers")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await deletedApi.GetAsync("/api/v1/workers")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.NewClient().PostLoginAsync(locked.UserName!)).StatusCode); // refused
    }

    [Theory, BothProviders]
    public async Task The_api_ignores_cookies(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var user = await app.NewUserAsync("cki");
        var browser = await app.LoggedInClientAsync(user.UserName!);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(Home)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/workers")).StatusCode);
    }

    /// <summary>Two nodes on one database: a revocation on one takes effect on the other at once.</summary>
    [Theory, BothProviders]
    public async Task A_revocation_on_one_node_takes_effect_on_the_other(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var nodeA = new LachanApp(database, Seed.Empty, ownsDatabase: false);
        await using var nodeB = new LachanApp(database, Seed.Empty, ownsDatabase: false);
        await Task.Run(nodeA.StartServer);
        await Task.Run(nodeB.StartServer);
        var user = await nodeA.NewUserAsync("node");
        var token = await nodeA.TokenForAsync(user.UserName!);
        var jar = new CookieContainer();
        var a = nodeA.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(jar));
        var b = nodeB.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(jar));
        var apiB = nodeB.NewClient();
        apiB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await a.PostLoginAsync(user.UserName!);
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync(Home)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await apiB.GetAsync("/api/v1/workers")).StatusCode); // B has it cached now

        Assert.Equal(0, await UsersAsync(nodeA, "revoke", user.UserName!));

        Assert.Equal(HttpStatusCode.Redirect, (await b.GetAsync(Home)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await apiB.GetAsync("/api/v1/workers")).StatusCode);
    }

    private static HttpClient Copy(LachanApp app, HttpResponseMessage login)
    {
        var copy = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", "lachan.auth=" + login.Cookie("lachan.auth"));
        return copy;
    }

    private static async Task LogoutAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/");
        var form = System.Text.RegularExpressions.Regex.Match(html, "<form[^>]*action=\"/Account/Logout\"[\\s\\S]*?</form>").Value;
        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Http.AntiforgeryToken(form),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static Task<int> UsersAsync(LachanApp app, params string[] args) => UsersAsync(app, TextWriter.Null, args);

    /// <summary>Runs `users …` as the operator would, in a scope of its own.</summary>
    private static async Task<int> UsersAsync(LachanApp app, TextWriter output, params string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await CommandLine.UsersAsync(scope.ServiceProvider, args, output);
    }
}
