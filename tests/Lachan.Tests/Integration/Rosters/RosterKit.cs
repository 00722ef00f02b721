using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Rosters;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration.Rosters;

/// <summary>A person a test roster states (as the roster states it: dates dd/MM/yyyy, sex Nam/Nữ).</summary>
public sealed record Person(string Cccd, string FullName, Sex Sex, DateOnly Dob, string? Phone = null, string? Lodging = null,
    DateOnly? HiredOn = null, string? Contract = null)
{
    public static Person Of(Worker w) => new(w.Cccd, w.FullName, w.Sex, w.DateOfBirth, w.Phone);

    private static int _n;

    /// <summary>Someone the registry does not know yet, with a CCCD that agrees with sex and birth year.</summary>
    public static Person New(string name, Sex sex, int year) =>
        new(TestRegistry.NewCccd("024", sex, year), name, sex, new DateOnly(year, 1 + Interlocked.Increment(ref _n) % 12, 14));
}

/// <summary>Row counts of the tables a roster commit writes to (and the audit trail): "no trace" means equal counts.
/// Views of the preview are audited (reads, not changes), so the audit count leaves them out.</summary>
public sealed record TableCounts(int Workers, int Employments, int Residences, int Movements, int Audits)
{
    public static Task<TableCounts> OfAsync(LachanApp app) => app.WithDbAsync(async db => new TableCounts(
        await db.Set<Worker>().CountAsync(), await db.Set<Employment>().CountAsync(), await db.Set<Residence>().CountAsync(),
        await db.Set<MovementEvent>().CountAsync(), await db.AuditEvents.CountAsync(e => e.EntityType != RosterPreviewAudit.EntityType)));
}

/// <summary>A world for one roster test: the test registry's two enterprises and lodging houses, an HR account
/// for the "own" enterprise, and workers the roster will keep, update, drop (leavers), re-hire, or state although
/// another enterprise employs them (a transfer to review).</summary>
public sealed class RosterWorld
{
    public required LachanApp App { get; init; }
    public required TestRegistry Registry { get; init; }
    public required string Hr { get; init; }
    /// <summary>HR of the other enterprise.</summary>
    public required string OtherHr { get; init; }
    public required Worker Stays { get; init; }
    public required Worker Updated { get; init; }
    public required Worker Leaver1 { get; init; }
    public required Worker Leaver2 { get; init; }
    public required Worker Rehired { get; init; }
    public Worker Transfer => Registry.WorkerOther;
    public Enterprise Own => Registry.EnterpriseOwn;
    public Enterprise Other => Registry.EnterpriseOther;
    public string LodgingName => Registry.LodgingOwn.Name;

    public static readonly DateOnly AsOf = new(2021, 5, 31);
    public const string AsOfText = "31/05/2021";

    public static async Task<RosterWorld> CreateAsync(LachanApp app)
    {
        var reg = await TestRegistry.AddAsync(app);
        var hr = await app.EnsureUserAsync("hr-" + reg.Tag.ToLowerInvariant(), Role.EnterpriseHr, reg.EnterpriseOwn.TaxCode);
        var otherHr = await app.EnsureUserAsync("hr2-" + reg.Tag.ToLowerInvariant(), Role.EnterpriseHr, reg.EnterpriseOther.TaxCode);
        Worker Make(string name, Sex sex, int year, string phone)
        {
            var w = new Worker
            {
                Cccd = TestRegistry.NewCccd("024", sex, year), FullName = name, NameSearch = VietnameseText.SearchKey(name), Sex = sex,
                DateOfBirth = new DateOnly(year, 6, 2), Phone = phone, HomeProvinceCode = "024", ProvinceCode = TestRegistry.OwnProvince,
                PermanentAddress = "Xã Hợp Thịnh, Hiệp Hòa, Bắc Giang",
            };
            return w;
        }
        var updated = Make("Nguyễn Văn Cường", Sex.Male, 1994, "0977555666");
        var leaver1 = Make("Trần Thị Mai", Sex.Female, 1998, "0977555777");
        var leaver2 = Make("Lê Văn Hùng", Sex.Male, 1989, "0977555888");
        var rehired = Make("Phạm Thị Lan", Sex.Female, 1992, "0977555999");
        foreach (var w in new[] { updated, leaver1, leaver2, rehired })
            w.Hire(reg.EnterpriseOwn.Id, new DateOnly(2020, 3, 2), ContractType.Definite, "Xưởng may 1");
        rehired.Leave(new DateOnly(2020, 12, 31));
        await app.WithDbAsync(async db =>
        {
            db.Set<Worker>().AddRange(updated, leaver1, leaver2, rehired);
            await db.SaveChangesAsync();
        });
        return new RosterWorld
        {
            App = app, Registry = reg, Hr = hr.UserName!, OtherHr = otherHr.UserName!, Stays = reg.WorkerOwn, Updated = updated,
            Leaver1 = leaver1, Leaver2 = leaver2, Rehired = rehired,
        };
    }
}

