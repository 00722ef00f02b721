using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Rosters;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Lachan.Tests.Rosters;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using static Lachan.Tests.Integration.Rosters.RosterKit;

namespace Lachan.Tests.Integration.Rosters;

/// <summary>The app with a 1 MB upload limit (Imports:MaxMegabytes=1) and an imports folder of its own, per provider.
/// The LachanApp underneath serves the database helpers; requests go to the limited host on the same database.</summary>
public sealed class LimitedApps : IAsyncLifetime
{
    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<Limited>>> _apps = new();

    public sealed record Limited(LachanApp App, WebApplicationFactory<Program> Host, string Folder)
    {
        public HttpClient Client(string? bearer = null)
        {
            var client = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            if (bearer is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            return client;
        }

        public async Task<HttpClient> ApiAsync(string user) => Client(await App.TokenForAsync(user));

        public async Task<HttpClient> LoggedInAsync(string user)
        {
            var client = Client();
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostLoginAsync(user)).StatusCode);
            return client;
        }
    }

    public Task<Limited> For(DatabaseProvider provider) => _apps.GetOrAdd(provider, p => new Lazy<Task<Limited>>(async () =>
    {
        var app = await LachanApp.StartAsync(p, Seed.Empty);
        var folder = Directory.CreateTempSubdirectory("lachan-imports-").FullName;
        var host = app.WithWebHostBuilder(b => b.UseSetting("Imports:MaxMegabytes", "1").UseSetting("Imports:Folder", folder));
        _ = host.Server; // start it
        return new Limited(app, host, folder);
    })).Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var lazy in _apps.Values)
        {
            Limited? l = null;
            try { l = await lazy.Value; } catch (Exception) { /* the tests that used it have failed */ }
            if (l is null) continue;
            await l.Host.DisposeAsync();
            await l.App.DisposeAsync();
            try { Directory.Delete(l.Folder, recursive: true); } catch (IOException) { }
        }
    }
}

/// <summary>Bad files through the upload endpoint: each gets a clear message (in Vietnamese on the page and in the
/// API's problem details), none can be committed, and the registry is untouched.</summary>
public sealed class RosterUploadBadInputTests(LimitedApps apps) : IClassFixture<LimitedApps>, IDisposable
{
    private readonly TempFolder _dir = new();
    public void Dispose() => _dir.Dispose();

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static Task<int> ImportsAsync(LachanApp app, int enterpriseId) =>
        app.WithDbAsync(db => db.Set<RosterImport>().CountAsync(i => i.EnterpriseId == enterpriseId));

    [Theory, BothProviders]
    public async Task An_empty_file_is_refused_at_upload_with_its_reason_and_nothing_is_stored(DatabaseProvider provider)
    {
        var l = await apps.For(provider);
        var w = await RosterWorld.CreateAsync(l.App);
        var api = await l.ApiAsync(w.Hr);
        var empty = _dir.File("trong.xlsx");
        await File.WriteAllBytesAsync(empty, []);
        var before = await TableCounts.OfAsync(l.App);
        var filesBefore = Directory.GetFiles(l.Folder).Length;

        var problem = await ProblemAsync(await UploadAsync(api, w.Own.Id, empty));
        Assert.Equal("Roster.EmptyFile", problem.GetProperty("codes").GetProperty("file").GetString());
        Assert.Equal("Tệp rỗng: không có dữ liệu nào.", problem.GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal(0, await ImportsAsync(l.App, w.Own.Id));
        Assert.Equal(filesBefore, Directory.GetFiles(l.Folder).Length);
        Assert.Equal(before, await TableCounts.OfAsync(l.App));
    }

    [Theory, BothProviders]
    public async Task A_file_over_the_configured_limit_is_refused_with_the_limit_in_the_message_by_the_API_and_the_page(DatabaseProvider provider)
    {
        var l = await apps.For(provider);
        var w = await RosterWorld.CreateAsync(l.App);
        var api = await l.ApiAsync(w.Hr);
        var page = await l.LoggedInAsync(w.Hr);
        var big = _dir.File("lon.csv");
        SampleRosters.WriteCsv(big, SampleRosters.Generate(8_000, seed: 77).Cells(), new UTF8Encoding(true));
        Assert.InRange(new FileInfo(big).Length, 1024 * 1024 + 1, 20 * 1024 * 1024);
        var filesBefore = Directory.GetFiles(l.Folder).Length;
        var before = await TableCounts.OfAsync(l.App);

        var problem = await ProblemAsync(await UploadAsync(api, w.Own.Id, big));
        Assert.Equal("Roster.TooLarge", problem.GetProperty("codes").GetProperty("file").GetString());
        Assert.Equal("Tệp vượt quá giới hạn 1 MB.", problem.GetProperty("errors").GetProperty("file")[0].GetString());

        var form = await page.GetPageAsync("/Rosters");
        Assert.Contains("tối đa 1 MB", form);
        using var multipart = new MultipartFormDataContent
        {
            { new StringContent(Http.AntiforgeryToken(form)), "__RequestVerificationToken" },
            { new StringContent(w.Own.Id.ToString()), "EnterpriseId" },
            { new StringContent(RosterWorld.AsOfText), "AsOf" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(big)), "Upload", "lon.csv" },
        };
        var response = await page.PostAsync("/Rosters", multipart);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Tệp vượt quá giới hạn 1 MB.", TestIdText(await response.PageAsync(), "error-File"));

        Assert.Equal(0, await ImportsAsync(l.App, w.Own.Id));
        Assert.Equal(filesBefore, Directory.GetFiles(l.Folder).Length);
        Assert.Equal(before, await TableCounts.OfAsync(l.App));
    }

