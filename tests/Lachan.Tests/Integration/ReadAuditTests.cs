using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lachan.Tests.Integration;

/// <summary>Read audits leave the request (ADR-0018): a list read is queued and written by the background writer, in
/// batches, on its interval, at a flush and at shutdown; a full queue makes the read write its own event; the chain stays
/// whole. Each test reads the table without <see cref="LachanApp.WithDbAsync{T}"/>, which flushes first.</summary>
public sealed class ReadAuditTests
{
    private const string LongInterval = "600000";

    private static async Task<int> ListEventsAsync(LachanApp app, string user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LachanDb>().AuditEvents.CountAsync(a => a.UserName == user && a.Action == "list");
    }

    private static async Task<ChainBreak?> ChainAsync(LachanApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LachanDb>();
        return await AuditChain.VerifyAsync(AuditChain.InChainOrder(db.AuditEvents.AsNoTracking()).AsAsyncEnumerable());
    }

    private static async Task ReadAsync(HttpClient api) =>
        (await api.GetAsync("/api/v1/workers?cccd=001095000001")).EnsureSuccessStatusCode();

    [Theory, BothProviders]
    public async Task A_read_is_queued_off_the_request_and_in_the_trail_after_the_flush(DatabaseProvider provider)
    {
        await using var app = await LachanApp.StartAsync(provider, Seed.Empty, settings: new Dictionary<string, string> { ["Audit:ReadFlushMilliseconds"] = LongInterval });
        var user = await app.NewUserAsync("reader");
        var api = await app.ApiClientAsync(user.UserName!);

        await ReadAsync(api);
        await ReadAsync(api);
        Assert.Equal(0, await ListEventsAsync(app, user.UserName!));   // not written by the request

        await app.Services.GetRequiredService<ReadAudits>().FlushAsync();
        Assert.Equal(2, await ListEventsAsync(app, user.UserName!));
        Assert.Null(await ChainAsync(app));
    }

    [Theory, BothProviders]
    public async Task The_writer_writes_queued_reads_on_its_interval(DatabaseProvider provider)
    {
        await using var app = await LachanApp.StartAsync(provider, Seed.Empty, settings: new Dictionary<string, string> { ["Audit:ReadFlushMilliseconds"] = "200" });
        var user = await app.NewUserAsync("reader");
        var api = await app.ApiClientAsync(user.UserName!);

        await ReadAsync(api);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await ListEventsAsync(app, user.UserName!) == 0 && waited.Elapsed < TimeSpan.FromSeconds(20))
            await Task.Delay(100);
        Assert.Equal(1, await ListEventsAsync(app, user.UserName!));
        Assert.Null(await ChainAsync(app));
    }

    [Theory, BothProviders]
    public async Task A_graceful_shutdown_writes_what_is_queued(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var settings = new Dictionary<string, string> { ["Audit:ReadFlushMilliseconds"] = LongInterval };
        string user;
        await using (var first = new LachanApp(database, Seed.Empty, ownsDatabase: false, settings: settings))
        {
            await Task.Run(first.StartServer);
            user = (await first.NewUserAsync("reader")).UserName!;
            var api = await first.ApiClientAsync(user);
            await ReadAsync(api);
            await ReadAsync(api);
            await ReadAsync(api);
            Assert.Equal(0, await ListEventsAsync(first, user));
        }   // stopped: the writer's StopAsync flushes

        await using var second = new LachanApp(database, Seed.Empty, ownsDatabase: false, settings: settings);
        await Task.Run(second.StartServer);
        Assert.Equal(3, await ListEventsAsync(second, user));
        Assert.Null(await ChainAsync(second));
    }

    [Theory, BothProviders]
    public async Task A_full_queue_makes_the_read_write_its_own_event(DatabaseProvider provider)
    {
        await using var app = await LachanApp.StartAsync(provider, Seed.Empty, settings: new Dictionary<string, string>
        {
            ["Audit:ReadFlushMilliseconds"] = LongInterval, ["Audit:ReadQueueCapacity"] = "1",
        });
        var user = await app.NewUserAsync("reader");
        var api = await app.ApiClientAsync(user.UserName!);

        await ReadAsync(api);   // queued
        await ReadAsync(api);   // the queue is full: written on the request
        await ReadAsync(api);
        Assert.Equal(2, await ListEventsAsync(app, user.UserName!));

        await app.Services.GetRequiredService<ReadAudits>().FlushAsync();
        Assert.Equal(3, await ListEventsAsync(app, user.UserName!));
        Assert.Null(await ChainAsync(app));
    }
}
