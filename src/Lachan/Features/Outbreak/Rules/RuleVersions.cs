using Lachan.Features.Outbreak.Contracts;
using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Outbreak.Testing;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Lachan.Infrastructure;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Lachan.Infrastructure.Calendar;

namespace Lachan.Features.Outbreak.Rules;


public sealed record QuarantineRuleForm
{
    public RuleSubject? Subject { get; init; }
    public int? Days { get; init; }
    public string? TestDays { get; init; }
    public QuarantinePlace? DefaultPlace { get; init; }
    public DateOnly? EffectiveFrom { get; init; }
    public string? Source { get; init; }
}

public sealed record PoolRuleForm
{
    public int? MaxPoolSize { get; init; }
    public DateOnly? EffectiveFrom { get; init; }
    public string? Source { get; init; }
}

public sealed record ScreeningRuleForm
{
    public int? IntervalDays { get; init; }
    public DateOnly? EffectiveFrom { get; init; }
    public string? Source { get; init; }
}

public sealed record RuleSet(IReadOnlyList<QuarantineRule> Quarantine, IReadOnlyList<PoolRule> Pool, IReadOnlyList<ScreeningRule> Screening);

/// <summary>Quarantine, pool and screening rules as versions: a change is a new version in force from a date, which ends the versions
/// before it the day before. A version is never edited in place, and none starts before today, so what was in force on a
/// past day (and the orders and samples decided by it) stays as it was. Health and Steering (the Health area) may add.</summary>
public sealed class RuleVersions(LachanDb db, Jurisdiction scope, AuditLog audit, ProvinceCalendar calendar)
{
    public const int MaxQuarantineDays = 60, MaxPoolSize = 50, MaxSourceLength = 200;

    public bool CanRead => scope.Can(OutbreakAreas.Health, Access.Read);
    public bool CanWrite => scope.Can(OutbreakAreas.Health, Access.Write);

    public async Task<RuleSet> ListAsync(CancellationToken ct = default) => new(
        await db.Set<QuarantineRule>().AsNoTracking().OrderBy(r => r.Subject).ThenByDescending(r => r.EffectiveFrom).ToListAsync(ct),
        await db.Set<PoolRule>().AsNoTracking().OrderByDescending(r => r.EffectiveFrom).ToListAsync(ct),
        await db.Set<ScreeningRule>().AsNoTracking().OrderByDescending(r => r.EffectiveFrom).ToListAsync(ct));

    public async Task<SaveResult> AddQuarantineAsync(QuarantineRuleForm f, CancellationToken ct = default)
    {
        if (!CanWrite) return new SaveResult.NotFound();
        var errors = new FieldErrors();
        errors.AddIf(f.Subject is null, nameof(f.Subject), "Field.Required");
        errors.AddIf(f.Days is null, nameof(f.Days), "Field.Required");
        errors.AddIf(f.Days is < 1 or > MaxQuarantineDays, nameof(f.Days), "Rule.DaysRange");
        errors.AddIf(f.DefaultPlace is null, nameof(f.DefaultPlace), "Field.Required");
        var testDays = ParseTestDays(f.TestDays, f.Days is >= 1 and <= MaxQuarantineDays ? f.Days.Value : MaxQuarantineDays, errors);
        List<QuarantineRule> versions = f.Subject is { } subject ? await db.Set<QuarantineRule>().Where(r => r.Subject == subject).ToListAsync(ct) : [];
        CheckCommon(f.EffectiveFrom, f.Source, versions, errors);
        if (!errors.Ok) return new SaveResult.Invalid(errors);

        var rule = new QuarantineRule
        {
            Subject = f.Subject!.Value, Days = f.Days!.Value, TestDays = testDays!, DefaultPlace = f.DefaultPlace!.Value,
            EffectiveFrom = f.EffectiveFrom!.Value, Source = f.Source!.Trim(),
        };
        await AddVersionAsync(rule, versions, () => new { rule.Subject, rule.Days, rule.TestDays, rule.DefaultPlace, rule.EffectiveFrom, rule.Source }, ct);
        return new SaveResult.Saved(rule.Id);
    }

