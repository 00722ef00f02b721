using Lachan.Features.Registry.Model;
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
}

/// <summary>Writes a roster plan in one transaction: new workers, employments, residences and movements through
/// the bulk writer, changes through prepared UPDATEs. A cancellation or any error rolls everything back.</summary>
public sealed class RosterCommitter(LachanDb db, AuditLog audit)
{
    private static readonly SemaphoreSlim SqliteImportGate = new(1, 1);

    public async Task<RosterOutcome> CommitAsync(RosterPlan plan, string fileHash, IProgress<int>? progress, CancellationToken ct)
    {
        var gate = db.IsPostgres ? null : SqliteImportGate;
        if (gate is not null) await gate.WaitAsync(ct);
        try
        {
            await using var tuning = await SqliteLoadTuning.ApplyAsync(db, relaxSync: false);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (db.IsPostgres) // one import at a time may take keys
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7270522)", ct);
            var outcome = await WriteAsync(plan, progress, ct);
            audit.Record("import", "Roster", plan.EnterpriseId, after: new { fileHash, asOf = UiText.Date(plan.AsOf), outcome });
            await db.SaveChangesAsync(ct);
            ct.ThrowIfCancellationRequested();
            await tx.CommitAsync(CancellationToken.None);
            progress?.Report(100);
            return outcome with { Changed = await ChangedAsync(plan, CancellationToken.None) };
        }
        finally
        {
            gate?.Release();
        }
    }

    private async Task<RosterOutcome> WriteAsync(RosterPlan plan, IProgress<int>? progress, CancellationToken ct)
    {
        var e = plan.EnterpriseId;
        var on = plan.AsOf;
        var province = await db.Enterprises.Where(x => x.Id == e).Select(x => x.ProvinceCode).FirstAsync(ct);
        var ids = new Keys(
            await db.Workers.MaxAsync(w => (int?)w.Id, ct) ?? 0,
            await db.Employments.MaxAsync(w => (int?)w.Id, ct) ?? 0,
            await db.Residences.MaxAsync(w => (int?)w.Id, ct) ?? 0,
            await db.MovementEvents.MaxAsync(w => (long?)w.Id, ct) ?? 0);

        var workers = new List<Worker>();
        var employments = new List<Employment>();
        var residences = new List<Residence>();
        var movements = new List<MovementEvent>();
        var closeEmployment = new List<int>();   // worker ids whose open employment here ends on the as-of date
        var closeResidence = new List<int>();    // worker ids whose open residence ends on the as-of date
        var current = new List<(int Worker, int? Enterprise, int? Lodging)>();

        foreach (var p in plan.Rows)
        {
            var r = p.Row;
            var hiredOn = r.HiredOn ?? on;
            switch (p.Kind)
            {
                case PlanKind.New:
                    var w = new Worker
                    {
                        Id = ++ids.Worker, Cccd = r.Cccd, FullName = r.FullName, NameSearch = VietnameseText.SearchKey(r.FullName),
                        Sex = r.Sex!.Value, DateOfBirth = r.DateOfBirth!.Value, Cmnd = r.Cmnd, BhxhNumber = r.Bhxh, Phone = r.Phone,
                        PermanentAddress = r.PermanentAddress, HomeProvinceCode = r.Cccd[..3], ProvinceCode = province,
                        CurrentEnterpriseId = e, CurrentLodgingHouseId = p.LodgingHouseId,
                    };
                    workers.Add(w);
                    employments.Add(new Employment { Id = ++ids.Employment, WorkerId = w.Id, EnterpriseId = e, From = hiredOn, ContractType = r.Contract ?? ContractType.Definite, Workshop = r.Workshop });
                    movements.Add(new MovementEvent { Id = ++ids.Movement, WorkerId = w.Id, Date = hiredOn, Kind = MovementKind.Hired, EnterpriseId = e });
                    if (p.LodgingHouseId is int l)
                    {
                        residences.Add(new Residence { Id = ++ids.Residence, WorkerId = w.Id, LodgingHouseId = l, From = on });
                        movements.Add(new MovementEvent { Id = ++ids.Movement, WorkerId = w.Id, Date = on, Kind = MovementKind.MovedLodging, LodgingHouseId = l });
                    }
                    break;
                case PlanKind.Rehire:
                    employments.Add(new Employment { Id = ++ids.Employment, WorkerId = p.WorkerId!.Value, EnterpriseId = e, From = hiredOn, ContractType = r.Contract ?? ContractType.Definite, Workshop = r.Workshop });
                    movements.Add(new MovementEvent { Id = ++ids.Movement, WorkerId = p.WorkerId.Value, Date = hiredOn, Kind = MovementKind.Hired, EnterpriseId = e });
                    break;
            }
            if (p.Kind is PlanKind.Update or PlanKind.Unchanged or PlanKind.Rehire && p.MovesLodging)
            {
                closeResidence.Add(p.WorkerId!.Value);
                residences.Add(new Residence { Id = ++ids.Residence, WorkerId = p.WorkerId.Value, LodgingHouseId = p.LodgingHouseId!.Value, From = on });
                movements.Add(new MovementEvent { Id = ++ids.Movement, WorkerId = p.WorkerId.Value, Date = on, Kind = MovementKind.MovedLodging, LodgingHouseId = p.LodgingHouseId });
            }
            if (p.Kind == PlanKind.Rehire || (p.Kind is PlanKind.Update or PlanKind.Unchanged && p.MovesLodging))
                current.Add((p.WorkerId!.Value, e, p.MovesLodging ? p.LodgingHouseId : null));
        }
        foreach (var l in plan.Leaving)
        {
            closeEmployment.Add(l.WorkerId);
            movements.Add(new MovementEvent { Id = ++ids.Movement, WorkerId = l.WorkerId, Date = on, Kind = MovementKind.Left, PreviousEnterpriseId = e });
        }
        progress?.Report(10);

        var sql = new Statements(db);
        // Close what ends before inserting what starts, so a worker never has two open residences.
        await sql.RunAsync($"UPDATE \"Residences\" SET \"To\" = @on WHERE \"WorkerId\" = @id AND \"To\" IS NULL", closeResidence, on, ct);
        await sql.RunAsync($"UPDATE \"Employments\" SET \"To\" = @on WHERE \"WorkerId\" = @id AND \"EnterpriseId\" = {e} AND \"To\" IS NULL", closeEmployment, on, ct);
        await sql.RunAsync("UPDATE \"Workers\" SET \"CurrentEnterpriseId\" = NULL WHERE \"Id\" = @id", closeEmployment, null, ct);
        progress?.Report(20);

        await using (var bulk = BulkWriter.Begin(db))
        {
            // A province-size first load: on SQLite one sort per index beats a b-tree insert per row (readers keep
            // their snapshot in WAL mode). Not on PostgreSQL, where dropping an index would lock out every reader.
            if (!db.IsPostgres && workers.Count >= DeferIndexesFrom)
                await bulk.DeferIndexesAsync([typeof(Worker), typeof(Employment), typeof(MovementEvent)], ct);
            await bulk.WriteAsync(workers, ct);
            progress?.Report(50);
            await bulk.WriteAsync(employments, ct);
            await bulk.WriteAsync(residences, ct);
            progress?.Report(70);
            await bulk.WriteAsync(movements, ct);
            await bulk.CompleteAsync(ct);
        }
        progress?.Report(85);
        await sql.SetCurrentAsync(current, ct);
        var updated = plan.Rows.Where(p => p.Kind == PlanKind.Update).ToList();
        await sql.UpdateFieldsAsync(updated, ct);
        progress?.Report(95);

        return new RosterOutcome(workers.Count, updated.Count, plan.Hired, plan.Leaving.Count, plan.MovedLodging,
            plan.Count(PlanKind.Transfer), plan.Count(PlanKind.Unchanged));
    }

    public const int ChangedListed = 200;
    private const int DeferIndexesFrom = 50_000;

    private async Task<IReadOnlyList<ChangedWorker>> ChangedAsync(RosterPlan plan, CancellationToken ct)
    {
        var changed = plan.Rows.Where(r => r.Kind is PlanKind.New or PlanKind.Update or PlanKind.Rehire || (r.MovesLodging && r.Kind != PlanKind.Transfer))
            .Take(ChangedListed).ToList();
        var kinds = changed.ToDictionary(r => r.Row.Cccd, r => r.Kind);
        var cccds = kinds.Keys.ToList();
        return (await db.Workers.AsNoTracking().Where(w => cccds.Contains(w.Cccd)).Select(w => new { w.Id, w.Cccd, w.FullName }).ToListAsync(ct))
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