/// <summary>Writing test rosters as an employer's spreadsheet would, and driving the roster API.</summary>
public static partial class RosterKit
{
    public static readonly string[] Header = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Số điện thoại", "Nơi ở hiện tại", "Ngày vào làm", "Loại HĐLĐ"];

    /// <summary>Two title rows and a blank row above the header, as employers send them: data starts on row 5.</summary>
    public const int FirstDataRow = 5;

    public static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A data row; <paramref name="numericCccd"/> stores the CCCD as a number (Excel drops its leading zero).</summary>
    public static object?[] Row(int stt, Person p, bool numericCccd = false) =>
    [
        stt, p.FullName, Date(p.Dob), p.Sex == Sex.Female ? "Nữ" : "Nam",
        numericCccd ? long.Parse(p.Cccd, CultureInfo.InvariantCulture) : p.Cccd,
        p.Phone, p.Lodging, p.HiredOn is { } h ? Date(h) : null, p.Contract,
    ];

    public static List<object?[]> Sheet(IEnumerable<object?[]> data, string? company = null) =>
    [
        [$"CÔNG TY TNHH {company ?? "MAY HÒA BÌNH"}", null, null, null, null, null, null, null, null],
        ["DANH SÁCH NGƯỜI LAO ĐỘNG THÁNG 5/2021", null, null, null, null, null, null, null, null],
        [null, null, null, null, null, null, null, null, null],
        [.. Header],
        .. data,
    ];

    /// <summary>Writes the sheet as the format asks: "xlsx" through MiniExcel, "csv" as UTF-8 with BOM.</summary>
    public static string Write(string folder, string format, IEnumerable<object?[]> sheet)
    {
        var path = Path.Combine(folder, $"roster-{Guid.NewGuid():N}.{format}");
        if (format == "xlsx") SampleRosters.WriteXlsx(path, sheet);
        else SampleRosters.WriteCsv(path, sheet, new UTF8Encoding(true));
        return path;
    }

