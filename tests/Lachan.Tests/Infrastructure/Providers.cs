using System.Collections.Concurrent;
using System.Reflection;
using Lachan.Infrastructure.Data;
using Xunit.Sdk;

namespace Lachan.Tests.Infrastructure;

/// <summary>Runs a theory once per database provider (SQLite and PostgreSQL): `[Theory, BothProviders]` on a
/// method taking a <see cref="DatabaseProvider"/>. PostgreSQL is never skipped: without LACHAN_TEST_PG it fails
/// and says how to run the tests.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BothProvidersAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        [[DatabaseProvider.Sqlite], [DatabaseProvider.Postgres]];
}

/// <summary>One running app per provider, started on first use and shared by the tests of a class
/// (xunit runs the tests of one class one after another). Tests that change shared state (lock an account,
/// tamper with the audit trail) start an app of their own or create their own users.</summary>
public class Apps(Seed seed, IReadOnlyDictionary<string, string>? settings = null) : IAsyncLifetime
{
    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<LachanApp>>> _apps = new();

    public Task<LachanApp> For(DatabaseProvider provider) =>
        _apps.GetOrAdd(provider, p => new Lazy<Task<LachanApp>>(() => LachanApp.StartAsync(p, seed, settings: settings))).Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var lazy in _apps.Values)
        {
            LachanApp? app = null;
            try { app = await lazy.Value; } catch (Exception) { /* failed to start: the tests that used it have failed */ }
            if (app is not null) await app.DisposeAsync();
        }
    }
}

/// <summary>Apps on migrated, empty databases (no demo province): tests create the users they need.</summary>
public sealed class EmptyApps() : Apps(Seed.Empty);

/// <summary>Apps with the small demo province and the ten demo accounts.</summary>
public sealed class DemoApps() : Apps(Seed.DemoProvince);
