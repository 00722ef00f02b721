using Lachan.Features.Registry.Contracts;
using System.Net;
using Lachan.Features.Registry.Demo;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lachan.Tests.Infrastructure;

/// <summary>What the app starts with.</summary>
public enum Seed
{
    /// <summary>Demo:Enabled=false: migrated, empty; tests create the users they need.</summary>
    Empty,
    /// <summary>Demo:Enabled=true with a small province (Demo:Workers) and the ten demo accounts.</summary>
    DemoProvince,
}

/// <summary>The real application (Program) on a chosen database, configured the way an operator would:
/// Database:Provider, ConnectionStrings:Lachan, Demo:Enabled, Demo:Workers, and any further settings a test asks for.</summary>
public sealed class LachanApp : WebApplicationFactory<Program>
{
    public const int DemoWorkers = 300;

    public TestDatabase Database { get; }
    public Seed Seed { get; }
    public DatabaseProvider Provider => Database.Provider;
    private readonly bool _ownsDatabase;
    private readonly IReadOnlyDictionary<string, string> _settings;
    /// <summary>Uploaded files (roster imports) of this app: a temporary folder, removed with the app.</summary>
    public string ImportsFolder { get; } = Directory.CreateTempSubdirectory("lachan-imports").FullName;
    /// <summary>The app's data directory (the audit anchors' file): one per app, as one per database in production.</summary>
    public string DataFolder { get; } = Directory.CreateTempSubdirectory("lachan-data").FullName;

    public LachanApp(TestDatabase database, Seed seed, bool ownsDatabase = true, bool realServer = false,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        Database = database;
        Seed = seed;
        _ownsDatabase = ownsDatabase;
        _settings = settings ?? new Dictionary<string, string>();
        if (realServer)
            UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Creates a database of its own and starts the app on it (migrations, and the demo data when asked).</summary>
    public static async Task<LachanApp> StartAsync(DatabaseProvider provider, Seed seed, bool realServer = false,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var app = new LachanApp(db, seed, ownsDatabase: true, realServer, settings);
        try
        {
            // Builds and starts the host: Program migrates and seeds (PrepareDatabaseAsync) before it serves.
            await Task.Run(app.StartServer);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Lachan", Database.ConnectionString);
        builder.UseSetting("Demo:Enabled", Seed == Seed.DemoProvince ? "true" : "false");
        builder.UseSetting("Demo:Workers", DemoWorkers.ToString());
        builder.UseSetting("Imports:Folder", ImportsFolder);
        builder.UseSetting("Data:Directory", DataFolder);
        // Every test logs in from the same address: the login rate limits are tested by LoginLimitTests, which lower these.
        builder.UseSetting("Login:RateLimit:PerClient", "100000");
        builder.UseSetting("Login:RateLimit:PerAccount", "100000");
        builder.UseSetting("Relief:PublicRateLimit:PerMinute", "100000");   // the relief tests lower it (ReliefApps)
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.AspNetCore", LogLevel.Error)
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error));
    }

    /// <summary>The address Kestrel bound (real-server mode only), e.g. http://127.0.0.1:41234.</summary>
    public Uri Address =>
        new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public async Task<T> WithDbAsync<T>(Func<LachanDb, Task<T>> work)
    {
        // read audits queued for the background writer (ADR-0018) are in the trail a test reads, as on the audit page
        await Services.GetRequiredService<Lachan.Infrastructure.Audit.ReadAudits>().FlushAsync();
        // and every committed event is linked onto the chain (ADR-0024), as the audit page does before it shows it
        await Services.GetRequiredService<Lachan.Infrastructure.Audit.AuditLinker>().LinkAllAsync();
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<LachanDb>());
    }

    public Task WithDbAsync(Func<LachanDb, Task> work) => WithDbAsync(async db => { await work(db); return 0; });

    /// <summary>Creates the account unless it exists (demo accounts already do in DemoProvince mode).</summary>
    public async Task<LachanUser> EnsureUserAsync(string userName, Role role, string? scope, string password = DemoAccounts.Password)
    {
        await using var s = Services.CreateAsyncScope();
        var users = s.ServiceProvider.GetRequiredService<UserManager<LachanUser>>();
        if (await users.FindByNameAsync(userName) is { } existing) return existing;
        var user = new LachanUser { UserName = userName, Role = role, ScopeCode = scope, DisplayName = userName };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        return user;
    }

    /// <summary>A fresh account with a unique name, for tests that change an account's state (lockout).</summary>
    public Task<LachanUser> NewUserAsync(string prefix, Role role = Role.Steering, string? scope = DemoProvince.ProvinceCode) =>
        EnsureUserAsync($"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)], role, scope);

    /// <summary>The administrator account: the demo one, or an equivalent created on an empty database.</summary>
    public Task<LachanUser> AdminAsync() => EnsureUserAsync("admin", Role.Steering, DemoProvince.ProvinceCode);

    /// <summary>Issues an API bearer token for the user, the way `users token NAME` does.</summary>
    public async Task<string> TokenForAsync(string userName)
    {
        await using var s = Services.CreateAsyncScope();
        var users = s.ServiceProvider.GetRequiredService<UserManager<LachanUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException("no user " + userName);
        return await ApiTokens.IssueAsync(s.ServiceProvider.GetRequiredService<LachanDb>(), user, TimeProvider.System);
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see each 302.</summary>
    public HttpClient NewClient(bool followRedirects = false) =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, HandleCookies = true });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase) await Database.DisposeAsync();
        try { Directory.Delete(ImportsFolder, recursive: true); } catch (IOException) { }
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }

    public override string ToString() => $"{Provider}/{Seed}";
}
