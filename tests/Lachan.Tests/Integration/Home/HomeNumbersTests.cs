using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lachan.Features.Outbreak.Cases;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration.Home;

/// <summary>Every number of every role's home (GET /api/v1/home and the home page) equals the list it links to: the
/// list API's total or length when it has one, else the count its page shows.</summary>
public sealed partial class HomeNumbersTests(DemoApps apps) : IClassFixture<DemoApps>
{
    public static TheoryData<DatabaseProvider, string> Accounts()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var p in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
            foreach (var user in new[] { "admin", "kcn", "yte", "doanhnghiep", "xa", "congdoan", "laodong", "bhxh", "tinhnguyen", "chotkiem" })
                data.Add(p, user);
        return data;
    }

    [Theory, MemberData(nameof(Accounts))]
    public async Task Every_home_number_equals_its_list(DatabaseProvider provider, string user)
    {
        var app = await apps.For(provider);
        await AssertNumbersEqualListsAsync(app, user, "2021-05-25");   // the demo day
    }

    /// <summary>The lists answer as of the province's day, so moving the demo clock moves the numbers and the lists together
    /// (on 08/06/2021 many of the wave's cases have recovered and orders ended that were open on 25/05).</summary>
    [Theory, BothProviders]
    public async Task On_a_day_moved_by_the_clock_every_number_still_equals_its_list(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var admin = await app.LoggedInClientAsync("admin");
        var before = await (await app.ApiClientAsync("admin")).GetFromJsonAsync<JsonElement>("/api/v1/home");
        try
        {
            Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/Admin/DemoClock", new Dictionary<string, string> { ["Today"] = "08/06/2021" })).StatusCode);
            foreach (var user in new[] { "admin", "kcn", "yte", "doanhnghiep", "xa" })
                await AssertNumbersEqualListsAsync(app, user, "2021-06-08");
            var after = await (await app.ApiClientAsync("admin")).GetFromJsonAsync<JsonElement>("/api/v1/home");
            Assert.NotEqual(Value(before, "cases.active"), Value(after, "cases.active"));   // the day really moved the numbers
            // every trend is the figure of each earlier day: its point for 25/05, 14 days back, is that day's figure
            var trended = after.GetProperty("figures").EnumerateObject().Where(f => f.Value.GetProperty("trend").ValueKind == JsonValueKind.Array).ToList();
            Assert.Contains(trended, f => f.Name == "contacts.f1");
            Assert.Contains(trended, f => f.Name == "affected.enterprisesStopped");
            Assert.All(trended, f =>
            {
                var points = f.Value.GetProperty("trend").EnumerateArray().Select(p => p.GetInt64()).ToList();
                Assert.True(points[^15] == Value(before, f.Name), $"{f.Name}: trend on 25/05 {points[^15]}, the home that day {Value(before, f.Name)}");
            });
        }
        finally
        {
            await admin.PostFormAsync("/Admin/DemoClock", new Dictionary<string, string> { ["Today"] = "25/05/2021" });
        }
    }

    /// <summary>The figures whose page is a paged list showing its total (result-count).</summary>
    private static readonly string[] PagedLists = ["cases.", "contacts.", "quarantine.", "samples."];

    private static long Value(JsonElement home, string key) => home.GetProperty("figures").GetProperty(key).GetProperty("value").GetInt64();

    private static async Task AssertNumbersEqualListsAsync(LachanApp app, string user, string date)
    {
        var api = await app.ApiClientAsync(user);
        var pages = await app.LoggedInClientAsync(user);
        var home = await api.GetFromJsonAsync<JsonElement>("/api/v1/home");
        Assert.Equal(date, home.GetProperty("date").GetString());
        var page = await pages.GetPageAsync("/");
        var problems = new List<string>();
        foreach (var figure in home.GetProperty("figures").EnumerateObject())
        {
            var (key, value) = (figure.Name, figure.Value.GetProperty("value").GetInt64());
            var list = figure.Value.GetProperty("list").GetString();
            // no page: the caller may not open that list (HR's health numbers, compared with the health lists by HrHomeTests)
            if (figure.Value.GetProperty("page").GetString() is not { } pageUrl)
            {
                if (list is not null) problems.Add($"{key}: an API list without its page");
            }
            else
            {
                var listed = list is null ? PageCount(await pages.GetPageAsync(pageUrl)) : Count(key, await api.GetFromJsonAsync<JsonElement>(list));
                if (listed != value) problems.Add($"{key}: home {value}, list {list ?? pageUrl} {listed}");
                if (PagedLists.Any(p => key.StartsWith(p, StringComparison.Ordinal)) && PageCount(await pages.GetPageAsync(pageUrl)) is var shown && shown != value)
                    problems.Add($"{key}: home {value}, page {pageUrl} {shown}");   // the page of a paged list counts the same
            }
            if (figure.Value.GetProperty("trend") is { ValueKind: JsonValueKind.Array } trend && trend.EnumerateArray().Last().GetInt64() != value)
                problems.Add($"{key}: home {value}, its trend ends at {trend.EnumerateArray().Last().GetInt64()}");
            if (!Regex.IsMatch(page, $"data-testid=\"value-{Regex.Escape(key)}\"[^>]*>{value:N0}<".Replace(",", "[.,]")))
                problems.Add($"{key}: the home page does not show {value}");
        }
        Assert.True(problems.Count == 0, $"{user} on {app.Provider} ({date}):\n" + string.Join("\n", problems));
        if (home.GetProperty("figures").EnumerateObject().Any()) Assert.Contains("data-testid=\"home-", page);
        else Assert.Contains("data-testid=\"home-role\"", page);   // volunteers and checkpoints: never an empty page
    }

    /// <summary>A case confirmed before the day and recovered after it was active on it; an order released after the day
    /// was in force on it. Both lists answer so for an explicit date and by default (the demo day).</summary>
    [Theory, BothProviders]
    public async Task A_case_closed_after_the_day_is_active_on_it(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var day = new DateOnly(2021, 5, 25);
        var (code, confirmed, closed) = await app.WithDbAsync(async db =>
        {
            var c = await db.Set<Case>().Where(c => c.ConfirmedOn <= day && c.OutcomeOn > day).OrderBy(c => c.Id)
                .Select(c => new { c.Code, c.ConfirmedOn, c.OutcomeOn }).FirstAsync();
            return (c.Code, Iso(c.ConfirmedOn), Iso(c.OutcomeOn!.Value));
        });
        var api = await app.ApiClientAsync("admin");
        async Task<JsonElement?> Row(string query)
        {
            var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases?from={confirmed}&to={confirmed}&pageSize=500&{query}");
            return list.GetProperty("items").EnumerateArray().Where(r => r.GetProperty("code").GetString() == code).Select(r => (JsonElement?)r).FirstOrDefault();
        }
        Assert.NotNull(await Row("outcome=Active"));                        // by default: the demo day
        Assert.NotNull(await Row("outcome=Active&date=2021-05-25"));
        Assert.Equal("Active", (await Row("date=2021-05-25"))!.Value.GetProperty("outcome").GetString());   // its outcome as of the day
        Assert.Null(await Row($"outcome=Active&date={closed}"));
        Assert.NotEqual("Active", (await Row($"date={closed}"))!.Value.GetProperty("outcome").GetString());
        Assert.Null(await Row($"date={Iso(DateOnly.Parse(confirmed, System.Globalization.CultureInfo.InvariantCulture).AddDays(-1))}"));   // not yet confirmed
        var cases = await (await app.LoggedInClientAsync("admin")).GetPageAsync($"/Outbreak/Cases?Outcome=Active&From={Dmy(confirmed)}&To={Dmy(confirmed)}");
        Assert.Contains(code, cases);

        // the quarantine list: an order released after the day is counted on it, one started after it is not
        var (inForce, releasedLater) = await app.WithDbAsync(async db => (
            await db.Set<QuarantineOrder>().CountAsync(o => o.StartOn <= day && (o.ReleasedOn == null || o.ReleasedOn > day)),
            await db.Set<QuarantineOrder>().CountAsync(o => o.StartOn <= day && o.ReleasedOn > day)));
        Assert.True(releasedLater > 0, "the demo wave has orders released after the demo day");
        Assert.Equal(inForce, (await api.GetFromJsonAsync<JsonElement>("/api/v1/quarantine")).GetProperty("total").GetInt32());
        Assert.Equal(inForce, (await api.GetFromJsonAsync<JsonElement>("/api/v1/quarantine?date=2021-05-25")).GetProperty("total").GetInt32());
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Dmy(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What the list answers for the figure: a paged list's total, the rows of the figure's level or kind.</summary>
    private static long Count(string key, JsonElement list) => key switch
    {
        _ when key.StartsWith("zones.", StringComparison.Ordinal) =>
            list.EnumerateArray().Count(z => string.Equals(z.GetProperty("level").GetString(), key["zones.".Length..], StringComparison.OrdinalIgnoreCase)),
        "affected.workers" => list.GetProperty("workers").GetProperty("total").GetInt64(),
        "affected.enterprisesStopped" => list.GetProperty("enterprises").GetArrayLength(),
        _ when key.StartsWith("support.", StringComparison.Ordinal) => list.GetArrayLength(),   // the worklist answers its lists
        "due.tests" => list.GetProperty("tests").GetProperty("total").GetInt32(),
        "due.releases" => list.GetProperty("releases").GetProperty("total").GetInt32(),
        "due.overdue" => list.GetProperty("overdue").GetProperty("total").GetInt32(),
        _ => list.GetProperty("total").GetInt64(),
    };

    [GeneratedRegex("data-testid=\"result-count\">[^0-9<]*([0-9][0-9.,]*)")]
    private static partial Regex ResultCount();

    private static long PageCount(string html) =>
        long.Parse(ResultCount().Match(html) is { Success: true } m ? m.Groups[1].Value.Replace(".", "").Replace(",", "") : "-1", System.Globalization.CultureInfo.InvariantCulture);

    [Theory, BothProviders]
    public async Task The_home_api_is_in_the_OpenAPI_document_and_needs_a_token(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        Assert.Contains("\"/api/v1/home\"", await app.NewClient().GetStringAsync("/openapi/v1.json"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.NewClient().GetAsync("/api/v1/home")).StatusCode);
    }

    [Theory, BothProviders]
    public async Task The_steering_home_has_the_charts_each_with_its_table(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var page = await (await app.LoggedInClientAsync("admin")).GetPageAsync("/");
        foreach (var chart in new[] { "epidemic-curve", "quarantine-flow", "affected-workers" })
        {
            Assert.Contains($"data-testid=\"chart-{chart}\"", page);
            Assert.Contains($"data-testid=\"table-{chart}\"", page);
            Assert.Contains($"<script type=\"application/json\" id=\"data-{chart}\">", page);
        }
        Assert.Contains("/lib/chartjs/chart.umd.min.js", page);
        Assert.Equal(HttpStatusCode.OK, (await app.NewClient().GetAsync("/lib/chartjs/LICENSE.md")).StatusCode);
    }

    /// <summary>A label is looked up by a key built from a value (a status, a section): a key with no text showed itself
    /// ("Home.EnterpriseStatus.Operating" on every registry home, seen on the demo screenshots).</summary>
    [Theory, MemberData(nameof(Accounts))]
    public async Task No_home_shows_a_text_key_instead_of_its_text(DatabaseProvider provider, string user)
    {
        var app = await apps.For(provider);
        var client = await app.LoggedInClientAsync(user);
        var page = await client.GetPageAsync("/");
        Assert.DoesNotMatch(TextKey(), page);
    }

    // a key as the resources spell them: a capitalised word, a dot and another capitalised word, outside any attribute or
    // script (between > and <)
    [GeneratedRegex(@">\s*[A-Z][A-Za-z]+\.[A-Z][A-Za-z]+(\.[A-Za-z]+)*\s*<")]
    private static partial Regex TextKey();
}
