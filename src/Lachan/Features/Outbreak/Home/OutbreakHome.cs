using Lachan.Features.Outbreak.Quarantine;
using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Outbreak.Contacts;
using Lachan.Features.Outbreak.Testing;
using Lachan.Features.Outbreak.Contracts;
using Lachan.Features.Outbreak.Dashboard;
using Lachan.Features.Outbreak.Zones;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Home;

/// <summary>The outbreak's health numbers of the day for the home pages: cases, contacts, quarantine and the due list for
/// the health roles, an enterprise's own for HR (zones and who is affected: <see cref="ZonesHome"/>, kept apart because
/// a case does not change them). Each number uses the scope and day rules of the list it links to (CaseList, ContactList,
/// QuarantineList, SampleList, DueList) and is the last point of its trend over the last days, so it is counted once.</summary>
public sealed class OutbreakHome(LachanDb db, Jurisdiction scope, CaseScope cases, ContactList contacts,
    TestingScope testing, DueList due, ZoneStatus zones, OutbreakPicture picture, KeptAnswers kept) : IHomeSections
{
    public async Task<IReadOnlyList<HomeSection>> ForCallerAsync(DateOnly day, CancellationToken ct)
    {
        var sections = new List<HomeSection>();
        if (cases.CanRead) sections.Add(await HealthAsync(day, ct));
        else if (scope.Role == Role.EnterpriseHr) sections.Add(await EnterpriseHealthAsync(day, ct));
        return sections;
    }

    /// <summary>Some figures and charts of a section, counted together from the same few tables.</summary>
    private sealed record Part(IReadOnlyList<HomeFigure> Figures, IReadOnlyList<HomeChart> Charts);

    /// <summary>The health section in four parts, each kept until a table it read is written (<see cref="KeptAnswers"/>):
    /// a case recounts the cases and the contacts (counted by their case's day), not the samples or the quarantine orders.</summary>
    private async Task<HomeSection> HealthAsync(DateOnly day, CancellationToken ct)
    {
        var days = HomeDays.Ending(day);
        async Task<Part> Kept(string name, Func<Task<Part>> count) =>
            (await kept.GetAsync($"home:health:{name}:{scope.Role}:{scope.Scope}:{day:yyyyMMdd}", count)).Value;
        var cases = await Kept("cases", () => CasesAsync(day, days, ct));
        var contacts = await Kept("contacts", () => ContactsAsync(day, days, ct));
        var orders = await Kept("quarantine", () => QuarantineAsync(day, days, ct));
        var samples = await Kept("samples", () => SamplesAsync(day, days, ct));
        // the figures in the order the page has always shown them: cases, contacts, quarantine, samples, then the due list
        var due = orders.Figures.Where(f => f.Key.StartsWith("due.", StringComparison.Ordinal)).ToList();
        return new HomeSection(20, "health", "Home.Health",
            [.. cases.Figures, .. contacts.Figures, .. orders.Figures.Except(due), .. samples.Figures, .. due], [.. cases.Charts, .. orders.Charts]);
    }

    private static long[] Each(IReadOnlyList<DateOnly> days, Func<DateOnly, int> count) => days.Select(d => (long)count(d)).ToArray();

    private async Task<Part> CasesAsync(DateOnly day, IReadOnlyList<DateOnly> days, CancellationToken ct)
    {
        var (from, dmy, iso) = (days[0], UiText.Date(day), HomeDays.Iso(day));
        // two dates per case: enough for every trend, whatever the size of the outbreak
        var caseDays = await cases.Cases().AsNoTracking().Where(c => c.ConfirmedOn <= day && (c.OutcomeOn == null || c.OutcomeOn >= from))
            .Select(c => new Case { Code = "", TestKind = "", ConfirmedOn = c.ConfirmedOn, OutcomeOn = c.OutcomeOn }).ToListAsync(ct);
        // each number is its trend's last point: the cases read hold every case the list counts on the day (the same scope,
        // confirmed by then, closed after the trend's first day at the earliest), so it is not counted a second time
        var active = Each(days, d => caseDays.Count(CaseList.ActiveOn(d).Compile()));
        var fresh = Each(days, d => caseDays.Count(c => c.ConfirmedOn == d));
        var figures = new List<HomeFigure>
        {
            new("cases.active", "Active cases (F0)", active[^1], $"/Outbreak/Cases?Date={dmy}&Outcome=Active", $"/api/v1/cases?date={iso}&outcome=Active", active),
            new("cases.new", "Home.NewCases", fresh[^1], $"/Outbreak/Cases?Date={dmy}&From={dmy}&To={dmy}", $"/api/v1/cases?date={iso}&from={iso}&to={iso}", fresh),
        };
        var (_, curve) = await picture.CasesPerDayAsync(day, ct);   // the curve alone, not the whole picture
        var zoneNames = curve.SelectMany(d => d.ByZone.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        return new(figures,
        [
            new("epidemic-curve", "Home.EpidemicCurve", "stacked", days,
                zoneNames.Select(z => new HomeSeries(z == OutbreakPicture.OutsideZones ? "Outside the zones" : z,
                    curve.Select(d => (long)d.ByZone.GetValueOrDefault(z)).ToArray())).ToList(), await LockdownsAsync(days, ct)),
        ]);
    }

    private async Task<Part> ContactsAsync(DateOnly day, IReadOnlyList<DateOnly> days, CancellationToken ct)
    {
        var (dmy, iso) = (UiText.Date(day), HomeDays.Iso(day));
        // the trend's last point is the list's count on the day (the same filter, each contact under its one case): the
        // number is taken from it rather than counted a second time over the province's contacts
        var f1 = await contacts.CountOnDaysAsync(ContactLevel.F1, days, ct);
        return new([new("contacts.f1", "Home.ContactsF1", f1[^1], $"/Outbreak/Cases/Contacts?Date={dmy}&Level=F1", $"/api/v1/contacts?date={iso}&level=F1", f1)], []);
    }

    private async Task<Part> QuarantineAsync(DateOnly day, IReadOnlyList<DateOnly> days, CancellationToken ct)
    {
        var (from, dmy, iso) = (days[0], UiText.Date(day), HomeDays.Iso(day));
        // two dates per order: enough for the trend and the chart
        var orderDays = await cases.Orders().AsNoTracking().Where(o => o.StartOn <= day && (o.ReleasedOn == null || o.ReleasedOn >= from))
            .Select(o => new QuarantineOrder { StartOn = o.StartOn, ReleasedOn = o.ReleasedOn }).ToListAsync(ct);
        var dueToday = await due.ForAsync(day, ct: ct);
        // the number is its trend's last point: the orders read hold every order the list counts on the day
        var inForce = Each(days, d => orderDays.Count(QuarantineList.InForceOn(d).Compile()));
        return new(
        [
            new("quarantine.inForce", "In quarantine", inForce[^1], $"/Outbreak/Cases/Quarantine?Date={dmy}", $"/api/v1/quarantine?date={iso}", inForce),
            new("due.tests", "Due for a test", dueToday.Tests.Total, $"/Outbreak/Cases/Due?Date={dmy}", $"/api/v1/quarantine/due?date={iso}"),
            new("due.releases", "May be released", dueToday.Releases.Total, $"/Outbreak/Cases/Due?Date={dmy}", $"/api/v1/quarantine/due?date={iso}"),
            new("due.overdue", "Overdue (past the planned end)", dueToday.Overdue.Total, $"/Outbreak/Cases/Due?Date={dmy}", $"/api/v1/quarantine/due?date={iso}"),
        ],
        [
            new("quarantine-flow", "Home.QuarantineFlow", "bar", days,
                [new("Home.Started", Each(days, d => orderDays.Count(o => o.StartOn == d))), new("Home.Released", Each(days, d => orderDays.Count(o => o.ReleasedOn == d)))], []),
        ]);
    }

    private async Task<Part> SamplesAsync(DateOnly day, IReadOnlyList<DateOnly> days, CancellationToken ct)
    {
        var (from, dmy, iso) = (days[0], UiText.Date(day), HomeDays.Iso(day));
        var collected = await PerDayAsync(testing.Samples().Where(s => s.CollectedOn >= from && s.CollectedOn <= day).Select(s => s.CollectedOn), ct);
        var positive = await PerDayAsync(testing.Samples().Where(s => s.Result == TestResult.Positive && s.ResultOn >= from && s.ResultOn <= day)
            .Select(s => s.ResultOn!.Value), ct);
        // each number is its trend's last point: the per-day counts use the sample list's own filters (collected on the
        // day; positive with its result on the day) over the same scope
        var (today, positives) = (Each(days, d => collected.GetValueOrDefault(d)), Each(days, d => positive.GetValueOrDefault(d)));
        return new(
        [
            new("samples.today", "Home.SamplesToday", today[^1], $"/Outbreak/Testing?Date={dmy}", $"/api/v1/samples?date={iso}", today),
            new("samples.positive", "Home.PositivesToday", positives[^1], $"/Outbreak/Testing?ResultOn={dmy}&Result=Positive", $"/api/v1/samples?resultOn={iso}&result=Positive", positives),
        ], []);
    }

    /// <summary>HR's own workers: active cases, quarantine and confirmed F1 contacts as of the day, by the lists' own day
    /// rules (CaseList.ActiveOn, QuarantineList.InForceOn, ContactList's "confirmed and known by the day"). HR may not
    /// open the health lists (health records are for health roles), so the numbers are shown without a link: counts of
    /// its enterprise's workers, never a name. A case counts where the worker was employed on its confirmation date.</summary>
    private async Task<HomeSection> EnterpriseHealthAsync(DateOnly day, CancellationToken ct)
    {
        var workers = scope.Workers(db.Set<Worker>());
        var known = db.Set<Case>().Where(c => c.ConfirmedOn <= day);
        var active = await scope.OfWorkersOn(db.Set<Case>(), c => c.Worker, c => c.ConfirmedOn).Where(CaseList.ActiveOn(day)).CountAsync(ct);
        var inForce = await db.Set<QuarantineOrder>().Where(o => workers.Any(w => w.Id == o.WorkerId)).Where(QuarantineList.InForceOn(day)).CountAsync(ct);
        var f1 = await db.Set<Contact>().CountAsync(x => x.State == ContactState.Confirmed && x.Level == ContactLevel.F1
            && workers.Any(w => w.Id == x.WorkerId) && known.Any(c => c.Id == x.CaseId), ct);
        return new HomeSection(20, "enterprise-health", "Home.EnterpriseHealth",
        [
            new("hr.cases.active", "Active cases (F0)", active, null, null),
            new("hr.quarantine.inForce", "In quarantine", inForce, null, null),
            new("hr.contacts.f1", "Home.ContactsF1", f1, null, null),
        ], []);
    }

    /// <summary>How many of the days (a sample's collection or result day) fall on each day, counted by the database.</summary>
    private static async Task<Dictionary<DateOnly, int>> PerDayAsync(IQueryable<DateOnly> days, CancellationToken ct) =>
        (await days.GroupBy(d => d).Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(g => g.Day, g => g.Count);

    /// <summary>The first days of lockdown orders on the visible zones within the chart's days.</summary>
    private async Task<IReadOnlyList<HomeMarker>> LockdownsAsync(IReadOnlyList<DateOnly> days, CancellationToken ct)
    {
        if (!scope.Can(OutbreakAreas.Zones, Access.Read)) return [];
        var (first, last) = (days[0], days[^1]);
        var visible = (await zones.ListAsync(last, ct)).ToDictionary(z => z.Id, z => z.Name);
        // every order up to the last day of the visible zones: whether a lockdown order starts a lockdown depends on the day before
        var orders = (await db.Set<ZoneOrder>().AsNoTracking().Where(o => o.EffectiveFrom <= last).ToListAsync(ct))
            .Where(o => visible.ContainsKey(o.ControlZoneId)).GroupBy(o => o.ControlZoneId);
        return orders.SelectMany(z => ZoneTimeline.LockdownStarts([.. z], first, last).Select(day => (Day: day, Zone: visible[z.Key])))
            .GroupBy(s => s.Day).OrderBy(g => g.Key)
            .Select(g => new HomeMarker(g.Key, string.Join(", ", g.Select(s => s.Zone).Distinct()))).ToList();
    }
}
