using System.Net;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration;

public sealed class LoginTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    [Theory, BothProviders]
    public async Task Login_sets_an_http_only_cookie_and_shows_the_user(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var user = await app.NewUserAsync("login");
        var client = app.NewClient();

        var response = await client.PostLoginAsync(user.UserName!);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("lachan.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        var home = await client.GetStringAsync("/");
        Assert.Contains($"data-testid=\"user-name\">{user.UserName}</span>", home);   // no display name: the login
    }

    [Theory, BothProviders]
    public async Task Login_returns_to_a_local_url_only(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var user = await app.NewUserAsync("ret");
        var local = await app.NewClient().PostFormAsync("/Account/Login?ReturnUrl=%2FRegistry%2FWorkers",
            new Dictionary<string, string> { ["UserName"] = user.UserName!, ["Password"] = Features.Registry.Demo.DemoAccounts.Password, ["ReturnUrl"] = "/Registry/Workers" });
        Assert.Equal("/Registry/Workers", local.Headers.Location!.OriginalString);
        var open = await app.NewClient().PostFormAsync("/Account/Login",
            new Dictionary<string, string> { ["UserName"] = user.UserName!, ["Password"] = Features.Registry.Demo.DemoAccounts.Password, ["ReturnUrl"] = "https://evil.example/" });
        Assert.Equal("/", open.Headers.Location!.OriginalString);
    }

    [Theory, BothProviders]
    public async Task Wrong_password_is_refused_in_Vietnamese(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var user = await app.NewUserAsync("wrong");
        var response = await app.NewClient().PostLoginAsync(user.UserName!, "Sai@mat-khau1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Cookie("lachan.auth"));
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", await response.PageAsync());
    }

    [Theory, BothProviders]
    public async Task Five_wrong_passwords_lock_the_account(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var user = await app.NewUserAsync("lock");
        var client = app.NewClient();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostLoginAsync(user.UserName!, $"Wrong@pass{i}");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var correct = await client.PostLoginAsync(user.UserName!);

        Assert.Equal(HttpStatusCode.OK, correct.StatusCode);
        Assert.Null(correct.Cookie("lachan.auth"));
        // the same answer as for a wrong password: an attacker does not learn that the guessing locked the account
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", await correct.PageAsync());
        Assert.DoesNotContain($"data-testid=\"user-name\">{user.UserName}</span>", await client.GetStringAsync("/"));
        var actions = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.UserName == user.UserName).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["login-failed", "login-failed", "login-failed", "login-failed", "login-locked", "login-locked"], actions);
    }

    [Theory, BothProviders]
    public async Task Four_wrong_passwords_do_not_lock_the_account(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var user = await app.NewUserAsync("four");
        var client = app.NewClient();
        for (var i = 0; i < 4; i++)
            await client.PostLoginAsync(user.UserName!, $"Wrong@pass{i}");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostLoginAsync(user.UserName!)).StatusCode);
    }

    [Theory, BothProviders]
    public async Task A_login_is_audited_and_the_chain_verifies(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var user = await app.NewUserAsync("audit");
        await app.LoggedInClientAsync(user.UserName!);

        var login = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.UserName == user.UserName).ToListAsync());
        var e = Assert.Single(login);
        Assert.Equal(("login", "Account"), (e.Action, e.EntityType));
        Assert.True(DateTime.UtcNow - DateTime.SpecifyKind(e.At, DateTimeKind.Utc) < TimeSpan.FromMinutes(5));
        Assert.Matches("^[0-9a-f]{64}$", e.Hash);
        var broken = await app.WithDbAsync(db => AuditChain.VerifyAsync(AuditChain.InChainOrder(db.AuditEvents).AsAsyncEnumerable()));
        Assert.Null(broken);
    }

    [Theory, BothProviders]
    public async Task Data_protection_keys_are_stored_in_the_database(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var user = await app.NewUserAsync("dpk");
        await app.LoggedInClientAsync(user.UserName!);
        var keys = await app.WithDbAsync(db => db.DataProtectionKeys.ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Contains("<key ", k.Xml));
    }

    [Theory, BothProviders]
    public async Task Logout_ends_the_session(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var user = await app.NewUserAsync("out");
        var client = await app.LoggedInClientAsync(user.UserName!);
        var html = await client.GetStringAsync("/");
        var logoutForm = System.Text.RegularExpressions.Regex.Match(html, "<form[^>]*action=\"/Account/Logout\"[\\s\\S]*?</form>").Value;
        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Http.AntiforgeryToken(logoutForm),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain($"data-testid=\"user-name\">{user.UserName}</span>", await client.GetStringAsync("/"));
    }

    [Theory, BothProviders]
    public async Task An_unknown_account_a_wrong_password_and_a_locked_account_get_the_same_answer(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var user = await app.NewUserAsync("same");
        var locked = await app.NewUserAsync("same");
        for (var i = 0; i < 5; i++) await app.NewClient().PostLoginAsync(locked.UserName!, $"Wrong@pass{i}");

        var unknown = await app.NewClient().PostLoginAsync("no-such-" + user.UserName, "Wrong@pass1");
        var wrong = await app.NewClient().PostLoginAsync(user.UserName!, "Wrong@pass1");
        var lockedOut = await app.NewClient().PostLoginAsync(locked.UserName!);

        var answers = new[] { unknown, wrong, lockedOut };
        Assert.All(answers, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var alerts = await Task.WhenAll(answers.Select(async r =>
            System.Text.RegularExpressions.Regex.Match(await r.PageAsync(), "role=\"alert\">([^<]*)<").Groups[1].Value));
        Assert.Equal("Tên đăng nhập hoặc mật khẩu không đúng.", alerts[0]);
        Assert.All(alerts, a => Assert.Equal(alerts[0], a));
    }

    [Theory, BothProviders]
    public async Task An_attacker_locking_the_password_login_does_not_stop_the_accounts_api_tokens(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var user = await app.NewUserAsync("tok");
        var api = await app.ApiClientAsync(user.UserName!);
        for (var i = 0; i < 6; i++) await app.NewClient().PostLoginAsync(user.UserName!, $"Wrong@pass{i}");
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.AccessFailedCount == 0 && u.LockoutEnd != null).SingleAsync()),
            "the password login is locked");

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/workers")).StatusCode);
    }
}
