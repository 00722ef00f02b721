using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Lachan.Features.Registry.Model;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lachan.Tests.Integration;

/// <summary>One app per provider with the two-jurisdiction test registry and one account per role whose
/// jurisdiction covers the "own" side only.</summary>
public sealed class MatrixWorld : IAsyncLifetime
{
    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<(LachanApp, TestRegistry)>>> _worlds = new();

    public Task<(LachanApp App, TestRegistry Registry)> For(DatabaseProvider provider) =>
        _worlds.GetOrAdd(provider, p => new Lazy<Task<(LachanApp, TestRegistry)>>(async () =>
        {
            var app = await LachanApp.StartAsync(p, Seed.Empty);
            var registry = await TestRegistry.AddAsync(app);
            foreach (var role in Enum.GetValues<Role>())
                await app.EnsureUserAsync(AccessMatrixTests.UserFor(role), role, registry.OwnScope(role));
            return (app, registry);
        })).Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var lazy in _worlds.Values)
            try { await (await lazy.Value).Item1.DisposeAsync(); } catch (InvalidOperationException) { }
    }
}

/// <summary>The access matrix over every page and API endpoint: each role (and an anonymous caller) × own / other
/// jurisdiction × read / write, on both providers. A caller outside its jurisdiction gets 404 (or a refusal), never
/// data; a write it may not make changes nothing. A guard test fails when an endpoint has no probe here.</summary>
public sealed class AccessMatrixTests(MatrixWorld worlds) : IClassFixture<MatrixWorld>
{
    public static string UserFor(Role role) => "m-" + role.ToString().ToLowerInvariant();

    private enum Side { None, Own, Other }

    /// <summary>What one caller sends and what happened.</summary>
    private sealed record Caller(Role? Role, HttpClient Pages, HttpClient Api, string Token, LachanApp App, TestRegistry Registry);

    private sealed record Outcome(HttpResponseMessage Response, string Body, bool Changed);

    /// <summary>A request to one endpoint. Key names the endpoint the way the guard test lists them.</summary>
    private sealed record Probe(string Key, Area Area, Access Needs, Side Side, bool Api, Func<Caller, string, Task<Outcome>> Send)
    {
        /// <summary>The request is meant to change data (a POST/PUT of a write area), so "allowed" must mean "changed".</summary>
        public bool Mutates { get; init; }
    }

    private static readonly Probe[] Probes = BuildProbes();

    private static Probe[] BuildProbes()
    {
        var list = new List<Probe>();
        foreach (var side in new[] { Side.Own, Side.Other })
        {
            // --- pages ---
            list.Add(new("page /Registry/Workers/Index", Area.Workers, Access.Read, side, false, async (c, tag) =>
            {
                var response = await c.Pages.PostAsync("/Registry/Workers", Form(c.Token, ("Q", Worker(c, side).NameSearch)));
                return new(response, await response.PageAsync(), false);
            }));
            list.Add(new("page /Registry/Workers/Index", Area.Workers, Access.Read, side, false, async (c, tag) =>
            {
                var response = await c.Pages.PostAsync("/Registry/Workers?handler=Export", Form(c.Token, ("Cccd", Worker(c, side).Cccd), ("format", "csv")));
                return new(response, await response.Content.ReadAsStringAsync(), false);
            }));
            list.Add(new("page /Registry/Workers/Profile", Area.Workers, Access.Read, side, false, async (c, tag) =>
            {
                var response = await c.Pages.GetAsync($"/Registry/Workers/{Worker(c, side).Id}");
                return new(response, await response.PageAsync(), false);
            }));
            list.Add(new("page /Registry/Workers/Edit", Area.Workers, Access.Write, side, false, async (c, tag) =>
            {
                var response = await c.Pages.GetAsync($"/Registry/Workers/Edit/{Worker(c, side).Id}");
                return new(response, await response.PageAsync(), false);
            }));
            list.Add(new("page /Registry/Workers/Edit", Area.Workers, Access.Write, side, false, async (c, tag) =>
            {
                var w = Worker(c, side);
                var phone = NewPhone();
                var response = await c.Pages.PostAsync($"/Registry/Workers/Edit/{w.Id}", Form(c.Token,
                    ("Form.Cccd", w.Cccd), ("Form.FullName", w.FullName), ("Form.Sex", w.Sex.ToString()),
                    ("Form.DateOfBirth", w.DateOfBirth.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)), ("Form.Phone", phone)));
                return new(response, await response.PageAsync(), await PhoneAsync(c, w.Id) == phone);
            }) { Mutates = true });
            list.Add(new("page /Registry/Workers/Edit", Area.Workers, Access.Write, side, false, async (c, tag) =>
            {
                var cccd = TestRegistry.NewCccd("001", Sex.Male, 1999);
                var response = await c.Pages.PostAsync("/Registry/Workers/Edit", Form(c.Token,
                    ("Form.Cccd", cccd), ("Form.FullName", "Phạm Văn Mới"), ("Form.Sex", "Male"), ("Form.DateOfBirth", "01/02/1999"),
                    ("Form.EnterpriseId", Enterprise(c, side).Id.ToString()), ("Form.HiredOn", "01/05/2021"), ("Form.ContractType", "Definite")));
                return new(response, await response.PageAsync(), await ExistsAsync(c, cccd));
            }) { Mutates = true });

            // --- API ---
            list.Add(new("GET /api/v1/workers", Area.Workers, Access.Read, side, true, async (c, tag) =>
            {
                var response = await c.Api.GetAsync($"/api/v1/workers?cccd={Worker(c, side).Cccd}");
                return new(response, await response.Content.ReadAsStringAsync(), false);
            }));
            list.Add(new("POST /api/v1/workers/search", Area.Workers, Access.Read, side, true, async (c, tag) =>
            {
                var response = await c.Api.PostAsJsonAsync("/api/v1/workers/search", new { q = Worker(c, side).NameSearch });
                return new(response, await response.Content.ReadAsStringAsync(), false);
            }));
            list.Add(new("GET /api/v1/workers/{id:int}", Area.Workers, Access.Read, side, true, async (c, tag) =>
            {
                var response = await c.Api.GetAsync($"/api/v1/workers/{Worker(c, side).Id}");
                return new(response, await response.Content.ReadAsStringAsync(), false);
            }));
            list.Add(new("PUT /api/v1/workers/{id:int}", Area.Workers, Access.Write, side, true, async (c, tag) =>
            {
                var w = Worker(c, side);
                var phone = NewPhone();
                var response = await c.Api.PutAsJsonAsync($"/api/v1/workers/{w.Id}", new
                {
                    cccd = w.Cccd, fullName = w.FullName, sex = w.Sex.ToString(), dateOfBirth = w.DateOfBirth, phone,
                });
                return new(response, await response.Content.ReadAsStringAsync(), await PhoneAsync(c, w.Id) == phone);
            }) { Mutates = true });
            list.Add(new("POST /api/v1/workers", Area.Workers, Access.Write, side, true, async (c, tag) =>
            {
                var cccd = TestRegistry.NewCccd("001", Sex.Female, 2000);
                var response = await c.Api.PostAsJsonAsync("/api/v1/workers", new
                {
                    cccd, fullName = "Vũ Thị Mới", sex = "Female", dateOfBirth = new DateOnly(2000, 1, 2),
                    enterpriseId = Enterprise(c, side).Id, hiredOn = new DateOnly(2021, 5, 1), contractType = "Definite",
                });
                return new(response, await response.Content.ReadAsStringAsync(), await ExistsAsync(c, cccd));
            }) { Mutates = true });
        }

