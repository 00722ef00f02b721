using System.Data.Common;
using System.Diagnostics;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Rosters;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Lachan.Tests.Rosters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Lachan.Tests.Integration.Rosters.RosterKit;

namespace Lachan.Tests.Integration.Rosters;

/// <summary>Apps whose roster commits defer the indexes from 100 new workers (Imports:DeferIndexesFrom) instead of
/// 50,000, so a small roster takes the path of a province's first load.</summary>
public sealed class DeferringApps() : Apps(Seed.Empty, new Dictionary<string, string> { ["Imports:DeferIndexesFrom"] = "100" });

/// <summary>A roster commit that defers the indexes (ADR-0009, write path) rebuilds every index and key, whether it
/// commits, is cancelled or fails in the rebuild; on PostgreSQL, when readers hold the tables, it loads with every
/// index rather than make the app wait behind its locks.</summary>
public sealed class RosterDeferredIndexTests(DeferringApps apps) : IClassFixture<DeferringApps>, IDisposable
{
    private readonly TempFolder _dir = new();
    public void Dispose() => _dir.Dispose();

    /// <summary>Takes the schema when the commit reports 50 % (the new workers written, the indexes dropped if
    /// deferred), through the committer's own context, inside its transaction; then cancels if asked.</summary>
    private sealed class SchemaAtHalfWay(LachanDb db, CancellationTokenSource? cancel = null) : IProgress<int>
    {
        public List<int> Seen { get; } = [];
        public List<string>? During { get; private set; }
        public void Report(int value)
        {
            Seen.Add(value);
            if (value != 50) return;
            During = BulkWriterTests.Schema(db).ToList();
            cancel?.Cancel();
        }
    }

    /// <summary>A world, its roster planned, and the registry before the commit.</summary>
    private sealed record Setup(LachanApp App, RosterWorld W, RosterPlan Plan, int NewLodged, TableCounts Before, List<string> Schema);

    /// <summary>A roster of at least as many new people as the registry's largest key (on PostgreSQL only a load that
    /// doubles the registry defers), every third in the world's lodging house; Stays moves to the other house, Updated
    /// has a new phone, Rehired comes back, the two leavers are missing.</summary>
    private async Task<Setup> SetUpAsync(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await RosterWorld.CreateAsync(app);
        var n = Math.Max(150, await app.WithDbAsync(db => db.Set<Worker>().MaxAsync(x => x.Id)) + 50);
        var rows = new List<object?[]>
        {
            Row(1, Person.Of(w.Stays) with { Lodging = w.Registry.LodgingOther.Name }),
            Row(2, Person.Of(w.Updated) with { Phone = "0911000222" }),
            Row(3, Person.Of(w.Rehired)),
        };
        for (var i = 0; i < n; i++)
            rows.Add(Row(rows.Count + 1, Person.New($"Lương Văn {(char)('A' + i % 26)}", i % 2 == 0 ? Sex.Male : Sex.Female, 1980 + i % 20)
                with { Lodging = i % 3 == 0 ? w.LodgingName : null }));
        var plan = await RosterAllOrNothingTests.PlanAsync(app, w, Write(_dir.Root, "csv", Sheet(rows)));
        Assert.Equal((n, 2, 1, 1), (plan.Count(PlanKind.New), plan.Leaving.Count, plan.Count(PlanKind.Update), plan.Count(PlanKind.Rehire)));
        return new Setup(app, w, plan, (n + 2) / 3, await TableCounts.OfAsync(app), await app.WithDbAsync(BulkWriterTests.SchemaAsync));
    }

    /// <summary>Commits through RosterImports as the background job does; returns what the probe saw and what the
    /// commit threw, if anything.</summary>
    private static async Task<(SchemaAtHalfWay Probe, Exception? Error)> CommitAsync(LachanApp app, RosterPlan plan, string hash,
        CancellationTokenSource? cancel = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var probe = new SchemaAtHalfWay(scope.ServiceProvider.GetRequiredService<LachanDb>(), cancel);
        try
        {
            await scope.ServiceProvider.GetRequiredService<RosterImports>().CommitAsync(plan, hash, new CommitRequest("test", plan.Leaving.Count), probe, cancel?.Token ?? CancellationToken.None);
            return (probe, null);
        }
        catch (Exception e)
        {
            return (probe, e);
        }
    }