    /// <summary>A one-page PDF (text only, as small generators write it) renamed to .xlsx.</summary>
    private static readonly byte[] Pdf =
    [
        .. "%PDF-1.4\n%"u8, 0xE2, 0xE3, 0xCF, 0xD3, .. "\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"u8,
        .. "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8,
    ];

    public static TheoryData<DatabaseProvider, string> Refusals()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var p in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
            foreach (var kind in new[] { "pdf-renamed", "truncated-xlsx", "no-header", "duplicated-header" })
                data.Add(p, kind);
        return data;
    }

    /// <summary>Accepted for processing, then refused by the preview job with its reason; cannot be committed.</summary>
    [Theory, MemberData(nameof(Refusals))]
    public async Task A_file_that_is_no_roster_is_refused_by_the_preview_with_its_reason_and_cannot_be_committed(DatabaseProvider provider, string kind)
    {
        var l = await apps.For(provider);
        var w = await RosterWorld.CreateAsync(l.App);
        var api = await l.ApiAsync(w.Hr);
        var page = await l.LoggedInAsync(w.Hr);
        string path, code, message;
        switch (kind)
        {
            case "pdf-renamed":
                path = _dir.File("danh-sach.xlsx");
                await File.WriteAllBytesAsync(path, Pdf);
                (code, message) = ("Roster.NotASpreadsheet", "Tệp không phải bảng tính Excel (.xlsx) hoặc CSV (có thể là PDF hay ảnh bị đổi tên).");
                break;
            case "truncated-xlsx":
                var whole = Write(_dir.Root, "xlsx", Sheet([Row(1, Person.Of(w.Stays))]));
                path = _dir.File("hong.xlsx");
                var bytes = await File.ReadAllBytesAsync(whole);
                await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 2)]);
                (code, message) = ("Roster.CorruptFile", "Tệp Excel bị hỏng, không đọc được.");
                break;
            case "no-header":
                path = _dir.File("khong-tieu-de.csv");
                await File.WriteAllTextAsync(path, "Mã,Tên,Ngày\r\n1,Nguyễn Văn A,01/01/1990\r\n", new UTF8Encoding(true));
                (code, message) = ("Roster.NoHeader", "Không tìm thấy dòng tiêu đề có cột Số CCCD và cột Họ và tên trong 30 dòng đầu.");
                break;
            default:
                path = _dir.File("trung-cot.csv");
                await File.WriteAllTextAsync(path, "Họ tên,Số CCCD,Ngày sinh,Ngày tháng năm sinh\r\nNguyễn Thị Hoa,024190001234,02/04/1990,02/04/1990\r\n", new UTF8Encoding(true));
                (code, message) = ("Roster.DuplicateHeader", "Dòng tiêu đề (dòng 1) có hai cột cùng nghĩa: C và D.");
                break;
        }
        var before = await TableCounts.OfAsync(l.App);
        var id = await UploadOkAsync(api, w.Own.Id, path);
        var state = await UntilStatusAsync(api, id, "Refused");
        Assert.Equal(code, state.GetProperty("error").GetString());
        Assert.Equal(code, state.GetProperty("preview").GetProperty("refused").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsync($"/api/v1/rosters/{id}/commit", null)).StatusCode);

        var html = await page.GetPageAsync($"/Rosters/{id}");
        Assert.Equal(message, TestIdText(html, "import-error"));
        Assert.Equal("Bị từ chối", TestIdText(html, "import-status"));
        Assert.DoesNotContain("data-testid=\"commit\"", html);
        Assert.Equal(HttpStatusCode.Redirect, (await PostHandlerAsync(page, id, "Commit")).StatusCode);
        await Task.Delay(200);
        Assert.Equal(ImportStatus.Refused, await StatusInDbAsync(l.App, id));
        Assert.Equal(before, await TableCounts.OfAsync(l.App));
    }

    /// <summary>Every field of every row wrong (CCCD included): the preview lists the errors, but a file that states
    /// no one validly says nothing about who works there, so no one has "left" and there is nothing to commit.</summary>
    [Theory, BothProviders]
    public async Task Rows_with_every_field_wrong_are_listed_and_nobody_is_taken_off_the_payroll(DatabaseProvider provider)
    {
        var l = await apps.For(provider);
        var w = await RosterWorld.CreateAsync(l.App);
        var api = await l.ApiAsync(w.Hr);
        var rows = Enumerable.Range(1, 5).Select(i => new object?[] { i, "123 " + i, "32/13/1990", "X", "#N/A", "abc", null, "hôm qua", "???" }).ToList();
        var path = Write(_dir.Root, "xlsx", Sheet(rows));
        var before = await TableCounts.OfAsync(l.App);

        var id = await UploadOkAsync(api, w.Own.Id, path);
        var state = await UntilDoneAsync(api, id);
        var preview = state.GetProperty("preview");
        Assert.Equal((5, 0, 5, 0), (preview.Count("rows"), preview.Count("valid"), preview.Count("errors"), preview.Count("left")));
        var errors = preview.GetProperty("errorList").EnumerateArray().ToList();
        foreach (var (column, row) in new[] { "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Số điện thoại", "Ngày vào làm", "Loại HĐLĐ" }
            .SelectMany(c => Enumerable.Range(FirstDataRow, 5).Select(r => (c, r))))
            Assert.Contains(errors, e => e.GetProperty("rowNumber").GetInt32() == row && e.GetProperty("column").GetString() == column);
        Assert.NotEqual("Previewed", state.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsync($"/api/v1/rosters/{id}/commit", null)).StatusCode);
        await Task.Delay(200);
        Assert.Equal(before, await TableCounts.OfAsync(l.App));
        Assert.Equal(w.Own.Id, await l.App.WithDbAsync(db => db.Set<Worker>().Where(x => x.Id == w.Leaver1.Id).Select(x => x.CurrentEnterpriseId).SingleAsync()));
    }

    [Theory, BothProviders]
    public async Task A_missing_file_or_a_malformed_as_of_date_is_a_field_error(DatabaseProvider provider)
    {
        var l = await apps.For(provider);
        var w = await RosterWorld.CreateAsync(l.App);
        var api = await l.ApiAsync(w.Hr);
        using (var form = new MultipartFormDataContent { { new StringContent(RosterWorld.AsOfText), "asOf" } })
        {
            var problem = await ProblemAsync(await api.PostAsync($"/api/v1/enterprises/{w.Own.Id}/rosters", form));
            Assert.Equal("Field.Required", problem.GetProperty("codes").GetProperty("file").GetString());
        }
        var file = Write(_dir.Root, "csv", Sheet([Row(1, Person.Of(w.Stays))]));
        var bad = await ProblemAsync(await UploadAsync(api, w.Own.Id, file, asOf: "31/02/2021"));
        Assert.Equal("Date.Format", bad.GetProperty("codes").GetProperty("asOf").GetString());
        var none = await ProblemAsync(await UploadAsync(api, w.Own.Id, file, asOf: null));
        Assert.Equal("Field.Required", none.GetProperty("codes").GetProperty("asOf").GetString());
        Assert.Equal(0, await ImportsAsync(l.App, w.Own.Id));
    }
}