        // --- areas without a jurisdiction split ---
        list.Add(new("page /Admin/Audit/Index", Area.Audit, Access.Read, Side.None, false, async (c, tag) =>
        {
            var response = await c.Pages.GetAsync("/Admin/Audit");
            return new(response, await response.PageAsync(), false);
        }));
        list.Add(new("page /Admin/Audit/Index", Area.Audit, Access.Read, Side.None, false, async (c, tag) =>
        {
            var response = await c.Pages.PostAsync("/Admin/Audit?handler=Verify", Form(c.Token));
            return new(response, await response.PageAsync(), false);
        }));
        return [.. list];
    }

    private static Worker Worker(Caller c, Side side) => side == Side.Own ? c.Registry.WorkerOwn : c.Registry.WorkerOther;
    private static Enterprise Enterprise(Caller c, Side side) => side == Side.Own ? c.Registry.EnterpriseOwn : c.Registry.EnterpriseOther;

    private static int _phone = Random.Shared.Next(1_000_000, 9_000_000);
    private static string NewPhone() => "090" + Interlocked.Increment(ref _phone).ToString("0000000");

    private static Task<string?> PhoneAsync(Caller c, int id) => c.App.WithDbAsync(db => db.Workers.Where(w => w.Id == id).Select(w => w.Phone).SingleAsync());
    private static Task<bool> ExistsAsync(Caller c, string cccd) => c.App.WithDbAsync(db => db.Workers.AnyAsync(w => w.Cccd == cccd));

    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))
            .Append(new("__RequestVerificationToken", token)));

    public static TheoryData<DatabaseProvider, string> Callers()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var p in Enum.GetValues<DatabaseProvider>())
        {
            foreach (var r in Enum.GetValues<Role>()) data.Add(p, r.ToString());
            data.Add(p, "anonymous");
        }
        return data;
    }

    [Theory, MemberData(nameof(Callers))]
    public async Task Every_endpoint_answers_each_role_by_the_matrix(DatabaseProvider provider, string roleName)
    {
        var (app, registry) = await worlds.For(provider);
        Role? role = roleName == "anonymous" ? null : Enum.Parse<Role>(roleName);
        var caller = await CallerAsync(app, registry, role);
        var problems = new List<string>();

        foreach (var probe in Probes)
        {
            var outcome = await probe.Send(caller, roleName);
            var status = (int)outcome.Response.StatusCode;
            var location = outcome.Response.Headers.Location?.OriginalString ?? "";
            var allowed = role is { } r && Jurisdiction.For(r, probe.Area) >= probe.Needs;
            var otherWorker = registry.WorkerOther;
            string? wrong = null;

            if (role is null)
                wrong = probe.Api
                    ? status == 401 ? null : $"anonymous got {status}, expected 401"
                    : status == 302 && location.Contains("/Account/Login") ? null : $"anonymous got {status} {location}, expected the login page";
            else if (!allowed)
                wrong = probe.Api
                    ? status is 403 or 404 ? null : $"got {status}, expected 403/404 (no {probe.Needs} on {probe.Area})"
                    : (status == 302 && location.Contains("/Account/Denied")) || status is 403 or 404 ? null : $"got {status} {location}, expected the refusal page";
            else if (probe.Side == Side.Other)
                wrong = status is >= 200 and < 300 && probe.Needs == Access.Read && (probe.Key.Contains("Index") || probe.Key.Contains("search") || probe.Key == "GET /api/v1/workers")
                    ? null // a list may answer 200: it must simply not contain the other side (checked below)
                    : status is 404 or 400 || (status == 200 && !probe.Api && probe.Needs == Access.Write && outcome.Body.Contains("data-testid=\"form-errors\""))
                        ? null : $"got {status} {location}, expected 404 (or a refused form) for the other jurisdiction";
            else
                wrong = status is >= 200 and < 300 || (status == 302 && !location.Contains("/Account/"))
                    ? null : $"got {status} {location}, expected success in its own jurisdiction";

            // whatever the status: data of the other jurisdiction never appears, and refused writes change nothing
            if (outcome.Body.Contains(otherWorker.Cccd) || outcome.Body.Contains(TestRegistry.OtherWorkerName))
                wrong ??= "the response shows the other jurisdiction's worker";
            var writeAllowed = allowed && probe.Side != Side.Other;
            if (outcome.Changed && !writeAllowed) wrong ??= "a refused write changed the data";
            if (probe.Mutates && writeAllowed && !outcome.Changed) wrong ??= $"an allowed write did not change the data ({status})";
            if (allowed && probe.Side == Side.Own && probe.Needs == Access.Read && probe.Area == Area.Workers
                && !(outcome.Body.Contains(registry.WorkerOwn.Cccd) || outcome.Body.Contains(TestRegistry.OwnWorkerName)))
                wrong ??= "the own jurisdiction's worker is missing from the answer";

            if (wrong is not null)
            {
                var fieldErrors = System.Text.RegularExpressions.Regex.Matches(outcome.Body, "data-testid=\"error-([A-Za-z]+)\">([^<]*)<")
                    .Select(m => $"{m.Groups[1].Value}: {m.Groups[2].Value}");
                problems.Add($"{probe.Key} [{probe.Side}, {probe.Needs}]: {wrong} {string.Join("; ", fieldErrors)}");
            }
        }
        Assert.True(problems.Count == 0, $"{roleName} ({registry.OwnScope(role ?? Role.Volunteer)}) on {provider}:\n" + string.Join("\n", problems));
    }

    private static async Task<Caller> CallerAsync(LachanApp app, TestRegistry registry, Role? role)
    {
        if (role is null)
        {
            var anon = app.NewClient();
            var token = Http.AntiforgeryToken(await anon.GetStringAsync("/Account/Login"));
            return new(null, anon, app.NewClient(), token, app, registry);
        }
        var user = UserFor(role.Value);
        var pages = await app.LoggedInClientAsync(user);
        var pageToken = Http.AntiforgeryToken(await pages.GetStringAsync("/"));
        return new(role, pages, await app.ApiClientAsync(user), pageToken, app, registry);
    }

    /// <summary>Public endpoints: reachable without an account by design.</summary>
    private static readonly HashSet<string> Public =
    [
        "page /Index", "page /Error", "page /Account/Login", "page /Account/Logout", "page /Account/Denied", "page /Account/Language",
        "GET /health", "GET /openapi/{documentName}.json",
    ];

    [Fact]
    public async Task Every_page_and_API_endpoint_is_covered_by_the_matrix()
    {
        var (app, _) = await worlds.For(DatabaseProvider.Sqlite);
        var endpoints = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var source in app.Services.GetServices<EndpointDataSource>())
            foreach (var e in source.Endpoints)
            {
                if (e.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
                    endpoints.Add("page " + page.ViewEnginePath);
                else if (e is RouteEndpoint route && e.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods)
                    foreach (var m in methods.HttpMethods)
                        endpoints.Add($"{m} /{route.RoutePattern.RawText!.Trim('/')}");
            }
        Assert.Contains("GET /api/v1/workers", endpoints); // the listing itself works
        var covered = Probes.Select(p => p.Key).ToHashSet();
        var missing = endpoints.Where(e => !Public.Contains(e) && !covered.Contains(e)).ToList();
        Assert.True(missing.Count == 0,
            "Endpoints without a probe in AccessMatrixTests (add one per endpoint: own and other jurisdiction, read or write):\n"
            + string.Join("\n", missing));
    }
}
