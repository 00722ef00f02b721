using Lachan.Features.Registry.Contracts;
using Lachan.Features.Registry.Transfers;
using Lachan.Features.Registry.Workers;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Rosters;

public sealed record ChangedWorker(int Id, string Cccd, string FullName, PlanKind Kind);

public sealed record RosterOutcome(int Created, int Updated, int Hired, int Left, int Moved, int TransfersToReview, int Unchanged)
{
    /// <summary>The first created or changed workers, for links on the result page.</summary>
    public IReadOnlyList<ChangedWorker> Changed { get; init; } = [];
    /// <summary>Rows not written because of their errors (or a new person without a birth date): how many, and the
    /// first <see cref="RosterCommitter.SkippedListed"/> row numbers, for the final message.</summary>
    public int Skipped { get; init; }
    public IReadOnlyList<int> SkippedRows { get; init; } = [];

    /// <summary>"4, 17, 230" (and "…" when more were skipped than listed), for "rows {1}" of Roster.SkippedRows.</summary>
    public string SkippedRowsText() => string.Join(", ", SkippedRows) + (Skipped > SkippedRows.Count ? ", …" : "");

    /// <summary>Seconds spent in each step of the commit, in order, for the command line's --json and the benchmark.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<(string Step, double Seconds)> Steps { get; init; } = [];
}

/// <summary>Writes a roster plan in one transaction: new workers, employments, residences and movements through
/// the bulk writer, changes through <see cref="Statements"/>. A cancellation or any error rolls everything back.</summary>
public sealed class RosterCommitter(LachanDb db, AuditLog audit, RosterLeavers leavers, IConfiguration config, ILogger<RosterCommitter> log)
{
    private static readonly SemaphoreSlim SqliteImportGate = new(1, 1);

