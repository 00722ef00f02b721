using System.Data.Common;
using System.Net;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Rosters;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Lachan.Tests.Infrastructure;
using Lachan.Tests.Rosters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using static Lachan.Tests.Integration.Rosters.RosterKit;

namespace Lachan.Tests.Integration.Rosters;

/// <summary>A commit is all-or-nothing: cancelled half-way, failing on a database error, or cancelled through the
/// page while its background job runs, it leaves no trace in the registry or the audit trail.</summary>
public sealed class RosterAllOrNothingTests(EmptyApps apps) : IClassFixture<EmptyApps>, IDisposable
{
    private readonly TempFolder _dir = new();
    public void Dispose() => _dir.Dispose();

    /// <summary>Reports synchronously (System.Progress posts to the thread pool, too late to cancel at a given point)
    /// and cancels once the commit says it got this far.</summary>
    private sealed class CancelAt(int percent, CancellationTokenSource cts) : IProgress<int>
    {
        public List<int> Seen { get; } = [];
        public void Report(int value)
        {
            Seen.Add(value);
            if (value >= percent) cts.Cancel();
        }
    }

    /// <summary>A roster of <paramref name="newWorkers"/> new people (some with lodging) plus the world's own workers
    /// except the two leavers, and the updated worker with a new phone: every kind of write the committer does.</summary>
    private string Roster(RosterWorld w, int newWorkers, string format = "csv")
    {
        var rows = new List<object?[]>
        {
            Row(1, Person.Of(w.Stays)), Row(2, Person.Of(w.Updated) with { Phone = "0911000111" }), Row(3, Person.Of(w.Rehired)),
        };
        for (var i = 0; i < newWorkers; i++)
            rows.Add(Row(rows.Count + 1, Person.New($"Nguyễn Văn {(char)('A' + i % 26)}", i % 2 == 0 ? Sex.Male : Sex.Female, 1980 + i % 20)
                with { Lodging = i % 3 == 0 ? w.LodgingName : null }));
        return Write(_dir.Root, format, Sheet(rows));
    }

