using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Lachan.Infrastructure;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Lachan.Infrastructure.Calendar;

namespace Lachan.Features.Outbreak.Testing;

/// <summary>A sample: its members by CCCD (one for a single sample, 2..the pool size in force for a pool).</summary>
public sealed record SampleForm
{
    public string? Code { get; init; }
    public bool Pooled { get; init; }
    /// <summary>Local date and time at the collection site.</summary>
    public DateTime? CollectedAt { get; init; }
    public string? Site { get; init; }
    public IReadOnlyList<string>? Members { get; init; }
}

public sealed record ResultForm
{
    public TestResult? Result { get; init; }
    public DateOnly? ResultOn { get; init; }
}

public sealed class SampleEditor(LachanDb db, TestingScope testing, AuditLog audit, ProvinceCalendar calendar)
{
    /// <summary>Vietnam's clock: a sample collected this morning must not be "in the future" for a UTC date.</summary>
    private DateOnly Today => calendar.Today;

    public async Task<SaveResult> CreateAsync(SampleForm f, CancellationToken ct = default)
    {
        if (!testing.CanWrite) return new SaveResult.NotFound();
        var errors = new FieldErrors();
        var code = f.Code?.Trim();
        errors.AddIf(string.IsNullOrWhiteSpace(code), nameof(f.Code), "Field.Required");
        errors.AddIf(code is { Length: > 32 }, nameof(f.Code), "Field.TooLong");
        errors.AddIf(f.CollectedAt is null, nameof(f.CollectedAt), "Field.Required");
        var on = f.CollectedAt is { } at ? DateOnly.FromDateTime(at) : Today;
        errors.AddIf(on > Today, nameof(f.CollectedAt), "Testing.DateInFuture");
        errors.AddIf(string.IsNullOrWhiteSpace(f.Site), nameof(f.Site), "Field.Required");
        errors.AddIf(f.Site is { Length: > 200 }, nameof(f.Site), "Field.TooLong");
        if (!string.IsNullOrEmpty(code) && await db.Set<TestSample>().AnyAsync(s => s.Code == code, ct)) errors.TryAdd(nameof(f.Code), "Testing.CodeExists");

        var cccds = (f.Members ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        var rules = await db.Set<PoolRule>().AsNoTracking().ToListAsync(ct);
        var max = rules.Where(r => r.InForceOn(on)).OrderByDescending(r => r.EffectiveFrom).FirstOrDefault()?.MaxPoolSize;
        if (max is null && f.Pooled) errors.TryAdd(nameof(f.Members), "Testing.NoPoolRule");
        else if (TestingRules.MemberCountProblem(f.Pooled, cccds.Count, max ?? 1) is { } problem) errors.TryAdd(nameof(f.Members), problem);
        if (cccds.Distinct().Count() != cccds.Count) errors.TryAdd(nameof(f.Members), "Testing.DuplicateMember");
        var workers = cccds.Count == 0 ? [] : await testing.Workers().Where(w => cccds.Contains(w.Cccd)).Select(w => new { w.Id, w.Cccd }).ToListAsync(ct);
        if (workers.Count != cccds.Distinct().Count())
            errors.TryAdd(nameof(f.Members), "Testing.MemberNotFound");
        if (!errors.Ok) return new SaveResult.Invalid(errors);

        var sample = new TestSample
        {
            Code = code!, Pooled = f.Pooled, CollectedOn = on, CollectedTime = TimeOnly.FromDateTime(f.CollectedAt!.Value), Site = f.Site!.Trim(),
            Members = [.. workers.Select(w => new SampleMember { WorkerId = w.Id })],
        };
        db.Add(sample);
        await audit.SaveThenRecordAsync("create", nameof(TestSample), () => sample.Id, null, () => Snapshot(sample), ct);
        return new SaveResult.Saved(sample.Id);
    }

    /// <summary>The unknown CCCDs of a form, for the page to say which line is wrong.</summary>
    public async Task<IReadOnlyList<string>> UnknownAsync(IReadOnlyList<string> cccds, CancellationToken ct = default)
    {
        var known = await testing.Workers().Where(w => cccds.Contains(w.Cccd)).Select(w => w.Cccd).ToListAsync(ct);
        return [.. cccds.Except(known)];
    }

    public async Task<SaveResult> SetResultAsync(int id, ResultForm f, CancellationToken ct = default)
    {
        if (!testing.CanWrite) return new SaveResult.NotFound();
        var sample = await testing.Samples().Include(s => s.Members).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (sample is null) return new SaveResult.NotFound();
        var errors = new FieldErrors();
        errors.AddIf(f.Result is null or TestResult.Pending, nameof(f.Result), "Field.Required");
        errors.AddIf(f.ResultOn is null, nameof(f.ResultOn), "Field.Required");
        errors.AddIf(f.ResultOn > Today, nameof(f.ResultOn), "Testing.DateInFuture");
        if (!errors.Ok) return new SaveResult.Invalid(errors);
        var before = Snapshot(sample);
        try { sample.SetResult(f.Result!.Value, f.ResultOn!.Value); }
        catch (DomainException e)
        {
            var field = e.Code == "Testing.ResultBeforeCollection" ? nameof(f.ResultOn) : nameof(f.Result);
            return new SaveResult.Invalid(new FieldErrors { [field] = e.Code });
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        audit.Record("result", nameof(TestSample), sample.Id, before, Snapshot(sample));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new SaveResult.Saved(sample.Id);
    }

    private static object Snapshot(TestSample s) => new
    {
        s.Code, s.Pooled, s.CollectedOn, s.CollectedTime, s.Site, Result = s.Result.ToString(), s.ResultOn,
        Members = s.Members.Select(m => m.WorkerId).ToArray(),
    };
}