    /// <summary>Refused (<see cref="RosterCommitRefusedException"/>, nothing written) when the plan takes more than the set share
    /// of the workforce off the payroll and the request does not confirm that number: every path (page, API, command
    /// line) comes through here, and a registry that changed since the preview is checked again.</summary>
    public async Task<RosterOutcome> CommitAsync(RosterPlan plan, string fileHash, CommitRequest request, IProgress<int>? progress, CancellationToken ct)
    {
        if (leavers.Ask(plan) is { } ask && request.ConfirmedLeavers != ask.Leavers)
            throw new RosterCommitRefusedException(LeaversToConfirm.Code, ask.Args);
        var gate = db.IsPostgres ? null : SqliteImportGate;
        if (gate is not null) await gate.WaitAsync(ct);
        try
        {
            await using var tuning = await SqliteLoadTuning.ApplyAsync(db, relaxSync: false);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (db.IsPostgres) // one import at a time may take keys
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7270522)", ct);
            var steps = new Steps();
            var outcome = await WriteAsync(plan, progress, steps, ct);
            await FileTransfersAsync(plan, request.UserName ?? "cli", ct);
            steps.Done("transfers");
            // The job that writes has no user of its own: the event names who asked for the commit.
            audit.Record("import", "Roster", plan.EnterpriseId, after: new { fileHash, asOf = UiText.Date(plan.AsOf), outcome }, userName: request.UserName);
            await db.SaveChangesAsync(ct);
            ct.ThrowIfCancellationRequested();
            await tx.CommitAsync(CancellationToken.None);
            steps.Done("audit and commit");
            progress?.Report(100);
            return outcome with { Changed = await ChangedAsync(plan, CancellationToken.None), Skipped = SkippedCount(plan), SkippedRows = SkippedRows(plan), Steps = steps.List };
        }
        finally
        {
            gate?.Release();
        }
    }

    private async Task<RosterOutcome> WriteAsync(RosterPlan plan, IProgress<int>? progress, Steps steps, CancellationToken ct)
    {
        var e = plan.EnterpriseId;
        var on = plan.AsOf;
        var province = await db.Set<Enterprise>().Where(x => x.Id == e).Select(x => x.ProvinceCode).FirstAsync(ct);
        var ids = new Keys(
            await db.Set<Worker>().MaxAsync(w => (int?)w.Id, ct) ?? 0,
            await db.Set<Employment>().MaxAsync(w => (int?)w.Id, ct) ?? 0,
            await db.Set<Residence>().MaxAsync(w => (int?)w.Id, ct) ?? 0,
            await db.Set<MovementEvent>().MaxAsync(w => (long?)w.Id, ct) ?? 0);

        var lastWorkerId = ids.Worker;
        var newWorkers = plan.Count(PlanKind.New);
        var closeEmployment = plan.Leaving.Select(l => l.WorkerId).ToList();   // their open employment here ends on the as-of date
        var closeResidence = plan.Rows.Where(MovesExistingWorker).Select(p => p.WorkerId!.Value).ToList();
        var current = plan.Rows.Where(p => p.Kind == PlanKind.Rehire || (p.Kind is PlanKind.Update or PlanKind.Unchanged && p.MovesLodging))
            .Select(p => (Worker: p.WorkerId!.Value, Enterprise: (int?)e, Lodging: p.MovesLodging ? p.LodgingHouseId : null)).ToList();
        progress?.Report(10);

        var sql = new Statements(db);
        // Close what ends before inserting what starts, so a worker never has two open residences.
        await sql.CloseResidencesAsync(closeResidence, on, ct);
        await sql.CloseEmploymentsAsync(closeEmployment, e, on, ct);
        steps.Done("close");
        progress?.Report(20);

        // The entities are made as the bulk writer consumes them, not held in lists: at 500,000 rows the lists
        // of workers, employments and movements were the largest thing in memory.
        var rows = WithWorkerIds(plan, lastWorkerId).ToList();
        await using (var bulk = BulkWriter.Begin(db))
        {
            if (DefersIndexes(newWorkers, lastWorkerId)
                && !await bulk.DeferIndexesAsync([typeof(Worker), typeof(WorkerNameWord), typeof(Employment), typeof(MovementEvent)], keysToOtherTables: false, ct))
                log.LogWarning("Roster import for enterprise {EnterpriseId}: the registry's tables were busy, so {Workers} new workers load with every index in place (slower)", e, newWorkers);
            steps.Done("defer indexes");
            // The name words are made on the other core while the workers are written (the writer is one thread): at
            // 475,000 new workers making 1.4 million words took about as long as writing them.
            var words = Task.Run(() => NewNameWords(rows, newWorkers), ct);
            await bulk.WriteAsync(rows.Where(r => r.Planned.Kind == PlanKind.New).Select(r => NewWorker(r.Planned, r.WorkerId, province, e)), ct);
            steps.Done("workers");
            await bulk.WriteAsync((await words).Select(w => new WorkerNameWord { WorkerId = w.WorkerId, Word = w.Word, Exact = w.Exact }), ct);
            steps.Done("name words");
            progress?.Report(50);
            await bulk.WriteAsync(rows.Where(r => r.Planned.Kind is PlanKind.New or PlanKind.Rehire).Select(r => new Employment
            {
                Id = ++ids.Employment, WorkerId = r.WorkerId, EnterpriseId = e, From = r.Planned.Row.HiredOn ?? on,
                ContractType = r.Planned.Row.Contract ?? ContractType.Definite, Workshop = r.Planned.Row.Workshop,
            }), ct);
            await bulk.WriteAsync(rows.Where(r => r.Planned.MovesLodging && r.Planned.Kind != PlanKind.Transfer).Select(r => new Residence
            {
                Id = ++ids.Residence, WorkerId = r.WorkerId, LodgingHouseId = r.Planned.LodgingHouseId!.Value, From = on,
            }), ct);
            progress?.Report(70);
            await bulk.WriteAsync(Movements(rows, plan, ids), ct);
            steps.Done("employments, residences, movements");
            await bulk.CompleteAsync(ct);
            steps.Done("indexes and statistics");
        }
        progress?.Report(85);
        await sql.SetCurrentAsync(current, ct);
        // A re-hired worker's stated fields are applied too, as the preview shows them.
        var updated = plan.Rows.Where(p => p.Kind == PlanKind.Update || (p.Kind == PlanKind.Rehire && p.Changes.Count > 0)).ToList();
        await sql.UpdateFieldsAsync(updated, ct);
        await NameWords.ReplaceAsync(db, [.. updated.Select(p => (p.WorkerId!.Value, p.Row.FullName))], ct);
        steps.Done("updates");
        progress?.Report(95);

        return new RosterOutcome(newWorkers, updated.Count, plan.Hired, plan.Leaving.Count, plan.MovedLodging,
            plan.Count(PlanKind.Transfer), plan.Count(PlanKind.Unchanged));
    }

    /// <summary>Someone employed at another enterprise is not moved: a pending transfer request goes to the reviewer of that
    /// employer (ADR-0014), with what the roster states.</summary>
    private Task<int> FileTransfersAsync(RosterPlan plan, string requestedBy, CancellationToken ct) =>
        TransferRequests.FileAsync(db, plan.EnterpriseId, "roster", requestedBy, DateTime.UtcNow, plan.Rows.Where(p => p.Kind == PlanKind.Transfer)
            .Select(p => new TransferRequests.Ask(p.WorkerId!.Value, p.FromEnterpriseId!.Value, new TransferSupplied(p.Row.FullName, p.Row.Sex,
                p.Row.DateOfBirth, p.Row.Phone, p.Row.Cmnd, p.Row.Bhxh, p.Row.PermanentAddress, p.Row.HiredOn ?? plan.AsOf,
                p.Row.Contract ?? ContractType.Definite, p.Row.Workshop, p.LodgingHouseId))).ToList(), ct);

    /// <summary>A province-size first load: one sort per index beats a b-tree insert per row, many times over
    /// (ADR-0009), but only while the new rows are most of the table: rebuilding every index over a large registry
    /// costs more than inserting a smaller load into it (SQLite, 95,000 new workers into 495,000: 7.9 s deferred,
    /// 3.9 s not). So a load qualifies when it at least doubles the registry. On PostgreSQL that is also when dropping
    /// an index, which locks every reader of the table out until the commit, does least harm (a first load, when there
    /// is little to read yet); SQLite readers keep their snapshot in WAL mode. The registry's largest key stands for
    /// its size: never smaller, so the test errs toward keeping the indexes. The threshold is
    /// Imports:DeferIndexesFrom (default 50,000), set low by the tests that go through this path.</summary>
    private bool DefersIndexes(int newWorkers, int lastWorkerId) =>
        newWorkers >= config.GetValue("Imports:DeferIndexesFrom", 50_000) && newWorkers >= lastWorkerId;

    /// <summary>An existing worker whose open residence ends because the roster puts them in another lodging house.</summary>
    private static bool MovesExistingWorker(PlannedRow p) => p.Kind is PlanKind.Update or PlanKind.Unchanged or PlanKind.Rehire && p.MovesLodging;

    /// <summary>The plan's rows that write something, each with its worker's id: a new worker's is the next key.</summary>
    private static IEnumerable<(PlannedRow Planned, int WorkerId)> WithWorkerIds(RosterPlan plan, int lastWorkerId)
    {
        foreach (var p in plan.Rows)
        {
            if (p.Kind == PlanKind.New) yield return (p, ++lastWorkerId);
            else if (p.Kind == PlanKind.Rehire || MovesExistingWorker(p)) yield return (p, p.WorkerId!.Value);
        }
    }

    /// <summary>The new workers' name words (<see cref="NameWords.Of"/>), each distinct word held once: a few thousand
    /// words make up the 1.4 million rows of a province-size load.</summary>
    private static List<(int WorkerId, string Word, string Exact)> NewNameWords(List<(PlannedRow Planned, int WorkerId)> rows, int newWorkers)
    {
        var result = new List<(int, string, string)>(newWorkers * 4);
        var held = new Dictionary<string, string>(StringComparer.Ordinal);
        string Held(string s) => held.TryGetValue(s, out var kept) ? kept : held[s] = s;
        foreach (var (p, id) in rows)
            if (p.Kind == PlanKind.New)
                foreach (var (word, exact) in NameWords.Of(p.Row.FullName))
                    result.Add((id, Held(word), Held(exact)));
        return result;
    }

    private static Worker NewWorker(PlannedRow p, int id, string province, int enterpriseId)
    {
        var r = p.Row;
        return new Worker
        {
            Id = id, Cccd = r.Cccd, FullName = r.FullName, NameSearch = r.NameSearch,
            Sex = r.Sex!.Value, DateOfBirth = r.DateOfBirth!.Value, Cmnd = r.Cmnd, BhxhNumber = r.Bhxh, Phone = r.Phone,
            PermanentAddress = r.PermanentAddress, HomeProvinceCode = r.Cccd[..3], ProvinceCode = province,
            CurrentEnterpriseId = enterpriseId, CurrentLodgingHouseId = p.LodgingHouseId,
        };
    }

    /// <summary>Hired for each new or re-hired worker, moved lodging for each new residence, left for each leaver.</summary>
    private static IEnumerable<MovementEvent> Movements(List<(PlannedRow Planned, int WorkerId)> rows, RosterPlan plan, Keys ids)
    {
        var e = plan.EnterpriseId;
        foreach (var (p, worker) in rows)
        {
            if (p.Kind is PlanKind.New or PlanKind.Rehire)
                yield return new MovementEvent { Id = ++ids.Movement, WorkerId = worker, Date = p.Row.HiredOn ?? plan.AsOf, Kind = MovementKind.Hired, EnterpriseId = e };
            if (p.MovesLodging && p.Kind != PlanKind.Transfer)
                // as Worker.MoveLodging writes it: from the house of the residence it ends (the worker's current one)
                yield return new MovementEvent
                {
                    Id = ++ids.Movement, WorkerId = worker, Date = plan.AsOf, Kind = MovementKind.MovedLodging,
                    LodgingHouseId = p.LodgingHouseId, PreviousLodgingHouseId = p.CurrentLodgingHouseId,
                };
        }
        foreach (var l in plan.Leaving)
            yield return new MovementEvent { Id = ++ids.Movement, WorkerId = l.WorkerId, Date = plan.AsOf, Kind = MovementKind.Left, PreviousEnterpriseId = e };
    }

    /// <summary>Times the commit's steps: where an import's time goes (docs/performance.md).</summary>
    private sealed class Steps
    {
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
        private TimeSpan _last;
        public List<(string Step, double Seconds)> List { get; } = [];

        public void Done(string step)
        {
            var now = _clock.Elapsed;
            List.Add((step, Math.Round((now - _last).TotalSeconds, 2)));
            _last = now;
        }
    }

    public const int ChangedListed = 200;
    public const int SkippedListed = 200;

    /// <summary>Rows not written: every data row is written, merged into an identical earlier one, refused for its
    /// errors, or a new person the planner could not add. Exact, though the parser keeps only the first errors.</summary>
    private static int SkippedCount(RosterPlan plan) =>
        plan.Parsed.DataRows - plan.Parsed.Rows.Count - plan.Parsed.DuplicatesMerged + plan.Warnings.Count(w => w.Code == RosterPlanner.NotAdded);

    /// <summary>The first skipped rows' numbers, in file order.</summary>
    private static List<int> SkippedRows(RosterPlan plan) =>
        [.. plan.Parsed.Errors.Select(e => e.RowNumber)
            .Concat(plan.Warnings.Where(w => w.Code == RosterPlanner.NotAdded).Select(w => w.RowNumber))
            .Distinct().Order().Take(SkippedListed)];

    private async Task<IReadOnlyList<ChangedWorker>> ChangedAsync(RosterPlan plan, CancellationToken ct)
    {
        var changed = plan.Rows.Where(r => r.Kind is PlanKind.New or PlanKind.Update or PlanKind.Rehire || (r.MovesLodging && r.Kind != PlanKind.Transfer))
            .Take(ChangedListed).ToList();
        var kinds = changed.ToDictionary(r => r.Row.Cccd, r => r.Kind);
        var cccds = kinds.Keys.ToList();
        return (await db.Set<Worker>().AsNoTracking().Where(w => cccds.Contains(w.Cccd)).Select(w => new { w.Id, w.Cccd, w.FullName }).ToListAsync(ct))
            .Select(w => new ChangedWorker(w.Id, w.Cccd, w.FullName, kinds[w.Cccd])).OrderBy(w => w.FullName).ToList();
    }

    private sealed class Keys(int worker, int employment, int residence, long movement)
    {
        public int Worker = worker;
        public int Employment = employment;
        public int Residence = residence;
        public long Movement = movement;
    }
}