    internal static async Task<RosterPlan> PlanAsync(LachanApp app, RosterWorld w, string path)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var prepared = await scope.ServiceProvider.GetRequiredService<RosterImports>().PrepareAsync(path, w.Own.Id, RosterWorld.AsOf, null, CancellationToken.None);
        return prepared.Plan ?? throw new InvalidOperationException("refused: " + prepared.Preview.Refused);
    }

    /// <summary>Nothing of the plan reached the registry: the leavers are still employed, no new CCCD exists, the
    /// update was not applied, the re-hire did not happen, and there is no import in the audit trail.</summary>
    internal static async Task NoTraceAsync(LachanApp app, RosterWorld w, RosterPlan plan, TableCounts before)
    {
        Assert.Equal(before, await TableCounts.OfAsync(app));
        var created = plan.Rows.Where(r => r.Kind == PlanKind.New).Select(r => r.Row.Cccd).ToList();
        await app.WithDbAsync(async db =>
        {
            Assert.Equal(0, await db.Set<Worker>().CountAsync(x => created.Contains(x.Cccd) && x.CurrentEnterpriseId == w.Own.Id));
            foreach (var leaver in new[] { w.Leaver1, w.Leaver2 })
            {
                var x = await db.Set<Worker>().AsNoTracking().Include(y => y.Employments).SingleAsync(y => y.Id == leaver.Id);
                Assert.Equal(w.Own.Id, x.CurrentEnterpriseId);
                Assert.Null(Assert.Single(x.Employments).To);
            }
            Assert.Equal(w.Updated.Phone, await db.Set<Worker>().Where(x => x.Id == w.Updated.Id).Select(x => x.Phone).SingleAsync());
            Assert.Null(await db.Set<Worker>().Where(x => x.Id == w.Rehired.Id).Select(x => x.CurrentEnterpriseId).SingleAsync());
        });
        Assert.Equal(0, await ImportAuditsAsync(app, w.Own.Id));
    }

    [Theory, BothProviders]
    public async Task Cancelled_from_the_progress_callback_past_half_way_the_commit_leaves_no_trace(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await RosterWorld.CreateAsync(app);
        var plan = await PlanAsync(app, w, Roster(w, 2_000));
        Assert.Equal((2_000, 2, 1, 1), (plan.Count(PlanKind.New), plan.Leaving.Count, plan.Count(PlanKind.Update), plan.Count(PlanKind.Rehire)));
        var before = await TableCounts.OfAsync(app);

        using var cts = new CancellationTokenSource();
        var progress = new CancelAt(50, cts);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var committer = scope.ServiceProvider.GetRequiredService<RosterCommitter>();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => committer.CommitAsync(plan, "cancelled-at-50", new CommitRequest("test", plan.Leaving.Count), progress, cts.Token));
        }
        // it really was half-way: the workers had been written (50 %) when it was cancelled, and it never finished
        Assert.Contains(50, progress.Seen);
        Assert.DoesNotContain(100, progress.Seen);
        await NoTraceAsync(app, w, plan, before);

        // and the same plan commits afterwards: the cancelled attempt left nothing in the way (no lock, no key taken)
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<RosterCommitter>().CommitAsync(plan, "after-cancel", new CommitRequest("test", plan.Leaving.Count), null, CancellationToken.None);
            Assert.Equal((2_000, 2, 2_001), (outcome.Created, outcome.Left, outcome.Hired));
        }
        Assert.Equal(before.Workers + 2_000, (await TableCounts.OfAsync(app)).Workers);
    }

    /// <summary>Between the preview and the commit, someone registers one of the roster's new people by hand (the
    /// worker form, another import): the commit's insert of that CCCD hits the unique index after the leavers' updates
    /// and the other new workers were already written in the transaction. All of it must roll back.</summary>
    /// <summary>Registers the person of a roster row as the worker form would, outside any import.</summary>
    internal static Task RegisterByHandAsync(LachanApp app, RosterRow row) => app.WithDbAsync(async db =>
    {
        db.Set<Worker>().Add(new Worker
        {
            Cccd = row.Cccd, FullName = row.FullName, NameSearch = VietnameseText.SearchKey(row.FullName), Sex = row.Sex!.Value,
            DateOfBirth = row.DateOfBirth!.Value, HomeProvinceCode = "024", ProvinceCode = TestRegistry.OwnProvince,
        });
        await db.SaveChangesAsync();
    });

    [Theory, BothProviders]
    public async Task A_database_error_late_in_the_commit_rolls_back_everything_before_it(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await RosterWorld.CreateAsync(app);
        var plan = await PlanAsync(app, w, Roster(w, 300));
        var last = plan.Rows.Last(r => r.Kind == PlanKind.New).Row;
        await RegisterByHandAsync(app, last);
        var before = await TableCounts.OfAsync(app);

        var progress = new CancelAt(101, new CancellationTokenSource());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var committer = scope.ServiceProvider.GetRequiredService<RosterCommitter>();
            await Assert.ThrowsAnyAsync<DbException>(() => committer.CommitAsync(plan, "conflict", new CommitRequest("test", plan.Leaving.Count), progress, CancellationToken.None));
        }
        Assert.Contains(20, progress.Seen); // the leavers' employments had been closed in the transaction
        await NoTraceAsync(app, w, plan, before);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Worker>().CountAsync(x => x.Cccd == last.Cccd)));
    }

    /// <summary>The page's Cancel while the background commit of a 50,000-row roster runs: the import ends Cancelled
    /// and the registry is as before.</summary>
    [Theory, BothProviders]
    public async Task Cancel_on_the_page_right_after_commit_of_a_large_roster_leaves_no_trace(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await RosterWorld.CreateAsync(app);
        var api = await app.ApiClientAsync(w.Hr);
        var hr = await app.LoggedInClientAsync(w.Hr);
        var path = _dir.File("big.csv");
        var sample = SampleRosters.Generate(50_000, seed: provider == DatabaseProvider.Sqlite ? 501 : 502);
        SampleRosters.WriteCsv(path, sample.Cells(), new System.Text.UTF8Encoding(false));
        var tally = sample.Tally();

        var id = await UploadOkAsync(api, w.Own.Id, path);
        var preview = (await UntilStatusAsync(api, id, "Previewed", seconds: 400)).GetProperty("preview");
        Assert.Equal(tally.DataRows, preview.Count("rows"));
        Assert.True(preview.Count("created") > 45_000, preview.ToString()[..200]);
        var before = await TableCounts.OfAsync(app);

        var token = Http.AntiforgeryToken(await hr.GetStringAsync($"/Rosters/{id}"));
        var commit = await PostHandlerAsync(hr, id, "Commit", token: token);
        Assert.Equal(HttpStatusCode.Redirect, commit.StatusCode);
        var cancel = await PostHandlerAsync(hr, id, "Cancel", token: token);
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);

        var state = await UntilDoneAsync(api, id, seconds: 400);
        Assert.Equal("Cancelled", state.GetProperty("status").GetString());
        Assert.Equal(JsonValueKindNull, state.GetProperty("outcome").ValueKind);
        Assert.Equal(before, await TableCounts.OfAsync(app));
        Assert.Equal(0, await ImportAuditsAsync(app, w.Own.Id));
        Assert.Equal("Đã hủy", TestIdText(await hr.GetPageAsync($"/Rosters/{id}"), "import-status"));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    /// <summary>A commit still waiting in the queue (both workers busy, or not yet picked up) is cancelled too: the
    /// job, when it comes, writes nothing. The app's scheduler is held in standby so the job stays queued.</summary>
    [Theory, BothProviders]
    public async Task Cancel_of_a_commit_still_in_the_queue_is_honoured_when_the_job_starts(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await RosterWorld.CreateAsync(app);
        var api = await app.ApiClientAsync(w.Hr);
        var hr = await app.LoggedInClientAsync(w.Hr);
        var id = await UploadOkAsync(api, w.Own.Id, Roster(w, 20));
        await UntilStatusAsync(api, id, "Previewed");
        var before = await TableCounts.OfAsync(app);

        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Standby();
        try
        {
            Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsync($"/api/v1/rosters/{id}/commit", null)).StatusCode);
            var token = Http.AntiforgeryToken(await hr.GetStringAsync($"/Rosters/{id}"));
            Assert.Equal(HttpStatusCode.Redirect, (await PostHandlerAsync(hr, id, "Cancel", token: token)).StatusCode);
            Assert.Equal(ImportStatus.Committing, await StatusInDbAsync(app, id)); // still queued: nothing ran yet
        }
        finally
        {
            await scheduler.Start();
        }
        var until = DateTime.UtcNow.AddSeconds(120);
        while (await StatusInDbAsync(app, id) is ImportStatus.Committing && DateTime.UtcNow < until)
            await Task.Delay(100);
        Assert.Equal(ImportStatus.Cancelled, await StatusInDbAsync(app, id));
        Assert.Equal(before, await TableCounts.OfAsync(app));
        Assert.Equal(0, await ImportAuditsAsync(app, w.Own.Id));
    }
}
