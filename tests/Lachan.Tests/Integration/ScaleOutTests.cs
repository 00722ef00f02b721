using System.Net;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration;

/// <summary>Two app processes on one database both serve correctly: nothing that matters lives in one process's
/// memory (data-protection keys are in the database, so a cookie or a form token from one node works on the other).</summary>
public sealed class ScaleOutTests
{
    [Theory, BothProviders]
    public async Task A_cookie_and_a_form_token_from_one_node_are_accepted_by_the_other(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var nodeA = new LachanApp(database, Seed.Empty, ownsDatabase: false);
        await using var nodeB = new LachanApp(database, Seed.Empty, ownsDatabase: false);
        await Task.Run(nodeA.StartServer);
        await Task.Run(nodeB.StartServer);
        var user = await nodeA.NewUserAsync("node");

        // One browser (one cookie jar) behind a load balancer that sends each request to either node.
        var jar = new CookieContainer();
        var a = nodeA.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(jar));
        var b = nodeB.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(jar));

        // log in on A (A creates the key ring and stores it in the database)
        Assert.Equal(HttpStatusCode.Redirect, (await a.PostLoginAsync(user.UserName!)).StatusCode);
        Assert.Contains(jar.GetCookies(new Uri("http://localhost")), c => c.Name == "lachan.auth");

        // B accepts A's cookie
        var homeOnB = await b.GetStringAsync("/");
        Assert.Contains($"data-testid=\"user-name\">{user.UserName}</span>", homeOnB);

        // a form rendered by A, posted to B, and one rendered by B, posted to A: antiforgery tokens verify on both
        var tokenFromA = Http.AntiforgeryToken(await a.GetStringAsync("/"));
        var toB = await b.PostAsync("/Account/Language", Form(tokenFromA, "en-US"));
        Assert.Equal(HttpStatusCode.Redirect, toB.StatusCode);
        var tokenFromB = Http.AntiforgeryToken(await b.GetStringAsync("/"));
        Assert.Contains("<html lang=\"en\">", await a.GetStringAsync("/")); // the language cookie set by B is read by A
        var toA = await a.PostAsync("/Account/Language", Form(tokenFromB, "vi-VN"));
        Assert.Equal(HttpStatusCode.Redirect, toA.StatusCode);

        // one key ring for both nodes
        Assert.Single(await nodeB.WithDbAsync(db => db.DataProtectionKeys.ToListAsync()));

        // a login on B audits onto the same chain as A's
        var second = await nodeB.NewUserAsync("node");
        Assert.Equal(HttpStatusCode.Redirect, (await nodeB.NewClient().PostLoginAsync(second.UserName!)).StatusCode);
        Assert.Null(await nodeA.WithDbAsync(db =>
            Lachan.Infrastructure.Audit.AuditChain.VerifyAsync(Lachan.Infrastructure.Audit.AuditChain.InChainOrder(db.AuditEvents).AsAsyncEnumerable())));
        Assert.Equal(2, await nodeA.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "login")));
    }

    private static FormUrlEncodedContent Form(string token, string culture) => new(new Dictionary<string, string>
    {
        ["culture"] = culture, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
    });
}
