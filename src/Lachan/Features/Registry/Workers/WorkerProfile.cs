using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Registry.Workers;

public sealed class WorkerProfile(LachanDb db, Jurisdiction scope, AuditLog audit)
{
    /// <summary>Null when the worker does not exist or lies outside the caller's jurisdiction (the caller answers 404).
    /// Every successful read is audited as a view of personal data.</summary>
    public async Task<WorkerProfileData?> LoadAsync(int id, CancellationToken ct = default)
    {
        var identity = await scope.Workers(db.Set<Worker>().AsNoTracking()).Where(w => w.Id == id)
            .Select(w => new WorkerIdentity(w.Id, w.Cccd, w.Cmnd, w.BhxhNumber, w.FullName, w.Sex, w.DateOfBirth, w.Phone,
                w.HomeProvinceCode, "", w.PermanentAddress, w.CurrentEnterpriseId, w.CurrentLodgingHouseId))
            .FirstOrDefaultAsync(ct);
        if (identity is null) return null;
        identity = identity with { HomeProvinceName = ProvinceCodes.Names.GetValueOrDefault(identity.HomeProvinceCode, "?") };

        var employments = await db.Set<Employment>().AsNoTracking().Where(e => e.WorkerId == id)
            .OrderByDescending(e => e.From)
            .Select(e => new EmploymentRow(e.EnterpriseId, e.Enterprise!.Name, e.Enterprise.TaxCode, e.From, e.To, e.ContractType, e.Workshop, e.InsuredMonths))
            .ToListAsync(ct);
        var residences = await db.Set<Residence>().AsNoTracking().Where(r => r.WorkerId == id)
            .OrderByDescending(r => r.From)
            .Select(r => new ResidenceRow(r.LodgingHouseId, r.LodgingHouse!.Name, r.LodgingHouse.Address, r.From, r.To, r.Room))
            .ToListAsync(ct);
        var movements = await db.Set<MovementEvent>().AsNoTracking().Where(m => m.WorkerId == id)
            .OrderByDescending(m => m.Date).ThenByDescending(m => m.Id)
            .Select(m => new MovementRow(m.Date, m.Kind,
                db.Set<Enterprise>().Where(e => e.Id == m.EnterpriseId).Select(e => e.Name).FirstOrDefault(),
                db.Set<Enterprise>().Where(e => e.Id == m.PreviousEnterpriseId).Select(e => e.Name).FirstOrDefault(),
                db.Set<LodgingHouse>().Where(l => l.Id == m.LodgingHouseId).Select(l => l.Name).FirstOrDefault(),
                db.Set<LodgingHouse>().Where(l => l.Id == m.PreviousLodgingHouseId).Select(l => l.Name).FirstOrDefault()))
            .ToListAsync(ct);

        await audit.ViewedAsync("Worker", id, ct);
        return new WorkerProfileData(identity, employments, residences, movements);
    }
}
