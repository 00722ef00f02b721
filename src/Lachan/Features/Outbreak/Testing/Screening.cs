using Lachan.Features.Registry.Contracts;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Testing;

public sealed record ScheduleForm
{
    public int? EnterpriseId { get; init; }
    public int? IntervalDays { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
}

public sealed record ScreeningRow(int EnterpriseId, string EnterpriseName, int WorkerId, string Cccd, string FullName, DateOnly? LastSampleOn, DateOnly DueSince, bool Missed);

public sealed record ScheduleRow(int Id, int EnterpriseId, string EnterpriseName, int IntervalDays, DateOnly From, DateOnly? To);

public sealed record ScreeningDueData(DateOnly Date, int Due, int Missed, IReadOnlyList<ScreeningRow> Rows);

public sealed class ScreeningSchedules(LachanDb db, TestingScope testing, AuditLog audit)
{
    public const int MaxIntervalDays = 90;

    public async Task<SaveResult> CreateAsync(ScheduleForm f, CancellationToken ct = default)
    {
        if (!testing.CanWrite) return new SaveResult.NotFound();
        f = await WithRuleIntervalAsync(f, ct);
        var errors = Validate(f);
        if (!errors.Ok) return new SaveResult.Invalid(errors);
        // an enterprise outside the jurisdiction is simply not found
        if (!await testing.Enterprises().AnyAsync(e => e.Id == f.EnterpriseId, ct)) return new SaveResult.NotFound();
        var schedule = new ScreeningSchedule { EnterpriseId = f.EnterpriseId!.Value, IntervalDays = f.IntervalDays!.Value, From = f.From!.Value, To = f.To };
        db.Add(schedule);
        await audit.SaveThenRecordAsync("create", nameof(ScreeningSchedule), () => schedule.Id, null,
            () => new { schedule.EnterpriseId, schedule.IntervalDays, schedule.From, schedule.To }, ct);
        return new SaveResult.Saved(schedule.Id);
    }

    /// <summary>Without an interval of its own, a schedule takes the screening rule's in force on its first day (and keeps
    /// it: a later rule does not change a schedule already made).</summary>
    public async Task<ScheduleForm> WithRuleIntervalAsync(ScheduleForm f, CancellationToken ct = default) =>
        f.IntervalDays is null && f.From is { } from
            ? f with { IntervalDays = TestingRules.ScreeningInForce(await db.Set<ScreeningRule>().AsNoTracking().ToListAsync(ct), from)?.IntervalDays }
            : f;

    /// <summary>The interval in force today, shown on the form as what an empty interval will become.</summary>
    public async Task<int?> IntervalInForceAsync(DateOnly on, CancellationToken ct = default) =>
        TestingRules.ScreeningInForce(await db.Set<ScreeningRule>().AsNoTracking().ToListAsync(ct), on)?.IntervalDays;

    public static FieldErrors Validate(ScheduleForm f)
    {
        var errors = new FieldErrors();
        errors.AddIf(f.EnterpriseId is null, nameof(f.EnterpriseId), "Field.Required");
        // without a first day the rule's interval is not known yet: only the first day is reported missing
        errors.AddIf(f.IntervalDays is null && f.From is not null, nameof(f.IntervalDays), "Testing.NoScreeningRule");
        errors.AddIf(f.IntervalDays is < 1 or > MaxIntervalDays, nameof(f.IntervalDays), "Testing.IntervalRange");
        errors.AddIf(f.From is null, nameof(f.From), "Field.Required");
        errors.AddIf(f.To < f.From, nameof(f.To), "Testing.ToBeforeFrom");
        return errors;
    }

    /// <summary>The schedules of the enterprises the user may see, the latest start first.</summary>
    public async Task<IReadOnlyList<ScheduleRow>> ListAsync(CancellationToken ct = default) =>
        await testing.Schedules().AsNoTracking().OrderByDescending(s => s.From).ThenByDescending(s => s.Id)
            .Select(s => new ScheduleRow(s.Id, s.EnterpriseId, s.Enterprise!.Name, s.IntervalDays, s.From, s.To)).ToListAsync(ct);

    /// <summary>Workers employed on the date at enterprises with a schedule in force, whose last sample (single or in a
    /// pool, collected on or before the date) is an interval old or more, or who were never sampled.</summary>
    public async Task<ScreeningDueData> DueAsync(DateOnly day, int? enterpriseId, CancellationToken ct = default)
    {
        var schedules = (await testing.Schedules().AsNoTracking()
                .Where(s => s.From <= day && (s.To == null || day <= s.To) && (enterpriseId == null || s.EnterpriseId == enterpriseId))
                .Select(s => new { s.EnterpriseId, s.IntervalDays, s.From, Name = s.Enterprise!.Name })
                .ToListAsync(ct))
            .GroupBy(s => s.EnterpriseId).Select(g => g.OrderByDescending(s => s.From).First()).ToList();
        var rows = new List<ScreeningRow>();
        foreach (var s in schedules)
        {
            var workers = testing.WorkersOn(day);
            var employed = await (
                from e in db.Set<Employment>()
                where e.EnterpriseId == s.EnterpriseId && e.From <= day && (e.To == null || day <= e.To)
                join w in workers on e.WorkerId equals w.Id
                select new { w.Id, w.Cccd, w.FullName, e.From }).AsNoTracking().ToListAsync(ct);
            var ids = employed.Select(e => e.Id).Distinct().ToList();
            var last = await (
                from m in db.Set<SampleMember>()
                join t in db.Set<TestSample>() on m.TestSampleId equals t.Id
                where ids.Contains(m.WorkerId) && t.CollectedOn <= day
                group t.CollectedOn by m.WorkerId into g
                select new { WorkerId = g.Key, Last = g.Max() }).ToDictionaryAsync(x => x.WorkerId, x => x.Last, ct);
            foreach (var w in employed.GroupBy(e => e.Id).Select(g => g.OrderByDescending(e => e.From).First()))
            {
                DateOnly? lastOn = last.TryGetValue(w.Id, out var l) ? l : null;
                var never = w.From > s.From ? w.From : s.From;
                var state = TestingRules.Classify(day, s.IntervalDays, lastOn, never);
                if (state == Screening.NotDue) continue;
                rows.Add(new(s.EnterpriseId, s.Name, w.Id, w.Cccd, w.FullName, lastOn, TestingRules.DueSince(s.IntervalDays, lastOn, never), state == Screening.Missed));
            }
        }
        rows = [.. rows.OrderByDescending(r => r.Missed).ThenBy(r => r.EnterpriseName).ThenBy(r => r.FullName)];
        return new ScreeningDueData(day, rows.Count, rows.Count(r => r.Missed), rows);
    }
}
