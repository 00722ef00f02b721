using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;

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
        var api = await app.ApiClientAsync(user);
        var pages = await app.LoggedInClientAsync(user);
        var home = await api.GetFromJsonAsync<JsonElement>("/api/v1/home");
        Assert.Equal("2021-05-25", home.GetProperty("date").GetString());   // the demo day
        var page = await pages.GetPageAsync("/");
        var problems = new List<string>();
        foreach (var figure in home.GetProperty("figures").EnumerateObject())
        {
            var (key, value) = (figure.Name, figure.Value.GetProperty("value").GetInt64());
            var list = figure.Value.GetProperty("list").GetString();
            var listed = list is null
                ? PageCount(await pages.GetPageAsync(figure.Value.GetProperty("page").GetString()!))
                : Count(key, await api.GetFromJsonAsync<JsonElement>(list));
            if (listed != value) problems.Add($"{key}: home {value}, list {list ?? figure.Value.GetProperty("page").GetString()} {listed}");
            if (!Regex.IsMatch(page, $"data-testid=\"value-{Regex.Escape(key)}\"[^>]*>{value:N0}<".Replace(",", "[.,]")))
                problems.Add($"{key}: the home page does not show {value}");
        }
        Assert.True(problems.Count == 0, $"{user} on {provider}:\n" + string.Join("\n", problems));
        if (home.GetProperty("figures").EnumerateObject().Any()) Assert.Contains("data-testid=\"home-", page);
        else Assert.Contains("data-testid=\"home-role\"", page);   // volunteers and checkpoints: never an empty page
    }

    /// <summary>What the list answers for the figure: a paged list's total, the rows of the figure's level or kind.</summary>
    private static long Count(string key, JsonElement list) => key switch
    {
        _ when key.StartsWith("zones.", StringComparison.Ordinal) =>
            list.EnumerateArray().Count(z => string.Equals(z.GetProperty("level").GetString(), key["zones.".Length..], StringComparison.OrdinalIgnoreCase)),
        "affected.workers" => list.GetProperty("workers").GetProperty("total").GetInt64(),
        "affected.enterprisesStopped" => list.GetProperty("enterprises").GetArrayLength(),
        "due.tests" => list.GetProperty("tests").GetArrayLength(),
        "due.releases" => list.GetProperty("releases").GetArrayLength(),
        "due.overdue" => list.GetProperty("overdue").GetArrayLength(),
        _ => list.GetProperty("total").GetInt64(),
    };

    [GeneratedRegex("data-testid=\"result-count\">([0-9.,]+)")]
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
}
