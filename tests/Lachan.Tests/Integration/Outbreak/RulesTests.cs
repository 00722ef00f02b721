using System.Globalization;
using System.Net;
using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Outbreak.Testing;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration.Outbreak;

/// <summary>The rules page through HTTP: a new version is refused field by field, then supersedes the version in force
/// from its date (which keeps its past), and the change is audited.</summary>
public sealed class RulesTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    private static string Dmy(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    [Theory, BothProviders]
    public async Task A_new_quarantine_rule_version_is_checked_then_supersedes_the_old_one_from_its_date(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var officer = (await app.NewUserAsync("yte", Role.Health, TestRegistry.OwnProvince)).UserName!;
        var pages = await app.LoggedInClientAsync(officer);
        var page = await pages.GetPageAsync("/Outbreak/Rules");
        Assert.Contains("QĐ 2787/QĐ-BYT", page);   // the seeded 2021 versions and their source
        var token = Http.AntiforgeryToken(page);
        FormUrlEncodedContent Form(params (string, string)[] fields) =>
            new(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)).Append(new("__RequestVerificationToken", token)));
        Task<string> PostAsync(string handler, params (string, string)[] fields) =>
            pages.PostAsync($"/Outbreak/Rules?handler={handler}", Form(fields)).ContinueWith(t => t.Result.PageAsync()).Unwrap();

        var empty = await PostAsync("Quarantine");
        foreach (var field in new[] { "Subject", "Days", "TestDays", "DefaultPlace", "EffectiveFrom", "Source" })
            Assert.Contains($"data-testid=\"error-quarantine-{field}\"", empty);
        Assert.DoesNotContain("data-testid=\"error-pool-", empty);

        var from = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(10);
        var wrong = await PostAsync("Quarantine", ("Quarantine.Subject", "F1"), ("Quarantine.Days", "10"), ("Quarantine.TestDays", "1,12"),
            ("Quarantine.DefaultPlace", "Facility"), ("Quarantine.EffectiveFrom", "01/06/2021"), ("Quarantine.Source", "CV 5599/BYT-MT"));
        Assert.Contains("data-testid=\"error-quarantine-TestDays\">Ghi các ngày từ 1 đến số ngày cách ly", wrong);
        Assert.Contains("data-testid=\"error-quarantine-EffectiveFrom\">Phiên bản mới không được áp dụng từ một ngày trước hôm nay.<", wrong);
        Assert.Equal(3, await app.WithDbAsync(db => db.Set<QuarantineRule>().CountAsync()));

        var saved = await pages.PostAsync("/Outbreak/Rules?handler=Quarantine", Form(("Quarantine.Subject", "F1"), ("Quarantine.Days", "10"),
            ("Quarantine.TestDays", "7, 1"), ("Quarantine.DefaultPlace", "Home"), ("Quarantine.EffectiveFrom", Dmy(from)), ("Quarantine.Source", "CV 5599/BYT-MT (thử)")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var f1 = await app.WithDbAsync(db => db.Set<QuarantineRule>().AsNoTracking().Where(r => r.Subject == RuleSubject.F1).OrderBy(r => r.EffectiveFrom).ToListAsync());
        Assert.Equal(2, f1.Count);
        Assert.Equal((new DateOnly(2021, 1, 1), (DateOnly?)from.AddDays(-1)), (f1[0].EffectiveFrom, f1[0].EffectiveTo));   // the old version keeps its past
        Assert.Equal((14, "1,7,14"), (f1[0].Days, f1[0].TestDays));
        Assert.Equal((10, "1,7", QuarantinePlace.Home, (DateOnly?)null), (f1[1].Days, f1[1].TestDays, f1[1].DefaultPlace, f1[1].EffectiveTo));
        Assert.Same(f1[0], QuarantineRules.InForce(f1, RuleSubject.F1, from.AddDays(-1)));
        Assert.Same(f1[1], QuarantineRules.InForce(f1, RuleSubject.F1, from));
        var audit = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(a => a.UserName == officer && a.EntityType == "QuarantineRule"));
        Assert.Equal(("create", f1[1].Id.ToString()), (audit.Action, audit.EntityId));
        Assert.Contains("\"Superseded\"", audit.After);

        // a second version from the same day would rewrite the one just added: refused
        var again = await PostAsync("Quarantine", ("Quarantine.Subject", "F1"), ("Quarantine.Days", "7"), ("Quarantine.TestDays", "7"),
            ("Quarantine.DefaultPlace", "Home"), ("Quarantine.EffectiveFrom", Dmy(from)), ("Quarantine.Source", "Thử"));
        Assert.Contains("data-testid=\"error-quarantine-EffectiveFrom\">Phải sau ngày bắt đầu của phiên bản mới nhất đã có.<", again);

        // the pool rule the same way, on its own form
        var pool = await PostAsync("Pool", ("Pool.MaxPoolSize", "1"), ("Pool.EffectiveFrom", "ngày mai"), ("Pool.Source", ""));
        foreach (var field in new[] { "MaxPoolSize", "EffectiveFrom", "Source" }) Assert.Contains($"data-testid=\"error-pool-{field}\"", pool);
        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostAsync("/Outbreak/Rules?handler=Pool",
            Form(("Pool.MaxPoolSize", "5"), ("Pool.EffectiveFrom", Dmy(from)), ("Pool.Source", "Hướng dẫn gộp mẫu (thử)")))).StatusCode);
        var pools = await app.WithDbAsync(db => db.Set<PoolRule>().AsNoTracking().OrderBy(r => r.EffectiveFrom).ToListAsync());
        Assert.Equal(new (int, DateOnly?)[] { (10, from.AddDays(-1)), (5, null) }, pools.Select(r => (r.MaxPoolSize, r.EffectiveTo)));
        Assert.Equal(5, TestingRules.InForce(pools, from).MaxPoolSize);
        Assert.Contains("Hướng dẫn gộp mẫu (thử)", await pages.GetPageAsync("/Outbreak/Rules"));

        // the screening interval too; a schedule made before keeps its interval, one starting after takes the new one
        var screening = await PostAsync("Screening", ("Screening.IntervalDays", "91"), ("Screening.EffectiveFrom", Dmy(from)), ("Screening.Source", "x"));
        Assert.Contains("data-testid=\"error-screening-IntervalDays\">Chu kỳ từ 1 đến 90 ngày.<", screening);
        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostAsync("/Outbreak/Rules?handler=Screening",
            Form(("Screening.IntervalDays", "14"), ("Screening.EffectiveFrom", Dmy(from)), ("Screening.Source", "Phương án sàng lọc (thử)")))).StatusCode);
        var intervals = await app.WithDbAsync(db => db.Set<ScreeningRule>().AsNoTracking().OrderBy(r => r.EffectiveFrom).ToListAsync());
        Assert.Equal(new (int, DateOnly?)[] { (7, from.AddDays(-1)), (14, null) }, intervals.Select(r => (r.IntervalDays, r.EffectiveTo)));
        Assert.Equal((7, 14), (TestingRules.ScreeningInForce(intervals, from.AddDays(-1))!.IntervalDays, TestingRules.ScreeningInForce(intervals, from)!.IntervalDays));
        Assert.Equal(3, await app.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserName == officer && a.Action == "create")));
    }
}