    /// <summary>The registry says what the roster of <see cref="SetUpAsync"/> says, row counts included.</summary>
    private static async Task RosterHeldAsync(Setup s)
    {
        var (w, plan, before, newLodged) = (s.W, s.Plan, s.Before, s.NewLodged);
        var n = plan.Count(PlanKind.New);
        Assert.Equal(before with
        {
            Workers = before.Workers + n, Employments = before.Employments + n + 1, Residences = before.Residences + newLodged + 1,
            Movements = before.Movements + (n + 1) + (newLodged + 1) + 2, Audits = before.Audits + 1,
        }, await TableCounts.OfAsync(w.App));
        var asOf = RosterWorld.AsOf;
        await w.App.WithDbAsync(async db =>
        {
            var created = plan.Rows.Where(r => r.Kind == PlanKind.New).Select(r => r.Row.Cccd).ToList();
            Assert.Equal(n, await db.Set<Worker>().CountAsync(x => created.Contains(x.Cccd) && x.CurrentEnterpriseId == w.Own.Id));
            var stays = await db.Set<Worker>().AsNoTracking().Include(x => x.Residences).SingleAsync(x => x.Id == w.Stays.Id);
            Assert.Equal(w.Registry.LodgingOther.Id, stays.CurrentLodgingHouseId);
            Assert.Equal([(w.Registry.LodgingOwn.Id, (DateOnly?)asOf), (w.Registry.LodgingOther.Id, null)],
                stays.Residences.OrderBy(r => r.From).Select(r => (r.LodgingHouseId, r.To)));
            Assert.Equal("0911000222", await db.Set<Worker>().Where(x => x.Id == w.Updated.Id).Select(x => x.Phone).SingleAsync());
            foreach (var leaver in new[] { w.Leaver1, w.Leaver2 })
            {
                var x = await db.Set<Worker>().AsNoTracking().Include(y => y.Employments).SingleAsync(y => y.Id == leaver.Id);
                Assert.Equal(((int?)null, (DateOnly?)asOf), (x.CurrentEnterpriseId, Assert.Single(x.Employments).To));
            }
            Assert.Equal(w.Own.Id, await db.Set<Worker>().Where(x => x.Id == w.Rehired.Id).Select(x => x.CurrentEnterpriseId).SingleAsync());
        });
    }

    [Theory, BothProviders]
    public async Task A_roster_that_defers_the_indexes_commits_with_every_index_and_key_back(DatabaseProvider provider)
    {
        var s = await SetUpAsync(provider);
        var (probe, error) = await CommitAsync(s.App, s.Plan, "deferred");

        Assert.Null(error);
        Assert.DoesNotContain("IX_Workers_Cccd", probe.During!);   // it did defer
        Assert.DoesNotContain("IX_Employments_WorkerId_To_From_EnterpriseId", probe.During!);
        if (provider == DatabaseProvider.Postgres) Assert.DoesNotContain("FK_Employments_Workers_WorkerId", probe.During!);
        Assert.Equal(s.Schema, await s.App.WithDbAsync(BulkWriterTests.SchemaAsync));
        await RosterHeldAsync(s);
    }

    [Theory, BothProviders]
    public async Task A_deferring_commit_cancelled_or_failing_in_the_rebuild_leaves_schema_and_data_as_before(DatabaseProvider provider)
    {
        var (app, w, plan, _, before, schema) = await SetUpAsync(provider);

        // cancelled with the indexes dropped and the new workers written
        using (var cts = new CancellationTokenSource())
        {
            var (probe, error) = await CommitAsync(app, plan, "cancelled", cts);
            Assert.IsAssignableFrom<OperationCanceledException>(error);
            Assert.DoesNotContain("IX_Workers_Cccd", probe.During!);
            Assert.DoesNotContain(100, probe.Seen);
        }
        Assert.Equal(schema, await app.WithDbAsync(BulkWriterTests.SchemaAsync));
        await RosterAllOrNothingTests.NoTraceAsync(app, w, plan, before);

        // someone registers one of the new people by hand meanwhile: without its unique index the insert goes through,
        // and the index's rebuild is what fails
        var last = plan.Rows.Last(r => r.Kind == PlanKind.New).Row;
        await RosterAllOrNothingTests.RegisterByHandAsync(app, last);
        before = await TableCounts.OfAsync(app);
        var (failed, failure) = await CommitAsync(app, plan, "conflict");
        Assert.IsAssignableFrom<DbException>(failure);
        Assert.DoesNotContain("IX_Workers_Cccd", failed.During!);
        Assert.Contains(70, failed.Seen);   // every row was written; the rebuild at the end failed
        Assert.DoesNotContain(85, failed.Seen);
        Assert.Equal(schema, await app.WithDbAsync(BulkWriterTests.SchemaAsync));
        await RosterAllOrNothingTests.NoTraceAsync(app, w, plan, before);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Worker>().CountAsync(x => x.Cccd == last.Cccd)));
    }

    /// <summary>A long read holds "Workers" (a report's transaction): the commit gives up deferring after the lock
    /// timeout and loads with every index, so it neither waits for the reader nor makes new readers wait behind it.
    /// It finishes while the reader still holds its lock, which it could not have had it dropped an index.</summary>
    [Fact]
    public async Task On_PostgreSQL_a_deferring_commit_that_cannot_lock_the_tables_in_time_loads_with_every_index()
    {
        var s = await SetUpAsync(DatabaseProvider.Postgres);

        await using var reader = new NpgsqlConnection(s.App.Database.ConnectionString);
        await reader.OpenAsync();
        await using var read = await reader.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("LOCK TABLE \"Workers\" IN ACCESS SHARE MODE", reader, read))
            await hold.ExecuteNonQueryAsync();

        var clock = Stopwatch.StartNew();
        var (probe, error) = await CommitAsync(s.App, s.Plan, "busy").WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Null(error);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(20));   // tried for the lock timeout, then went on
        Assert.Equal(s.Schema, probe.During);   // nothing deferred
        await using (var held = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks WHERE pid = pg_backend_pid() AND relation = '\"Workers\"'::regclass AND mode = 'AccessShareLock'", reader, read))
            Assert.Equal(1L, await held.ExecuteScalarAsync());   // the reader kept its lock throughout
        await RosterHeldAsync(s);
        await read.RollbackAsync();
        Assert.Equal(s.Schema, await s.App.WithDbAsync(BulkWriterTests.SchemaAsync));
    }
}
