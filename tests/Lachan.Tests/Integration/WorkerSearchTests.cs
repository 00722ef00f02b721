using System.Net;
using System.Text.Json;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Registry.Workers;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Lachan.Tests.Infrastructure;
using Lachan.Tests.Integration.Rosters;
using Microsoft.EntityFrameworkCore;
using static Lachan.Tests.Integration.Rosters.RosterKit;

namespace Lachan.Tests.Integration;

/// <summary>Finding workers: name words by prefix with and without diacritics, a partial CCCD, a phone however written,
/// the search page's POST-redirect-GET, and the audit of list reads (issue 9, B6 and A6).</summary>
public sealed class WorkerSearchTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    /// <summary>The test registry plus four named workers at its own enterprise, and an HR account there (whose
    /// jurisdiction is that enterprise, so each answer is exactly known).</summary>
    private sealed record World(LachanApp App, TestRegistry Registry, string Hr, Worker Lan, Worker Lang, Worker Lan2, Worker Mai);

    private static async Task<World> WorldAsync(LachanApp app)
    {
        var reg = await TestRegistry.AddAsync(app);
        var hr = await app.EnsureUserAsync("hrs-" + reg.Tag.ToLowerInvariant(), Role.EnterpriseHr, reg.EnterpriseOwn.TaxCode);
        Worker Make(string name, Sex sex, string phone)
        {
            var w = new Worker
            {
                Cccd = TestRegistry.NewCccd("024", sex, 1995), FullName = name, NameSearch = VietnameseText.SearchKey(name), Sex = sex,
                DateOfBirth = new DateOnly(1995, 4, 9), Phone = phone, HomeProvinceCode = "024", ProvinceCode = TestRegistry.OwnProvince,
            };
            w.Hire(reg.EnterpriseOwn.Id, new DateOnly(2020, 1, 6), ContractType.Definite);
            return w;
        }
        var phone = 970_000_000 + Random.Shared.Next(9_000_000);
        var lan = Make("Nguyễn Thị Lan", Sex.Female, "0" + phone);
        var lang = Make("Lăng Văn Hải", Sex.Male, "0" + (phone + 1));
        var lan2 = Make("Trần Lân", Sex.Male, "0" + (phone + 2));
        var mai = Make("Hoàng Thị Mai", Sex.Female, "0" + (phone + 3));
        await app.WithDbAsync(async db =>
        {
            db.Set<Worker>().AddRange(lan, lang, lan2, mai);
            await db.SaveChangesAsync();
        });
        return new World(app, reg, hr.UserName!, lan, lang, lan2, mai);
    }

    private static async Task<List<int>> IdsAsync(HttpClient api, string query)
    {
        var response = await api.GetAsync("/api/v1/workers?" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray().Select(w => w.GetProperty("id").GetInt32()).Order().ToList();
    }

    private static List<int> Ids(params Worker[] workers) => workers.Select(w => w.Id).Order().ToList();

    [Theory, BothProviders]
    public async Task Each_query_word_matches_the_start_of_any_name_word_and_diacritics_only_when_typed(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await WorldAsync(app);
        var api = await app.ApiClientAsync(w.Hr);

        Assert.Equal(Ids(w.Lan, w.Lang, w.Lan2), await IdsAsync(api, "q=Lan"));            // the given name, not only "Lăng…"
        Assert.Equal(Ids(w.Lan, w.Lang, w.Lan2), await IdsAsync(api, "q=la"));
        Assert.Equal(Ids(w.Lang), await IdsAsync(api, "q=" + Uri.EscapeDataString("Lăng")));   // typed with diacritics: exact
        Assert.Equal(Ids(w.Lan2), await IdsAsync(api, "q=" + Uri.EscapeDataString("lân")));
        Assert.Equal(Ids(w.Lan), await IdsAsync(api, "q=" + Uri.EscapeDataString("lan nguyen")));   // any order
        Assert.Equal(Ids(w.Lan), await IdsAsync(api, "q=" + Uri.EscapeDataString("thi  ng")));   // "ng" begins Nguyễn, not Hoàng
        Assert.Equal(Ids(w.Lan, w.Mai, w.Registry.WorkerOwn), await IdsAsync(api, "q=" + Uri.EscapeDataString("THỊ")));
        Assert.Empty(await IdsAsync(api, "q=" + Uri.EscapeDataString("nguyen mai")));

        // jurisdiction: HR of the other enterprise finds none of them
        var otherHr = await app.EnsureUserAsync("hro-" + w.Registry.Tag.ToLowerInvariant(), Role.EnterpriseHr, w.Registry.EnterpriseOther.TaxCode);
        Assert.Empty(await IdsAsync(await app.ApiClientAsync(otherHr.UserName!), "q=lan"));
    }

    [Theory, BothProviders]
    public async Task A_partial_CCCD_and_a_phone_written_any_way_find_the_worker(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await WorldAsync(app);
        var api = await app.ApiClientAsync(w.Hr);

        // eight digits: province, sex and century, year of birth, and two more; every match starts with them
        var prefix = w.Lan.Cccd[..8];
        var found = await IdsAsync(api, "cccd=" + prefix);
        Assert.Contains(w.Lan.Id, found);
        var cccds = await app.WithDbAsync(db => db.Set<Worker>().Where(x => found.Contains(x.Id)).Select(x => x.Cccd).ToListAsync());
        Assert.All(cccds, c => Assert.StartsWith(prefix, c, StringComparison.Ordinal));
        Assert.Empty(await IdsAsync(api, "cccd=" + w.Lan.Cccd[..5]));   // too few digits to be a lookup: only a whole number matches

        var nine = w.Lan.Phone![1..];
        foreach (var written in new[] { w.Lan.Phone, nine, "+84" + nine, "84" + nine, "+84 " + nine[..3] + " " + nine[3..6] + " " + nine[6..], "+84 0" + nine, nine[..3] + "." + nine[3..] })
            Assert.True(Ids(w.Lan).SequenceEqual(await IdsAsync(api, "phone=" + Uri.EscapeDataString(written))), written);
    }

    [Theory, BothProviders]
    public async Task The_search_page_redirects_to_a_link_without_personal_data_that_only_its_user_can_open(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await WorldAsync(app);
        var pages = await app.LoggedInClientAsync(w.Hr);

        var posted = await pages.PostFormAsync("/Registry/Workers", new Dictionary<string, string>
        {
            ["Q"] = "nguyen thi lan", ["Cccd"] = w.Lan.Cccd[..9], ["Phone"] = w.Lan.Phone!, ["PageNumber"] = "1",
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location!.OriginalString;
        Assert.StartsWith("/Registry/Workers?s=", location, StringComparison.Ordinal);
        foreach (var secret in new[] { "nguyen", "lan", w.Lan.Cccd[..9], w.Lan.Phone![1..] })
            Assert.DoesNotContain(secret, Uri.UnescapeDataString(location), StringComparison.OrdinalIgnoreCase);

        // the link shows the results (Back and reload are plain GETs), and the form keeps what was typed
        var results = await pages.GetPageAsync(location);
        Assert.Contains($"/Registry/Workers/{w.Lan.Id}\"", results);
        Assert.DoesNotContain($"/Registry/Workers/{w.Mai.Id}\"", results);
        Assert.Contains("value=\"nguyen thi lan\"", results);

        // the pager posts the form again and lands on another link with the page number
        var next = await pages.PostFormAsync(location, new Dictionary<string, string> { ["Q"] = "thi", ["PageNumber"] = "2" }, "/Registry/Workers");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Contains("PageNumber=2", next.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync(next.Headers.Location)).StatusCode);

        // another account of the same enterprise, who may see the worker, cannot use the link: nothing is shown
        var colleague = await app.EnsureUserAsync("hrc-" + w.Registry.Tag.ToLowerInvariant(), Role.EnterpriseHr, w.Registry.EnterpriseOwn.TaxCode);
        var theirs = await (await app.LoggedInClientAsync(colleague.UserName!)).GetPageAsync(location);
        Assert.Contains("data-testid=\"search-expired\"", theirs);
        Assert.DoesNotContain(w.Lan.Cccd, theirs);
        // and a tampered link neither
        var tampered = await pages.GetPageAsync(location[..^4] + (location.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA"));
        Assert.Contains("data-testid=\"search-expired\"", tampered);
    }

    [Theory, BothProviders]
    public async Task The_lodging_search_keeps_a_landlords_name_out_of_the_URL_too(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await WorldAsync(app);
        var commune = await app.EnsureUserAsync("xa-" + w.Registry.Tag.ToLowerInvariant(), Role.Commune, w.Registry.LodgingOwn.CommuneCode);
        var pages = await app.LoggedInClientAsync(commune.UserName!);

        var posted = await pages.PostFormAsync("/Registry/Lodging", new Dictionary<string, string> { ["Q"] = "le van chu", ["Sort"] = "name" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location!.OriginalString;
        Assert.StartsWith("/Registry/Lodging?", location, StringComparison.Ordinal);
        Assert.DoesNotContain("chu", Uri.UnescapeDataString(location), StringComparison.OrdinalIgnoreCase);
        var results = await pages.GetPageAsync(location);
        Assert.Contains(w.Registry.LodgingOwn.Name, results);
        Assert.DoesNotContain(w.Registry.LodgingOther.Name, results);
        // the export link of what is shown carries the same token
        var export = await pages.GetAsync(location + "&handler=Export&format=csv");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains(w.Registry.LodgingOwn.Name, await export.Content.ReadAsStringAsync());

        var neighbour = await app.EnsureUserAsync("xa2-" + w.Registry.Tag.ToLowerInvariant(), Role.Commune, w.Registry.LodgingOwn.CommuneCode);
        var theirs = await (await app.LoggedInClientAsync(neighbour.UserName!)).GetPageAsync(location);
        Assert.Contains("data-testid=\"search-expired\"", theirs);
        Assert.DoesNotContain(w.Registry.LodgingOwn.Name + "<", theirs);
    }

    [Theory, BothProviders]
    public async Task Reading_a_page_of_workers_is_audited_with_who_the_filter_and_the_count(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await WorldAsync(app);
        var api = await app.ApiClientAsync(w.Hr);

        Assert.Equal(2, (await IdsAsync(api, "q=lan&page=1&pageSize=2")).Count);
        var events = await app.WithDbAsync(db => db.AuditEvents.Where(a => a.UserName == w.Hr && a.Action == "list").ToListAsync());
        var e = Assert.Single(events);
        Assert.Equal("WorkerList", e.EntityType);
        using var after = JsonDocument.Parse(e.After!);
        // the name asked for is not repeated to every reader of the audit trail; the workers shown are, by id
        Assert.Equal("(given)", after.RootElement.GetProperty("Filter").GetProperty("Q").GetString());
        Assert.DoesNotContain("lan", e.After!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, after.RootElement.GetProperty("Page").GetInt32());
        Assert.Equal(3, after.RootElement.GetProperty("Total").GetInt32());
        var shown = after.RootElement.GetProperty("Shown").EnumerateArray().Select(x => x.GetInt32()).ToList();
        Assert.Equal(2, shown.Count);
        Assert.Subset(Ids(w.Lan, w.Lang, w.Lan2).ToHashSet(), shown.ToHashSet());

        // the page's list too, one event per read
        var pages = await app.LoggedInClientAsync(w.Hr);
        await pages.GetPageAsync("/Registry/Workers");
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserName == w.Hr && a.Action == "list")));
    }

    [Theory, BothProviders]
    public async Task The_roster_commit_writes_the_same_name_words_as_the_entity(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var world = await RosterWorld.CreateAsync(app);
        var api = await app.ApiClientAsync(world.Hr);
        var newcomer = Person.New("Lăng  thị LAN anh", Sex.Female, 1999);   // spacing and case as a spreadsheet has them
        var renamed = Person.Of(world.Updated) with { FullName = "Nguyễn Văn Cường Đạt" };
        var path = Write(app.ImportsFolder, "csv", Sheet([Row(1, Person.Of(world.Stays)), Row(2, renamed), Row(3, newcomer), Row(4, Person.Of(world.Leaver1)), Row(5, Person.Of(world.Leaver2))]));
        var id = await UploadOkAsync(api, world.Own.Id, path);
        await UntilStatusAsync(api, id, "Previewed");
        Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsync($"/api/v1/rosters/{id}/commit", null)).StatusCode);
        await UntilStatusAsync(api, id, "Committed");

        // the same names through the entity path (the change tracker and its interceptor)
        var bulk = await app.WithDbAsync(db => db.Set<Worker>().Where(x => x.Cccd == newcomer.Cccd || x.Id == world.Updated.Id)
            .Select(x => new { x.Id, x.FullName }).ToListAsync());
        Assert.Equal(2, bulk.Count);
        foreach (var b in bulk)
        {
            var twin = new Worker
            {
                Cccd = TestRegistry.NewCccd("024", Sex.Female, 1999), FullName = b.FullName, NameSearch = VietnameseText.SearchKey(b.FullName),
                HomeProvinceCode = "024", ProvinceCode = TestRegistry.OtherProvince,
            };
            await app.WithDbAsync(async db => { db.Set<Worker>().Add(twin); await db.SaveChangesAsync(); });
            Assert.Equal(await WordsAsync(app, twin.Id), await WordsAsync(app, b.Id));
            Assert.NotEmpty(await WordsAsync(app, b.Id));
        }
        Assert.Contains("dat/đạt", await WordsAsync(app, world.Updated.Id));
        Assert.Contains(world.Updated.Id, await IdsAsync(api, "q=dat"));
    }

    private static Task<List<string>> WordsAsync(LachanApp app, int workerId) => app.WithDbAsync(db =>
        db.Set<WorkerNameWord>().Where(n => n.WorkerId == workerId).OrderBy(n => n.Word).ThenBy(n => n.Exact).Select(n => n.Word + "/" + n.Exact).ToListAsync());
}

/// <summary>The demo seed's bulk path writes each worker's name words as the entity path would.</summary>
public sealed class DemoSeedNameWordsTests(DemoApps apps) : IClassFixture<DemoApps>
{
    [Theory, BothProviders]
    public async Task Each_demo_worker_has_exactly_the_name_words_of_its_name(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var workers = await app.WithDbAsync(db => db.Set<Worker>().Where(x => x.Id <= LachanApp.DemoWorkers).Select(x => new { x.Id, x.FullName }).ToListAsync());
        Assert.NotEmpty(workers);
        var stored = (await app.WithDbAsync(db => db.Set<WorkerNameWord>().Where(n => n.WorkerId <= LachanApp.DemoWorkers).ToListAsync()))
            .ToLookup(n => n.WorkerId, n => (n.Word, n.Exact));
        foreach (var w in workers)
            Assert.Equal(NameWords.Of(w.FullName).Order(), stored[w.Id].Order());
    }
}
