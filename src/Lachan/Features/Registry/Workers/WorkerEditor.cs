using Lachan.Features.Registry.Contracts;
using Lachan.Features.Registry.Transfers;
using Lachan.Features.Shared;
using Lachan.Infrastructure;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Lachan.Infrastructure.Calendar;

namespace Lachan.Features.Registry.Workers;

public sealed class WorkerEditor(LachanDb db, Jurisdiction scope, AuditLog audit, TimeProvider time, ProvinceCalendar calendar, CurrentUser user, LodgingChoices lodgings)
{
    public async Task<SaveResult> CreateAsync(WorkerForm f, CancellationToken ct = default)
    {
        if (!scope.Can(RegistryAreas.Workers, Access.Write)) return new SaveResult.NotFound();
        var errors = f.Validate(creating: true);
        // The enterprise and lodging must be ones the user may act on: HR can only hire into its own enterprise.
        if (f.EnterpriseId is int eid && !await scope.Enterprises(db.Set<Enterprise>()).AnyAsync(e => e.Id == eid, ct))
            errors.TryAdd(nameof(f.EnterpriseId), "Worker.EnterpriseOutOfScope");
        // Only a house the caller may pick; one it may not see answers as one that does not exist.
        if (f.LodgingHouseId is int lid && !await lodgings.Selectable().AnyAsync(l => l.Id == lid, ct))
            errors.TryAdd(nameof(f.LodgingHouseId), "Worker.LodgingUnknown");
        var cccd = f.Cccd?.Trim();
        // Said only of a worker the caller can see anyway; one registered outside its jurisdiction is not told (below).
        if (errors.Ok && await scope.Workers(db.Set<Worker>()).AnyAsync(w => w.Cccd == cccd, ct))
            errors.TryAdd(nameof(f.Cccd), "Worker.CccdExists");
        if (!errors.Ok) return new SaveResult.Invalid(errors);
        if (await db.Set<Worker>().Where(w => w.Cccd == cccd).Select(w => new { w.Id, w.CurrentEnterpriseId }).FirstOrDefaultAsync(ct) is { } elsewhere)
        {
            // Registered outside the caller's jurisdiction: the hire waits for a reviewer of the current employer, and the
            // caller is answered as for a new person.
            await TransferRequests.FileAsync(db, f.EnterpriseId!.Value, "form", user.Name, time.GetUtcNow().UtcDateTime,
                [new TransferRequests.Ask(elsewhere.Id, elsewhere.CurrentEnterpriseId, Supplied(f))], ct);
            audit.Record("request-transfer", nameof(Worker), elsewhere.Id, after: new { ToEnterpriseId = f.EnterpriseId, Via = "form" });
            await db.SaveChangesAsync(ct);
            return new SaveResult.Recorded();
        }

        var name = VietnameseText.TitleCaseName(f.FullName!);
        var worker = new Worker
        {
            Cccd = cccd!,
            FullName = name,
            NameSearch = VietnameseText.SearchKey(name),
            Sex = f.Sex!.Value,
            DateOfBirth = f.DateOfBirth!.Value,
            Phone = OtherIds.NormalizePhone(f.Phone),
            Cmnd = Blank(f.Cmnd),
            BhxhNumber = Blank(f.BhxhNumber),
            PermanentAddress = Blank(f.PermanentAddress) is { } a ? VietnameseText.NormalizeName(a) : null,
            HomeProvinceCode = cccd![..3],
            ProvinceCode = await db.Set<Enterprise>().Where(e => e.Id == f.EnterpriseId).Select(e => e.ProvinceCode).FirstAsync(ct),
        };
        worker.Movements.Add(new MovementEvent { Date = calendar.Today, Kind = MovementKind.Registered });
        worker.Hire(f.EnterpriseId!.Value, f.HiredOn!.Value, f.ContractType!.Value, Blank(f.Workshop));
        if (f.LodgingHouseId is int lodging) worker.MoveLodging(lodging, f.HiredOn!.Value);
        db.Set<Worker>().Add(worker);
        await audit.SaveThenRecordAsync("create", nameof(Worker), () => worker.Id, null, () => Snapshot(worker), ct);
        return new SaveResult.Recorded();
    }

    private static TransferSupplied Supplied(WorkerForm f) => new(VietnameseText.TitleCaseName(f.FullName!), f.Sex, f.DateOfBirth,
        OtherIds.NormalizePhone(f.Phone), Blank(f.Cmnd), Blank(f.BhxhNumber), Blank(f.PermanentAddress), f.HiredOn!.Value, f.ContractType!.Value,
        Blank(f.Workshop), f.LodgingHouseId);

    public async Task<SaveResult> UpdateAsync(int id, WorkerForm f, CancellationToken ct = default)
    {
        if (!scope.Can(RegistryAreas.Workers, Access.Write)) return new SaveResult.NotFound();
        var worker = await scope.Workers(db.Set<Worker>()).FirstOrDefaultAsync(w => w.Id == id, ct);
        if (worker is null) return new SaveResult.NotFound();
        var errors = f.Validate(creating: false);
        var cccd = f.Cccd?.Trim();
        if (errors.Ok && cccd != worker.Cccd && await db.Set<Worker>().AnyAsync(w => w.Cccd == cccd, ct))
            errors.TryAdd(nameof(f.Cccd), "Worker.CccdExists");
        if (!errors.Ok) return new SaveResult.Invalid(errors);

        var before = Snapshot(worker);
        var name = VietnameseText.TitleCaseName(f.FullName!);
        worker.Cccd = cccd!;
        worker.HomeProvinceCode = cccd![..3];
        worker.FullName = name;
        worker.NameSearch = VietnameseText.SearchKey(name);
        worker.Sex = f.Sex!.Value;
        worker.DateOfBirth = f.DateOfBirth!.Value;
        worker.Phone = OtherIds.NormalizePhone(f.Phone);
        worker.Cmnd = Blank(f.Cmnd);
        worker.BhxhNumber = Blank(f.BhxhNumber);
        worker.PermanentAddress = Blank(f.PermanentAddress) is { } a ? VietnameseText.NormalizeName(a) : null;
        return await AuditedAsync(worker, before, ct);
    }

    private async Task<SaveResult> AuditedAsync(Worker worker, object before, CancellationToken ct)
    {
        var after = Snapshot(worker);
        if (System.Text.Json.JsonSerializer.Serialize(before) == System.Text.Json.JsonSerializer.Serialize(after))
            return new SaveResult.Saved(worker.Id); // nothing changed: nothing to write
        audit.Record("update", nameof(Worker), worker.Id, before, after);
        await db.SaveChangesAsync(ct);
        return new SaveResult.Saved(worker.Id);
    }

    private static object Snapshot(Worker w) => new
    {
        w.Cccd, w.FullName, Sex = w.Sex.ToString(), DateOfBirth = w.DateOfBirth.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
        w.Phone, w.Cmnd, w.BhxhNumber, w.PermanentAddress, w.CurrentEnterpriseId, w.CurrentLodgingHouseId,
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
