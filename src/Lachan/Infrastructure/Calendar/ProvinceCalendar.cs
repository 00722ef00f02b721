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
    /// <summary>Another node may move the day; a value read this recently is trusted without asking the database.</summary>
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private (DateOnly Day, DateTimeOffset ReadAt)? _cached;
    private int _holds;

    public bool IsDemo { get; } = Startup.DemoEnabled(config);

    public DateOnly Today => IsDemo ? DemoDay : time.ProvinceToday();

    /// <summary>The demo's day: the one an administrator set (stored), else Demo:Today, else 25/05/2021.</summary>
    public DateOnly DemoDay
    {
        get
        {
            var now = time.GetUtcNow();
            lock (_gate)
                if (_cached is { } c && (_holds > 0 || now - c.ReadAt < Freshness)) return c.Day;
            using var scope = scopes.CreateScope();
            var stored = scope.ServiceProvider.GetRequiredService<LachanDb>().Set<KernelSetting>().AsNoTracking()
                .Where(s => s.Key == DemoDayKey).Select(s => s.Value).FirstOrDefault();
            var day = Parse(stored) ?? Parse(config[DemoDayKey]) ?? DefaultDemoDay;
            lock (_gate) _cached = (day, now);
            return day;
        }
    }

    /// <summary>Keeps the demo's day as read now until the result is disposed. The demo seed holds it: its one
    /// transaction can hold SQLite's file exclusively, and a read of the setting on another connection would wait
    /// for that transaction to end.</summary>
    public IDisposable Hold()
    {
        _ = DemoDay;
        lock (_gate) _holds++;
        return new Release(this);
    }

    private sealed class Release(ProvinceCalendar calendar) : IDisposable
    {
        private int _done;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 1) return;
            lock (calendar._gate) calendar._holds--;
        }
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
        lock (_gate) _cached = (day, time.GetUtcNow());
    }

    private static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), ["dd/MM/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
