using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Rosters;

/// <summary>Stores an uploaded roster, records it and queues its preview. Shared by the page and the API.
/// The folder (<see cref="RosterStorage.Folder"/>) must be shared storage when several nodes serve.</summary>
public sealed class RosterUpload(LachanDb db, Jurisdiction scope, CurrentUser user, RosterJobs jobs, IConfiguration config, TimeProvider time)
{
    public long MaxBytes => config.GetValue("Imports:MaxMegabytes", 100L) * 1024 * 1024;
    private string Folder => RosterStorage.Folder(config);

    public abstract record Result
    {
        public sealed record Queued(Guid Id) : Result;
        public sealed record Invalid(FieldErrors Errors) : Result;
    }

    /// <summary>The enterprises this user may import rosters for.</summary>
    public IQueryable<Registry.Contracts.Enterprise> Enterprises() =>
        scope.Can(RegistryAreas.Workers, Access.Write) ? scope.Enterprises(db.Set<Enterprise>()) : db.Set<Enterprise>().Where(_ => false);

    public async Task<Result> CreateAsync(int? enterpriseId, DateOnly? asOf, string? fileName, long length, Stream? content, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.AddIf(enterpriseId is null, "EnterpriseId", "Field.Required");
        if (enterpriseId is int e && !await Enterprises().AnyAsync(x => x.Id == e, ct))
            errors.TryAdd("EnterpriseId", "Worker.EnterpriseOutOfScope");
        errors.AddIf(asOf is null, "AsOf", "Field.Required");
        errors.AddIf(content is null || length == 0, "File", content is null ? "Field.Required" : "Roster.EmptyFile");
        errors.AddIf(length > MaxBytes, "File", "Roster.TooLarge");
        if (!errors.Ok) return new Result.Invalid(errors);

        RosterStorage.EnsureFolder(Folder);
        var id = Guid.NewGuid();
        var stored = Path.GetFullPath(Path.Combine(Folder, id.ToString("N") + ".upload"));
        long written;
        await using (var file = RosterStorage.Create(stored))
        {
            await content!.CopyToAsync(file, ct);
            written = file.Length;
        }
        if (written > MaxBytes)
        {
            File.Delete(stored);
            return new Result.Invalid(new FieldErrors { ["File"] = "Roster.TooLarge" });
        }
        db.Set<RosterImport>().Add(new RosterImport
        {
            Id = id, EnterpriseId = enterpriseId!.Value, AsOf = asOf!.Value, FileName = Path.GetFileName(fileName ?? "roster"),
            FileHash = await RosterImports.HashAsync(stored, ct), StoredPath = stored, SizeBytes = written,
            Status = ImportStatus.Uploaded, CreatedBy = user.Name, CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        await jobs.EnqueueAsync(id, RosterJobKind.Preview, user.Name, ct);
        return new Result.Queued(id);
    }

    /// <summary>An import the user may see: its enterprise is within the user's jurisdiction.</summary>
    public Task<RosterImport?> FindAsync(Guid id, CancellationToken ct) =>
        db.Set<RosterImport>().Where(i => i.Id == id && Enterprises().Any(e => e.Id == i.EnterpriseId)).FirstOrDefaultAsync(ct);
}
