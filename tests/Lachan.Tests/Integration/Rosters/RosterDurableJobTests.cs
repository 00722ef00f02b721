using Lachan.Features.Registry.Contracts;
using System.Collections.Concurrent;
using System.Net;
using Lachan.Features.Rosters;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Lachan.Tests.Rosters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using static Lachan.Tests.Integration.Rosters.RosterKit;

namespace Lachan.Tests.Integration.Rosters;

/// <summary>Roster jobs live in the database (ADR-0015): a queued job survives a restart, a job interrupted by a stop
/// is finished after the restart with nothing half-written, two nodes on one PostgreSQL run each job once, and a cancel
/// on one node stops the job running on the other.</summary>
public sealed class RosterDurableJobTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly TempFolder _imports = new(); // shared by the nodes, as a deployment's shared storage
    public void Dispose()
    {
        _dir.Dispose();
        _imports.Dispose();
    }

    private LachanApp Node(TestDatabase db) =>
        new(db, Seed.Empty, ownsDatabase: false, settings: new Dictionary<string, string> { ["Imports:Folder"] = _imports.Root });

    private static async Task<LachanApp> StartAsync(LachanApp node)
    {
        await Task.Run(node.StartServer);
        return node;
    }

    private string BigRoster(int rows, int seed)
    {
        var path = _dir.File($"big-{seed}.csv");
        SampleRosters.WriteCsv(path, SampleRosters.Generate(rows, seed).Cells(), new System.Text.UTF8Encoding(false));
        return path;
    }

    private static async Task<IScheduler> SchedulerOf(LachanApp app) => await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

    [Theory, BothProviders]
    public async Task A_preview_queued_when_the_app_stops_runs_when_it_starts_again(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid id;
        RosterWorld w;
        await using (var first = await StartAsync(Node(database)))
        {
            w = await RosterWorld.CreateAsync(first);
            await (await SchedulerOf(first)).Standby(); // nothing runs on this node: the job stays queued
            id = await UploadOkAsync(await first.ApiClientAsync(w.Hr), w.Own.Id,
                Write(_dir.Root, "csv", Sheet([Row(1, Person.Of(w.Stays)), Row(2, Person.New("Đỗ Văn Nam", Features.Registry.Contracts.Sex.Male, 1995))])));
            Assert.Equal(ImportStatus.Uploaded, await StatusInDbAsync(first, id));
        }

        await using var second = await StartAsync(Node(database));
        var state = await UntilStatusAsync(await second.ApiClientAsync(w.Hr), id, "Previewed", seconds: 120);
        Assert.Equal(1, state.GetProperty("preview").Count("created"));
    }

    [Theory, BothProviders]
    public async Task A_commit_running_when_the_app_stops_is_handed_back_and_finished_after_the_restart(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid id;
        RosterWorld w;
        TableCounts before;
        Npgsql.NpgsqlConnection? importLock = null;
        await using (var first = await StartAsync(Node(database)))
        {
            w = await RosterWorld.CreateAsync(first);
            var api = await first.ApiClientAsync(w.Hr);
            id = await UploadOkAsync(api, w.Own.Id, BigRoster(20_000, 601));
            await UntilStatusAsync(api, id, "Previewed", seconds: 400);
            before = await TableCounts.OfAsync(first);
            // PostgreSQL commits 20,000 rows faster than a host stops: the commit's import lock is held here so the job
            // is surely inside its transaction when the app stops (SQLite's commit is slow enough to be caught running).
            if (provider == DatabaseProvider.Postgres)
            {
                importLock = new Npgsql.NpgsqlConnection(database.ConnectionString + ";Pooling=false");
                await importLock.OpenAsync();
                await using var take = new Npgsql.NpgsqlCommand("SELECT pg_advisory_lock(7270522)", importLock);
                await take.ExecuteNonQueryAsync();
            }
            Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsync($"/api/v1/rosters/{id}/commit", null)).StatusCode);
            // the job has read and planned the file and is writing (progress 5 % and up): stop the app now
            var until = DateTime.UtcNow.AddSeconds(300);
            while ((await StateAsync(api, id)).GetProperty("progress") is var p && (p.ValueKind != System.Text.Json.JsonValueKind.Number || p.GetInt32() < 5))
            {
                Assert.True(DateTime.UtcNow < until, "the commit never started");
                await Task.Delay(20);
            }
            if (importLock is not null) await Task.Delay(300); // into the transaction, waiting for the import lock
        }

        if (importLock is not null)
        {
            await using (var release = new Npgsql.NpgsqlCommand("SELECT pg_advisory_unlock(7270522)", importLock))
                await release.ExecuteNonQueryAsync();
            await importLock.DisposeAsync();
        }

        // stopped half-way: rolled back (nothing of it in the registry or the audit trail), and still waiting for its job
        await using (var db = Contexts.Open(database))
        {
            var afterStop = await db.Set<RosterImport>().AsNoTracking().SingleAsync(i => i.Id == id);
            Assert.Equal((ImportStatus.Committing, null), (afterStop.Status, afterStop.OutcomeJson));
            Assert.Equal(before.Workers, await db.Set<Worker>().CountAsync());
            Assert.Equal(before.Audits, await db.AuditEvents.CountAsync(e => e.EntityType != RosterPreviewAudit.EntityType));
        }

        await using var second = await StartAsync(Node(database));
        var state = await UntilStatusAsync(await second.ApiClientAsync(w.Hr), id, "Committed", seconds: 400);
        Assert.True(state.GetProperty("outcome").GetProperty("created").GetInt32() > 15_000, state.ToString()[..200]);
        Assert.Equal(before.Workers + state.GetProperty("outcome").GetProperty("created").GetInt32(), (await TableCounts.OfAsync(second)).Workers);
        Assert.Equal(1, await ImportAuditsAsync(second, w.Own.Id));
    }

    /// <summary>Counts, per job, the executions each node's scheduler ran.</summary>
    private sealed class Executions(string node, ConcurrentBag<(string Node, string Job)> seen) : IJobListener
    {
        public string Name => "count-" + node;
        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            seen.Add((node, context.JobDetail.Key.Name));
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task Two_nodes_on_one_PostgreSQL_run_each_job_exactly_once()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var a = await StartAsync(Node(database));
        await using var b = await StartAsync(Node(database));
        var seen = new ConcurrentBag<(string Node, string Job)>();
        (await SchedulerOf(a)).ListenerManager.AddJobListener(new Executions("a", seen), [GroupMatcher<JobKey>.GroupEquals("rosters")]);
        (await SchedulerOf(b)).ListenerManager.AddJobListener(new Executions("b", seen), [GroupMatcher<JobKey>.GroupEquals("rosters")]);

        var w = await RosterWorld.CreateAsync(a);
        var apis = new[] { await a.ApiClientAsync(w.Hr), await b.ApiClientAsync(w.Hr) };
        var ids = new List<Guid>();
        for (var i = 0; i < 12; i++)
            ids.Add(await UploadOkAsync(apis[i % 2], w.Own.Id,
                Write(_dir.Root, "csv", Sheet([Row(1, Person.New($"Hoàng Văn {(char)('A' + i)}", Features.Registry.Contracts.Sex.Male, 1990 + i))]))));
        foreach (var id in ids) await UntilStatusAsync(apis[0], id, "Previewed", seconds: 120);
        await Task.Delay(TimeSpan.FromSeconds(2)); // a duplicate firing would show by now

        var runs = seen.Where(s => s.Job.StartsWith("preview-", StringComparison.Ordinal)).GroupBy(s => s.Job).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(ids.Select(id => RosterJobs.KeyOf(id, RosterJobKind.Preview).Name).Order(), runs.Keys.Order());
        Assert.All(runs, r => Assert.Equal(1, r.Value));
    }

    [Fact]
    public async Task A_cancel_on_one_node_stops_the_commit_running_on_the_other_and_nothing_is_written()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var a = await StartAsync(Node(database));
        await using var b = await StartAsync(Node(database));
        await (await SchedulerOf(b)).Standby(); // the jobs run on A
        var w = await RosterWorld.CreateAsync(a);
        var apiA = await a.ApiClientAsync(w.Hr);
        var apiB = await b.ApiClientAsync(w.Hr);
        var id = await UploadOkAsync(apiA, w.Own.Id, BigRoster(20_000, 602));
        await UntilStatusAsync(apiA, id, "Previewed", seconds: 400);
        var hrOnB = await b.LoggedInClientAsync(w.Hr); // before the counts: a login is audited
        var before = await TableCounts.OfAsync(a);

        Assert.Equal(HttpStatusCode.Accepted, (await apiA.PostAsync($"/api/v1/rosters/{id}/commit", null)).StatusCode);
        // B shows the progress A writes to the row, and B's page cancels
        var until = DateTime.UtcNow.AddSeconds(300);
        while ((await StateAsync(apiB, id)).GetProperty("progress") is var p && (p.ValueKind != System.Text.Json.JsonValueKind.Number || p.GetInt32() < 5))
        {
            Assert.True(DateTime.UtcNow < until, "B never saw the commit's progress");
            await Task.Delay(20);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await PostHandlerAsync(hrOnB, id, "Cancel")).StatusCode);

        var state = await UntilDoneAsync(apiB, id, seconds: 120);
        Assert.Equal("Cancelled", state.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, state.GetProperty("outcome").ValueKind);
        Assert.Equal(before, await TableCounts.OfAsync(b));
        Assert.Equal(0, await ImportAuditsAsync(b, w.Own.Id));
    }
}
