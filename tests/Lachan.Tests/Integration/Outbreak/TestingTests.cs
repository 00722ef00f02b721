using Lachan.Features.Outbreak.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration.Outbreak;

/// <summary>Samples, results, the retest list and screening due lists through HTTP, by a health officer of the own
/// province on the test registry plus a few co-workers at the own enterprise.</summary>
public sealed class TestingTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    private static readonly DateOnly Reopening = new(2021, 5, 28);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd");

    private sealed record World(LachanApp App, TestRegistry Registry, List<Worker> CoWorkers, HttpClient Api, string Officer);

    private async Task<World> WorldAsync(DatabaseProvider provider, int coWorkers)
    {
        var app = await apps.For(provider);
        var registry = await TestRegistry.AddAsync(app);
        var officer = (await app.NewUserAsync("yte", Role.Health, TestRegistry.OwnProvince)).UserName!;
        var workers = new List<Worker>();
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < coWorkers; i++)
            {
                var name = $"Ngô Thị Mẫu {i:00}";
                var w = new Worker
                {
                    Cccd = TestRegistry.NewCccd("024", Sex.Female, 1998), FullName = name, NameSearch = VietnameseText.SearchKey(name), Sex = Sex.Female,
                    DateOfBirth = new DateOnly(1998, 1, 1), HomeProvinceCode = "024", ProvinceCode = TestRegistry.OwnProvince,
                };
                w.Hire(registry.EnterpriseOwn.Id, new DateOnly(2020, 1, 6), ContractType.Definite);
                db.Set<Worker>().Add(w);
                workers.Add(w);
            }
            await db.SaveChangesAsync();
        });
        return new World(app, registry, workers, await app.ApiClientAsync(officer), officer);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement;
    }

    private static async Task<string> ProblemAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("codes").GetProperty(field).GetString()!;
    }

    private static Task<HttpResponseMessage> SampleAsync(HttpClient api, string code, bool pooled, DateTime at, params string[] members) =>
        api.PostAsJsonAsync("/api/v1/samples", new { code, pooled, collectedAt = at, site = "Trạm y tế xã Đình Trám", members });

    private static async Task<int> CreatedAsync(Task<HttpResponseMessage> send)
    {
        var response = await send;
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("id").GetInt32();
    }

    private static async Task<List<string>> RetestAsync(HttpClient api, IEnumerable<string> ofCccds) =>
        [.. (await JsonAsync(await api.GetAsync("/api/v1/samples/retest"))).EnumerateArray()
            .Select(r => r.GetProperty("cccd").GetString()!).Where(ofCccds.Contains).Order(StringComparer.Ordinal)];

    [Theory, BothProviders]
    public async Task A_positive_pool_puts_its_members_on_the_retest_list_until_each_is_sampled_alone(DatabaseProvider provider)
    {
        var w = await WorldAsync(provider, 3);
        var cccds = w.CoWorkers.Select(x => x.Cccd).ToArray();
        var tag = w.Registry.Tag;
        var at = new DateTime(2021, 5, 20, 8, 30, 0);
        var pool = await CreatedAsync(SampleAsync(w.Api, "G" + tag, true, at, cccds));
        var negativePool = await CreatedAsync(SampleAsync(w.Api, "N" + tag, true, at, w.Registry.WorkerOwn.Cccd, cccds[0]));
        Assert.Empty(await RetestAsync(w.Api, cccds));   // pending: nobody to retest yet

        Assert.Equal(HttpStatusCode.NoContent, (await w.Api.PostAsJsonAsync($"/api/v1/samples/{negativePool}/result", new { result = "Negative", resultOn = new DateOnly(2021, 5, 21) })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await w.Api.PostAsJsonAsync($"/api/v1/samples/{pool}/result", new { result = "Positive", resultOn = new DateOnly(2021, 5, 21) })).StatusCode);
        Assert.Equal(cccds.Order(StringComparer.Ordinal), await RetestAsync(w.Api, cccds.Append(w.Registry.WorkerOwn.Cccd)));

        // a result is entered once
        Assert.Equal("Testing.ResultAlreadyEntered", await ProblemAsync(
            await w.Api.PostAsJsonAsync($"/api/v1/samples/{pool}/result", new { result = "Negative", resultOn = new DateOnly(2021, 5, 22) }), "result"));

        // an individual sample after the pool takes its person off the list, whatever its result
        await CreatedAsync(SampleAsync(w.Api, "S" + tag, false, at.AddDays(1), cccds[1]));
        Assert.Equal(new[] { cccds[0], cccds[2] }.Order(StringComparer.Ordinal), await RetestAsync(w.Api, cccds));

        var audited = await w.App.WithDbAsync(db => db.AuditEvents.Where(a => a.UserName == w.Officer).Select(a => a.Action + " " + a.EntityType).ToListAsync());
        Assert.Equal(["create TestSample", "create TestSample", "result TestSample", "result TestSample", "create TestSample"], audited);
    }

    [Theory, BothProviders]
    public async Task A_sample_is_refused_field_by_field(DatabaseProvider provider)
    {
        var w = await WorldAsync(provider, 11);
        var cccds = w.CoWorkers.Select(x => x.Cccd).ToArray();
        var at = new DateTime(2021, 5, 20, 8, 30, 0);
        Assert.Equal("Testing.PoolTooLarge", await ProblemAsync(await SampleAsync(w.Api, "L" + w.Registry.Tag, true, at, cccds), "members"));
        Assert.Equal("Testing.SingleHasOneMember", await ProblemAsync(await SampleAsync(w.Api, "L" + w.Registry.Tag, false, at, cccds[0], cccds[1]), "members"));
        Assert.Equal("Testing.PoolTooSmall", await ProblemAsync(await SampleAsync(w.Api, "L" + w.Registry.Tag, true, at, cccds[0]), "members"));
        // the pool size is the rule in force on the collection date: none before May 2021
        Assert.Equal("Testing.NoPoolRule", await ProblemAsync(await SampleAsync(w.Api, "L" + w.Registry.Tag, true, new DateTime(2021, 4, 30, 9, 0, 0), cccds[0], cccds[1]), "members"));
        // a worker of another province is not found for this officer
        Assert.Equal("Testing.MemberNotFound", await ProblemAsync(await SampleAsync(w.Api, "L" + w.Registry.Tag, true, at, cccds[0], w.Registry.WorkerOther.Cccd), "members"));
        await CreatedAsync(SampleAsync(w.Api, "L" + w.Registry.Tag, true, at, cccds[..10]));
        Assert.Equal("Testing.CodeExists", await ProblemAsync(await SampleAsync(w.Api, "L" + w.Registry.Tag, false, at, cccds[10]), "code"));
        var missing = await w.Api.PostAsJsonAsync("/api/v1/samples", new { pooled = false, members = Array.Empty<string>() });
        Assert.Equal("Field.Required", await ProblemAsync(missing, "code"));
    }

    [Theory, BothProviders]
    public async Task A_screening_schedule_lists_who_is_due_and_flags_who_was_missed(DatabaseProvider provider)
    {
        var w = await WorldAsync(provider, 2);
        var ent = w.Registry.EnterpriseOwn.Id;
        var created = await w.Api.PostAsJsonAsync("/api/v1/screening-schedules", new { enterpriseId = ent, intervalDays = 7, from = Reopening });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Testing.ToBeforeFrom", await ProblemAsync(
            await w.Api.PostAsJsonAsync("/api/v1/screening-schedules", new { enterpriseId = ent, intervalDays = 7, from = Reopening, to = Reopening.AddDays(-1) }), "to"));
        Assert.Equal(HttpStatusCode.NotFound, (await w.Api.PostAsJsonAsync("/api/v1/screening-schedules",
            new { enterpriseId = w.Registry.EnterpriseOther.Id, intervalDays = 7, from = Reopening })).StatusCode);

        // the two co-workers are pooled on the first day; the registry's own worker is never sampled
        await CreatedAsync(SampleAsync(w.Api, "P" + w.Registry.Tag, true, Reopening.ToDateTime(new TimeOnly(7, 0)), w.CoWorkers[0].Cccd, w.CoWorkers[1].Cccd));

        async Task<JsonElement> DueAsync(DateOnly d) => await JsonAsync(await w.Api.GetAsync($"/api/v1/screening/due?date={Iso(d)}&enterpriseId={ent}"));

        Assert.Equal(0, (await DueAsync(Reopening.AddDays(-1))).GetProperty("due").GetInt32());   // before the schedule

        var first = await DueAsync(Reopening.AddDays(3));
        var row = Assert.Single(first.GetProperty("rows").EnumerateArray());
        Assert.Equal(w.Registry.WorkerOwn.Cccd, row.GetProperty("cccd").GetString());
        Assert.False(row.GetProperty("missed").GetBoolean());

        var week = await DueAsync(Reopening.AddDays(7));
        Assert.Equal(3, week.GetProperty("due").GetInt32());
        Assert.Equal(1, week.GetProperty("missed").GetInt32());
        var missed = week.GetProperty("rows")[0];   // the missed come first
        Assert.Equal(w.Registry.WorkerOwn.Cccd, missed.GetProperty("cccd").GetString());
        Assert.True(missed.GetProperty("missed").GetBoolean());
        Assert.Equal(Iso(Reopening), missed.GetProperty("dueSince").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await w.Api.GetAsync("/api/v1/screening/due?date=01/06/2021")).StatusCode);
    }

    [Theory, BothProviders]
    public async Task Roles_without_health_access_are_refused(DatabaseProvider provider)
    {
        var w = await WorldAsync(provider, 0);
        var hr = (await w.App.NewUserAsync("hr", Role.EnterpriseHr, w.Registry.EnterpriseOwn.TaxCode)).UserName!;
        var api = await w.App.ApiClientAsync(hr);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/samples/retest")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync($"/api/v1/screening/due?enterpriseId={w.Registry.EnterpriseOwn.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SampleAsync(api, "H" + w.Registry.Tag, false, new DateTime(2021, 5, 20), w.Registry.WorkerOwn.Cccd)).StatusCode);
    }

    [Theory, BothProviders]
    public async Task The_pages_enter_a_pool_and_its_result_and_show_the_retest_and_screening_lists(DatabaseProvider provider)
    {
        var w = await WorldAsync(provider, 2);
        var pages = await w.App.LoggedInClientAsync(w.Officer);
        var token = Http.AntiforgeryToken(await pages.GetPageAsync("/Outbreak/Testing/New"));
        FormUrlEncodedContent Form(params (string, string)[] fields) =>
            new(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)).Append(new("__RequestVerificationToken", token)));
        var code = "W" + w.Registry.Tag;
        var members = $"{w.CoWorkers[0].Cccd}\n{w.CoWorkers[1].Cccd}\n";

        // field by field: a wrong time, and a CCCD nobody has (named back to the user)
        var refused = await pages.PostAsync("/Outbreak/Testing/New", Form(("Form.Code", code), ("Form.Pooled", "true"), ("Form.CollectedOn", "28/05/2021"),
            ("Form.CollectedTime", "8h"), ("Form.Site", "Cổng công ty"), ("Form.Members", members + "001099000000")));
        var body = await refused.PageAsync();
        Assert.Contains("data-testid=\"error-CollectedTime\"", body);
        Assert.Contains("data-testid=\"error-Members\"", body);
        Assert.Contains("001099000000", body);

        var saved = await pages.PostAsync("/Outbreak/Testing/New", Form(("Form.Code", code), ("Form.Pooled", "true"), ("Form.CollectedOn", "28/05/2021"),
            ("Form.CollectedTime", "08:00"), ("Form.Site", "Cổng công ty"), ("Form.Members", members)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = await w.App.WithDbAsync(db => db.Set<TestSample>().Where(x => x.Code == code).Select(x => x.Id).SingleAsync());
        Assert.Contains(code, await pages.GetPageAsync("/Outbreak/Testing"));

        var early = await (await pages.PostAsync($"/Outbreak/Testing/Result/{id}", Form(("Form.Result", "Positive"), ("Form.ResultOn", "27/05/2021")))).PageAsync();
        Assert.Contains("data-testid=\"error-ResultOn\"", early);
        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostAsync($"/Outbreak/Testing/Result/{id}", Form(("Form.Result", "Positive"), ("Form.ResultOn", "29/05/2021")))).StatusCode);

        var retest = await pages.GetPageAsync("/Outbreak/Testing/Retest");
        Assert.Contains(w.CoWorkers[0].Cccd, retest);
        Assert.Contains(w.CoWorkers[1].Cccd, retest);

        await w.App.WithDbAsync(async db =>
        {
            db.Set<ScreeningSchedule>().Add(new Lachan.Features.Outbreak.Testing.ScreeningSchedule { EnterpriseId = w.Registry.EnterpriseOwn.Id, IntervalDays = 7, From = Reopening });
            await db.SaveChangesAsync();
        });
        var due = await pages.GetPageAsync($"/Outbreak/Testing/Screening?Date=04/06/2021&EnterpriseId={w.Registry.EnterpriseOwn.Id}");
        Assert.Contains(w.CoWorkers[0].Cccd, due);
        Assert.Contains("data-testid=\"missed\"", due);   // the registry's own worker, never sampled
    }

    [Theory, BothProviders]
    public async Task The_schedules_page_refuses_a_schedule_field_by_field_then_creates_it_and_its_due_list_follows(DatabaseProvider provider)
    {
        var w = await WorldAsync(provider, 1);
        var enterprise = w.Registry.EnterpriseOwn;
        var pages = await w.App.LoggedInClientAsync(w.Officer);
        var form = await pages.GetPageAsync($"/Outbreak/Testing/Schedules?enterpriseId={enterprise.Id}");
        Assert.Contains($"<option value=\"{enterprise.Id}\" selected=\"selected\">", form);
        Assert.DoesNotContain(w.Registry.EnterpriseOther.Name, form);   // only the own jurisdiction's enterprises are offered
        var token = Http.AntiforgeryToken(form);
        FormUrlEncodedContent Form(params (string, string)[] fields) =>
            new(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)).Append(new("__RequestVerificationToken", token)));
        Task<int> CountAsync() => w.App.WithDbAsync(db => db.Set<ScreeningSchedule>().CountAsync(s => s.EnterpriseId == enterprise.Id));

        var empty = await (await pages.PostAsync("/Outbreak/Testing/Schedules", Form())).PageAsync();
        foreach (var field in new[] { "EnterpriseId", "From" }) Assert.Contains($"data-testid=\"error-{field}\">Trường này là bắt buộc.<", empty);
        Assert.DoesNotContain("data-testid=\"error-IntervalDays\"", empty);   // empty: the rule's, once the first day is known

        // before any screening rule was in force (seeded from 01/05/2021), the interval must be given
        var noRule = await (await pages.PostAsync("/Outbreak/Testing/Schedules", Form(("Form.EnterpriseId", enterprise.Id.ToString()),
            ("Form.From", "01/04/2021")))).PageAsync();
        Assert.Contains("data-testid=\"error-IntervalDays\">Chưa có quy định chu kỳ sàng lọc cho ngày bắt đầu này: nhập chu kỳ.<", noRule);

        var wrong = await (await pages.PostAsync("/Outbreak/Testing/Schedules", Form(("Form.EnterpriseId", enterprise.Id.ToString()),
            ("Form.IntervalDays", "bảy"), ("Form.From", "28/13/2021"), ("Form.To", "")))).PageAsync();
        Assert.Contains("data-testid=\"error-IntervalDays\">Chu kỳ từ 1 đến 90 ngày.<", wrong);
        Assert.Contains("data-testid=\"error-From\"", wrong);
        Assert.DoesNotContain("data-testid=\"error-EnterpriseId\"", wrong);

        var backwards = await (await pages.PostAsync("/Outbreak/Testing/Schedules", Form(("Form.EnterpriseId", enterprise.Id.ToString()),
            ("Form.IntervalDays", "120"), ("Form.From", "28/05/2021"), ("Form.To", "27/05/2021")))).PageAsync();
        Assert.Contains("data-testid=\"error-IntervalDays\"", backwards);
        Assert.Contains("data-testid=\"error-To\">Ngày kết thúc trước ngày bắt đầu.<", backwards);
        Assert.Equal(0, await CountAsync());

        // an enterprise of the other jurisdiction is not found, and nothing is saved
        var other = await pages.PostAsync("/Outbreak/Testing/Schedules", Form(("Form.EnterpriseId", w.Registry.EnterpriseOther.Id.ToString()),
            ("Form.IntervalDays", "7"), ("Form.From", "28/05/2021")));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);

        var saved = await pages.PostAsync("/Outbreak/Testing/Schedules", Form(("Form.EnterpriseId", enterprise.Id.ToString()),
            ("Form.IntervalDays", "7"), ("Form.From", "28/05/2021"), ("Form.To", "30/06/2021")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(1, await CountAsync());
        var list = await pages.GetPageAsync("/Outbreak/Testing/Schedules");
        Assert.Contains(enterprise.Name, list);
        Assert.Contains("30/06/2021", list);
        Assert.True(await w.App.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserName == w.Officer && a.Action == "create" && a.EntityType == "ScreeningSchedule")));

        // the schedule drives the due list: nobody sampled, so everyone is due from the first day, missed after a whole interval
        var due = await pages.GetPageAsync($"/Outbreak/Testing/Screening?Date=04/06/2021&EnterpriseId={enterprise.Id}");
        Assert.Contains(w.CoWorkers[0].Cccd, due);
        Assert.Contains("data-testid=\"missed\"", due);
        Assert.Contains($"href=\"/Outbreak/Testing/Schedules?enterpriseId={enterprise.Id}\"", due);
        Assert.DoesNotContain(w.CoWorkers[0].Cccd, await pages.GetPageAsync($"/Outbreak/Testing/Screening?Date=01/07/2021&EnterpriseId={enterprise.Id}"));

        // without an interval, the screening rule's in force on the first day (seeded: 7 days), on the page and through the API
        Assert.Contains("placeholder=\"7\"", list);
        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostAsync("/Outbreak/Testing/Schedules", Form(("Form.EnterpriseId", enterprise.Id.ToString()),
            ("Form.IntervalDays", ""), ("Form.From", "01/07/2021")))).StatusCode);
        var created = await w.Api.PostAsJsonAsync("/api/v1/screening-schedules", new { enterpriseId = enterprise.Id, from = new DateOnly(2021, 8, 1) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal([7, 7, 7], await w.App.WithDbAsync(db => db.Set<ScreeningSchedule>().Where(s => s.EnterpriseId == enterprise.Id).OrderBy(s => s.From).Select(s => s.IntervalDays).ToListAsync()));
    }

    private static MultipartFormDataContent Sheet(params object[][] rows) => new MultipartFormDataContent().WithFile(SheetFile(rows), "file", "ket-qua.xlsx");

    private static ByteArrayContent SheetFile(params object[][] rows)
    {
        var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows.Select(r => r.Select((v, i) => (Key: ((char)('A' + i)).ToString(), v)).ToDictionary(x => x.Key, x => x.v)).ToList(),
            printHeader: false, excelType: MiniExcelLibs.ExcelType.XLSX);
        var file = new ByteArrayContent(stream.ToArray());
        file.Headers.ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return file;
    }

    [Theory, BothProviders]
    public async Task A_lab_sheet_is_applied_whole_or_refused_with_the_rows_at_fault(DatabaseProvider provider)
    {
        var w = await WorldAsync(provider, 3);
        var at = new DateTime(2021, 5, 20, 8, 0, 0);
        string[] codes = [$"X1{w.Registry.Tag}", $"X2{w.Registry.Tag}"];
        await CreatedAsync(SampleAsync(w.Api, codes[0], true, at, w.CoWorkers[0].Cccd, w.CoWorkers[1].Cccd));
        await CreatedAsync(SampleAsync(w.Api, codes[1], false, at, w.CoWorkers[2].Cccd));

        var bad = await w.Api.PostAsync("/api/v1/samples/results/import", Sheet(
            ["Mã mẫu", "Kết quả", "Ngày trả kết quả"], [codes[0], "Dương tính", "21/05/2021"], [codes[1], "Âm tính", "19/05/2021"], ["KHONGCO", "Âm tính", "21/05/2021"]));
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.Equal(["3 Testing.ResultBeforeCollection", "4 LabImport.UnknownSample"],
            errors.EnumerateArray().Select(e => $"{e.GetProperty("row").GetInt32()} {e.GetProperty("code").GetString()}"));
        Assert.False(await w.App.WithDbAsync(db => db.Set<TestSample>().AnyAsync(s => codes.Contains(s.Code) && s.Result != Lachan.Features.Outbreak.Testing.TestResult.Pending)));

        var good = await w.Api.PostAsync("/api/v1/samples/results/import", Sheet(
            ["Mã mẫu", "Kết quả", "Ngày trả kết quả"], [codes[0], "Dương tính", "21/05/2021"], [codes[1], "Âm tính", "21/05/2021"]));
        Assert.Equal(2, (await JsonAsync(good)).GetProperty("applied").GetInt32());
        Assert.Equal([w.CoWorkers[0].Cccd, w.CoWorkers[1].Cccd], await RetestAsync(w.Api, w.CoWorkers.Select(x => x.Cccd).Order(StringComparer.Ordinal)));
        Assert.Equal(1, await w.App.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserName == w.Officer && a.Action == "import-results")));

        // the page: a refused sheet lists its rows at fault, and nothing is saved
        var pages = await w.App.LoggedInClientAsync(w.Officer);
        var token = Http.AntiforgeryToken(await pages.GetPageAsync("/Outbreak/Testing/Import"));
        var sheet = SheetFile(["Mã mẫu", "Kết quả", "Ngày"], [codes[0], "Âm tính", "22/05/2021"]);
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } }.WithFile(sheet, "Upload", "ket-qua.xlsx");
        var page = await (await pages.PostAsync("/Outbreak/Testing/Import", form)).PageAsync();
        Assert.Contains("data-testid=\"import-errors\"", page);
        Assert.Contains("class=\"validation-summary\"", page);
    }
}