    public async Task<SaveResult> AddPoolAsync(PoolRuleForm f, CancellationToken ct = default)
    {
        if (!CanWrite) return new SaveResult.NotFound();
        var errors = new FieldErrors();
        errors.AddIf(f.MaxPoolSize is null, nameof(f.MaxPoolSize), "Field.Required");
        errors.AddIf(f.MaxPoolSize is < 2 or > MaxPoolSize, nameof(f.MaxPoolSize), "Rule.PoolSizeRange");
        var versions = await db.Set<PoolRule>().ToListAsync(ct);
        CheckCommon(f.EffectiveFrom, f.Source, versions, errors);
        if (!errors.Ok) return new SaveResult.Invalid(errors);

        var rule = new PoolRule { MaxPoolSize = f.MaxPoolSize!.Value, EffectiveFrom = f.EffectiveFrom!.Value, Source = f.Source!.Trim() };
        await AddVersionAsync(rule, versions, () => new { rule.MaxPoolSize, rule.EffectiveFrom, rule.Source }, ct);
        return new SaveResult.Saved(rule.Id);
    }

    public async Task<SaveResult> AddScreeningAsync(ScreeningRuleForm f, CancellationToken ct = default)
    {
        if (!CanWrite) return new SaveResult.NotFound();
        var errors = new FieldErrors();
        errors.AddIf(f.IntervalDays is null, nameof(f.IntervalDays), "Field.Required");
        errors.AddIf(f.IntervalDays is < 1 or > ScreeningSchedules.MaxIntervalDays, nameof(f.IntervalDays), "Testing.IntervalRange");
        var versions = await db.Set<ScreeningRule>().ToListAsync(ct);
        CheckCommon(f.EffectiveFrom, f.Source, versions, errors);
        if (!errors.Ok) return new SaveResult.Invalid(errors);

        var rule = new ScreeningRule { IntervalDays = f.IntervalDays!.Value, EffectiveFrom = f.EffectiveFrom!.Value, Source = f.Source!.Trim() };
        await AddVersionAsync(rule, versions, () => new { rule.IntervalDays, rule.EffectiveFrom, rule.Source }, ct);
        return new SaveResult.Saved(rule.Id);
    }

    /// <summary>A new version starts today or later and after every existing version of the same rule has started, so it
    /// only ever shortens the open end of the versions before it.</summary>
    private void CheckCommon(DateOnly? from, string? source, IEnumerable<IDatedRule> versions, FieldErrors errors)
    {
        errors.AddIf(from is null, "EffectiveFrom", "Field.Required");
        errors.AddIf(from < calendar.Today, "EffectiveFrom", "Rule.FromBeforeToday");
        errors.AddIf(versions.Any(v => v.EffectiveFrom >= from), "EffectiveFrom", "Rule.FromNotAfterLatest");
        errors.AddIf(string.IsNullOrWhiteSpace(source), "Source", "Field.Required");
        errors.AddIf(source?.Trim().Length > MaxSourceLength, "Source", "Rule.SourceTooLong");
    }

    /// <summary>Ends the versions still in force on the new one's first day, adds it, and audits both in one event.</summary>
    private async Task AddVersionAsync<T>(T rule, IReadOnlyList<T> versions, Func<object> after, CancellationToken ct) where T : class, IDatedRule
    {
        var superseded = versions.Where(v => v.EffectiveTo is null || v.EffectiveTo >= rule.EffectiveFrom).ToList();
        var before = superseded.Select(v => new { v.Id, v.EffectiveTo }).ToList();
        foreach (var v in superseded) v.EffectiveTo = rule.EffectiveFrom.AddDays(-1);
        db.Add(rule);
        await audit.SaveThenRecordAsync("create", typeof(T).Name, () => rule.Id, new { Superseded = before },
            () => new { Rule = after(), Superseded = superseded.Select(v => new { v.Id, v.EffectiveTo }) }, ct);
    }

    /// <summary>"1, 7,14" → "1,7,14": whole days of the quarantine, each from 1 to its length, none twice.</summary>
    public static string? ParseTestDays(string? text, int days, FieldErrors errors)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) { errors.TryAdd("TestDays", "Field.Required"); return null; }
        var numbers = new List<int>();
        foreach (var p in parts)
        {
            if (!int.TryParse(p, out var n) || n < 1 || n > days || numbers.Contains(n)) { errors.TryAdd("TestDays", "Rule.TestDays"); return null; }
            numbers.Add(n);
        }
        return string.Join(',', numbers.Order());
    }
}
