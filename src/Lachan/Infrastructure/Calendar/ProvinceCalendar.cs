using System.Globalization;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Infrastructure.Calendar;

/// <summary>The province's day ("today" of every default date, due list and as-of view). In demo mode it is the
/// demo's day — a setting (Demo:Today, default 25/05/2021, a week into the lockdown) an administrator can move — so
/// the May 2021 story reads as if it were now; otherwise the real day in Vietnam. Instants (audit timestamps, token
/// and cookie expiry, retention, job scheduling) stay on the real clock: they use TimeProvider, never this.</summary>
public sealed class ProvinceCalendar(TimeProvider time, IConfiguration config, IServiceScopeFactory scopes)
{
    public const string DemoDayKey = "Demo:Today";
    public static readonly DateOnly DefaultDemoDay = new(2021, 5, 25);
    /// <summary>How old the day kept in memory may be before it is read again (another node may have moved it).</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private (DateOnly Day, DateTimeOffset ReadAt)? _kept;
    private Task? _refreshing;
    private int _moves;   // a read begun before a move must not put back the day it replaced

    public bool IsDemo { get; } = Startup.DemoEnabled(config);

    public DateOnly Today => IsDemo ? DemoDay : time.ProvinceToday();

    /// <summary>The province's present instant (UTC) for the records of its story: when a help request was made, is due and
    /// was delivered. In demo mode it is the demo day at the real time of day in Vietnam, so a request made in the demo sits
    /// among the seeded ones and a due time on the demo day is overdue only once that hour has passed; otherwise the real
    /// instant. Security and bookkeeping instants (audit, tokens, jobs) stay on TimeProvider.</summary>
    public DateTime Now
    {
        get
        {
            var real = time.GetUtcNow();
            if (!IsDemo) return real.UtcDateTime;
            var local = real.ToOffset(ProvinceClock.Offset);
            return new DateTimeOffset(DemoDay.ToDateTime(TimeOnly.FromTimeSpan(local.TimeOfDay)), ProvinceClock.Offset).UtcDateTime;
        }
    }

    /// <summary>The demo's day: the one an administrator set (stored), else Demo:Today, else 25/05/2021. Kept in memory
    /// and answered from there: a caller never waits for the database. The setting is read on a connection of its own,
    /// which on SQLite waits for any long transaction (the demo seed, a month's candidates) to end — so once the kept
    /// day is older than <see cref="Freshness"/> it is read again in the background, and until then (or if that read
    /// fails) the kept day is the answer.</summary>
    public DateOnly DemoDay
    {
        get
        {
            var now = time.GetUtcNow();
            lock (_gate)
            {
                if (_kept is { } k)
                {
                    if (now - k.ReadAt >= Freshness && _refreshing is null) _refreshing = Task.Run(RefreshAsync);
                    return k.Day;
                }
            }
            // the first answer of a calendar not loaded yet (DataModule.MigrateAsync loads it, before any seed)
            using var scope = scopes.CreateScope();
            var day = Read(scope.ServiceProvider.GetRequiredService<LachanDb>().Set<KernelSetting>().AsNoTracking()
                .Where(s => s.Key == DemoDayKey).Select(s => s.Value).FirstOrDefault());
            Keep(day, now);
            return day;
        }
    }

    /// <summary>Reads the stored day through the caller's context (at start, right after the migrations).</summary>
    public async Task LoadAsync(LachanDb db, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        Keep(Read(await db.Set<KernelSetting>().AsNoTracking().Where(s => s.Key == DemoDayKey).Select(s => s.Value).FirstOrDefaultAsync(ct)), now);
    }

    private async Task RefreshAsync()
    {
        var now = time.GetUtcNow();
        int moves;
        lock (_gate) moves = _moves;
        try
        {
            using var scope = scopes.CreateScope();
            var stored = await scope.ServiceProvider.GetRequiredService<LachanDb>().Set<KernelSetting>().AsNoTracking()
                .Where(s => s.Key == DemoDayKey).Select(s => s.Value).FirstOrDefaultAsync();
            lock (_gate) if (_moves == moves) _kept = (Read(stored), now);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or ObjectDisposedException)
        {
            // the database busy (SQLite locked by a long writer) or the app stopping: the kept day stands, read again later
            lock (_gate) if (_moves == moves && _kept is { } k) _kept = (k.Day, now);
        }
        finally
        {
            lock (_gate) _refreshing = null;
        }
    }

    private DateOnly Read(string? stored) => Parse(stored) ?? Parse(config[DemoDayKey]) ?? DefaultDemoDay;

    private void Keep(DateOnly day, DateTimeOffset readAt)
    {
        lock (_gate) _kept = (day, readAt);
    }

    /// <summary>Moves the demo's day (stored, so it survives a restart), with an audit event of the change.</summary>
    public async Task MoveDemoDayAsync(LachanDb db, AuditLog audit, DateOnly day, CancellationToken ct)
    {
        var before = DemoDay;
        var text = day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        if (await db.Set<KernelSetting>().FindAsync([DemoDayKey], ct) is { } setting) setting.Value = text;
        else db.Add(new KernelSetting { Key = DemoDayKey, Value = text });
        audit.Record("update", "DemoClock", DemoDayKey, new { Today = before.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) }, new { Today = text });
        await db.SaveChangesAsync(ct);
        lock (_gate)
        {
            _moves++;
            _kept = (day, time.GetUtcNow());   // this node at once; the others within Freshness
        }
    }

    private static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), ["dd/MM/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