    // ---- the API ---------------------------------------------------------------------------------------------

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient api, int enterpriseId, string path, string? asOf = RosterWorld.AsOfText, string? fileName = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(path));
        file.Headers.ContentType = new MediaTypeHeaderValue(path.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv"
            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", fileName ?? Path.GetFileName(path));
        if (asOf is not null) form.Add(new StringContent(asOf), "asOf");
        return await api.PostAsync($"/api/v1/enterprises/{enterpriseId}/rosters", form);
    }

    /// <summary>Uploads and returns the import's id; fails the test unless the API accepted it (202).</summary>
    public static async Task<Guid> UploadOkAsync(HttpClient api, int enterpriseId, string path, string asOf = RosterWorld.AsOfText)
    {
        var response = await UploadAsync(api, enterpriseId, path, asOf);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"upload: {(int)response.StatusCode} {body}");
        Assert.Equal($"/api/v1/rosters/{JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid()}", response.Headers.Location?.OriginalString);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> StateAsync(HttpClient api, Guid id)
    {
        var response = await api.GetAsync($"/api/v1/rosters/{id}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET import: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static readonly string[] Running = ["Uploaded", "Previewing", "Committing"];

    /// <summary>Polls GET /api/v1/rosters/{id} until the job is done (not Uploaded, Previewing or Committing).</summary>
    public static async Task<JsonElement> UntilDoneAsync(HttpClient api, Guid id, int seconds = 240)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var state = await StateAsync(api, id);
            if (!Running.Contains(state.GetProperty("status").GetString())) return state;
            if (DateTime.UtcNow > until) Assert.Fail($"import {id} still {state.GetProperty("status")} after {seconds} s");
            await Task.Delay(100);
        }
    }

    public static async Task<JsonElement> UntilStatusAsync(HttpClient api, Guid id, string status, int seconds = 240)
    {
        var state = await UntilDoneAsync(api, id, seconds);
        Assert.True(state.GetProperty("status").GetString() == status, $"expected {status}, got {state}");
        return state;
    }

    public static int Count(this JsonElement preview, string name) => preview.GetProperty(name).GetInt32();

    /// <summary>The counts the preview shows, by the names of the API (and of the CLI's --json).</summary>
    public static Dictionary<string, int> Counts(JsonElement preview, params string[] names) =>
        names.ToDictionary(n => n, n => preview.GetProperty(n).GetInt32());

    public static readonly string[] CountNames =
        ["rows", "valid", "errors", "created", "updated", "unchanged", "hired", "left", "moved", "transfers", "recoveredLeadingZeros", "duplicatesInFile"];

    // ---- pages -----------------------------------------------------------------------------------------------

    [GeneratedRegex(@"<tr>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex TableCell();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    /// <summary>The body rows of the table with this data-testid, each as its cells' text.</summary>
    public static List<string[]> TableRows(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {testId} on the page");
        var end = html.IndexOf("</table>", start, StringComparison.Ordinal);
        return TableRow().Matches(html[start..end]).Select(m => TableCell().Matches(m.Groups[1].Value)
                .Select(c => WebUtility.HtmlDecode(Tag().Replace(c.Groups[1].Value, "")).Trim()).ToArray())
            .Where(cells => cells.Length > 0).ToList();
    }

    /// <summary>The text inside the element with this data-testid (tags stripped).</summary>
    public static string? TestIdText(string html, string testId)
    {
        var m = Regex.Match(html, $"<(\\w+)[^>]*data-testid=\"{Regex.Escape(testId)}\"[^>]*>(.*?)</\\1>", RegexOptions.Singleline);
        return m.Success ? WebUtility.HtmlDecode(Tag().Replace(m.Groups[2].Value, "")).Trim() : null;
    }

    /// <summary>POSTs a page handler (Commit, Cancel, Remap) with the antiforgery token read from the import's page.</summary>
    public static async Task<HttpResponseMessage> PostHandlerAsync(HttpClient cookies, Guid id, string handler, IDictionary<string, string>? fields = null, string? token = null)
    {
        token ??= Http.AntiforgeryToken(await cookies.GetStringAsync($"/Rosters/{id}"));
        var form = new Dictionary<string, string>(fields ?? new Dictionary<string, string>()) { ["__RequestVerificationToken"] = token };
        return await cookies.PostAsync($"/Rosters/{id}?handler={handler}", new FormUrlEncodedContent(form));
    }

    public static Task<ImportStatus> StatusInDbAsync(LachanApp app, Guid id) =>
        app.WithDbAsync(db => db.Set<RosterImport>().Where(i => i.Id == id).Select(i => i.Status).SingleAsync());

    public static Task<int> ImportAuditsAsync(LachanApp app, int enterpriseId) =>
        app.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == "import" && a.EntityType == "Roster" && a.EntityId == enterpriseId.ToString()));
}
