using System.Net;
using Lachan.Features.Support.Lists;
using Lachan.Features.Support.Payments;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Lachan.Tests.Integration.Support.Lists.ListWorld;

namespace Lachan.Tests.Integration.Support.Lists;

/// <summary>The pages of the review chain and payments through HTTP on both databases: each step's form only for its
/// desk (another desk is refused, another district does not find the list), refusals shown on the page in Vietnamese
/// (never a 500), success redirected, a second approval told clearly; a refused file writes nothing; a double-posted
/// payment form makes one batch; a bad bank-return file changes nothing.</summary>
public sealed class ChainPageTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    private sealed record Desks(HttpClient Hr, HttpClient Insurance, HttpClient District, HttpClient Province, HttpClient OtherDistrict);

    private static async Task<Desks> PagesAsync(LachanApp app, ListWorld w)
    {
        var tag = w.Registry.Tag.ToLowerInvariant();
        return new(await app.LoggedInClientAsync("hr" + tag), await app.LoggedInClientAsync("bhxh" + tag), await app.LoggedInClientAsync("huyen" + tag),
            await app.LoggedInClientAsync("sld" + tag), await app.LoggedInClientAsync("huyenkhac" + tag));
    }

    private static Task<HttpResponseMessage> Step(HttpClient c, int id, string handler, params (string Key, string Value)[] fields) =>
        c.PostFormAsync($"/Support/Lists/Detail/{id}", fields.ToDictionary(f => f.Key, f => f.Value), $"/Support/Lists/Detail/{id}?handler={handler}");

    private static async Task Redirected(Task<HttpResponseMessage> call, string to)
    {
        var response = await call;
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.PageAsync()}");
        Assert.Contains(to, response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static async Task<string> Refused(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var page = await response.PageAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK && page.Contains("data-testid=\"form-errors\"", StringComparison.Ordinal), $"{(int)response.StatusCode}: {page}");
        return page;
    }

    /// <summary>Issue 12 leftovers, item 6: the list's page shows its audit trail — who did what when, in province time,
    /// the actions named in the reader's language — to every desk that sees the list, and to no one else.</summary>
    [Theory, BothProviders]
    public async Task The_list_page_shows_who_did_what_when_from_the_audit_log(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await CreateAsync(app);
        var d = await PagesAsync(app, w);
        var id = await w.BuildAsync();
        await w.PostAndWaitAsync(app, id);
        await Expect(HttpStatusCode.NoContent, w.Hr.PostAsync($"/api/v1/support/lists/{id}/submit", null));
        var tag = w.Registry.Tag.ToLowerInvariant();
        var at = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityType == nameof(SupportList) && e.EntityId == id.ToString() && e.Action == "submit").Select(e => e.At).SingleAsync());

        var page = await d.District.GetPageAsync($"/Support/Lists/Detail/{id}");
        var trail = page[page.IndexOf("data-testid=\"audit-trail\"", StringComparison.Ordinal)..];
        trail = trail[..trail.IndexOf("</ol>", StringComparison.Ordinal)];
        Assert.Equal(3, trail.Split("<li ").Length - 1);
        Assert.True(trail.IndexOf("Lập danh sách", StringComparison.Ordinal) < trail.IndexOf("Niêm yết công khai", StringComparison.Ordinal), trail);
        Assert.Contains($"hr{tag} · Gửi cơ quan BHXH", trail, StringComparison.Ordinal);
        Assert.Contains(Lachan.Infrastructure.ProvinceClock.ToProvinceTime(at).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " (giờ Việt Nam)", trail, StringComparison.Ordinal);
        // the view this page itself is audited as is not a step of the list
        Assert.DoesNotContain("data-action=\"view\"", trail, StringComparison.Ordinal);

        var token = Http.AntiforgeryToken(page);
        Assert.Equal(HttpStatusCode.Redirect, (await d.District.PostAsync("/Account/Language", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en-US", ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }))).StatusCode);
        var english = await d.District.GetPageAsync($"/Support/Lists/Detail/{id}");
        Assert.Contains($"hr{tag} · Submitted to social insurance", english, StringComparison.Ordinal);
        Assert.Contains("(Vietnam time)", english, StringComparison.Ordinal);

        // another district does not find the list, nor its trail
        Assert.Equal(HttpStatusCode.NotFound, (await d.OtherDistrict.GetAsync($"/Support/Lists/Detail/{id}")).StatusCode);
    }

    [Theory, BothProviders]
    public async Task Every_desk_takes_its_step_on_the_list_page_and_only_its_own(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await CreateAsync(app);
        var d = await PagesAsync(app, w);

        // HR builds from its roster in one click and lands on the new list
        var built = await d.Hr.PostFormAsync("/Support/Lists/New", new Dictionary<string, string> { ["PolicyCode"] = Policy, ["Month"] = Month }, "/Support/Lists/New?handler=Roster");
        Assert.Equal(HttpStatusCode.Redirect, built.StatusCode);
        var id = int.Parse(built.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var page = await d.Hr.GetPageAsync($"/Support/Lists/Detail/{id}");
        Assert.Contains(w.Registry.WorkerOwn.FullName, page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"post-form\"", page, StringComparison.Ordinal);
        // the worklist links to it
        Assert.Contains($"/Support/Lists/Detail/{id}", await d.Hr.GetPageAsync("/Support/Lists"), StringComparison.Ordinal);

        await Redirected(Step(d.Hr, id, "Post"), $"/Support/Lists/Detail/{id}");
        // submitting before the notice is over: the reason on the page, in Vietnamese
        Assert.Contains("Chưa hết thời gian niêm yết", await Refused(Step(d.Hr, id, "Submit")), StringComparison.Ordinal);
        await app.WithDbAsync(db => db.Set<SupportList>().Where(l => l.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.PostedOn, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10))));
        await Redirected(Step(d.Hr, id, "Submit"), $"/Support/Lists/Detail/{id}");

        // the district sees the list but not social insurance's form; its post is refused; another district finds nothing
        var districtView = await d.District.GetPageAsync($"/Support/Lists/Detail/{id}");
        Assert.DoesNotContain("insurance-form", districtView, StringComparison.Ordinal);
        await Redirected(d.District.PostFormAsync($"/Support/Lists/Detail/{id}", new Dictionary<string, string>(), $"/Support/Lists/Detail/{id}?handler=Appraise"), "/Account/Denied");
        Assert.Equal(HttpStatusCode.NotFound, (await d.OtherDistrict.GetAsync($"/Support/Lists/Detail/{id}")).StatusCode);

        // social insurance: every row insured except those named; a bad row list names the field
        Assert.Contains("insurance-form", await d.Insurance.GetPageAsync($"/Support/Lists/Detail/{id}"), StringComparison.Ordinal);
        Assert.Contains("Ghi số dòng", await Refused(Step(d.Insurance, id, "Insurance", ("NotInsured", "a-b"))), StringComparison.Ordinal);
        await Redirected(Step(d.Insurance, id, "Insurance", ("NotInsured", "")), $"/Support/Lists/Detail/{id}");
        Assert.True(await app.WithDbAsync(db => db.Set<SupportListRow>().Where(r => r.SupportListId == id).AllAsync(r => r.Insured == true)));

        await Redirected(Step(d.District, id, "Appraise"), $"/Support/Lists/Detail/{id}");
        Assert.Contains("Nhập số quyết định", await Refused(Step(d.Province, id, "Approve", ("DecisionNo", ""))), StringComparison.Ordinal);
        await Redirected(Step(d.Province, id, "Approve", ("DecisionNo", "77/QĐ-UBND")), $"/Support/Lists/Detail/{id}");
        // approving again: told it is approved already, nothing written twice
        var again = await d.Province.PostAsync($"/Support/Lists/Detail/{id}?handler=Approve",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["DecisionNo"] = "78/QĐ-UBND", ["__RequestVerificationToken"] = Http.AntiforgeryToken(await d.Province.GetPageAsync($"/Support/Lists/Detail/{id}")) }));
        Assert.Contains("Danh sách đã được phê duyệt", await again.PageAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<SupportDecision>().CountAsync(x => x.SupportListId == id)));

        var pdf = await d.Province.GetAsync($"/Support/Lists/Detail/{id}?handler=Decision");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await d.OtherDistrict.GetAsync($"/Support/Lists/Detail/{id}?handler=Decision")).StatusCode);
    }

    [Theory, BothProviders]
    public async Task A_refused_file_shows_every_row_error_and_writes_nothing(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await CreateAsync(app);
        var hr = await app.LoggedInClientAsync("hr" + w.Registry.Tag.ToLowerInvariant());
        var token = Http.AntiforgeryToken(await hr.GetPageAsync("/Support/Lists/New"));
        var form = new MultipartFormDataContent
        {
            { new StringContent(Policy), "PolicyCode" }, { new StringContent(Month), "Month" }, { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($"Số CCCD,Số tiền\n{w.Registry.WorkerOwn.Cccd},nhiều\n,500000\n")), "Upload", "ds.csv" },
        };
        var response = await hr.PostAsync("/Support/Lists/New?handler=Import", form);
        var page = await response.PageAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"file-errors\"", page, StringComparison.Ordinal);
        Assert.Contains("Số tiền không phải là số đồng nguyên", page, StringComparison.Ordinal);
        Assert.Contains("Thiếu số CCCD", page, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<SupportList>().CountAsync(l => l.EnterpriseId == w.Registry.EnterpriseOwn.Id)));
        // another enterprise's tax code: not found, named on the form
        var other = await hr.PostFormAsync("/Support/Lists/New", new Dictionary<string, string> { ["PolicyCode"] = Policy, ["Month"] = Month, ["TaxCode"] = w.Registry.EnterpriseOther.TaxCode },
            "/Support/Lists/New?handler=Roster");
        Assert.Contains("error-TaxCode", await other.PageAsync(), StringComparison.Ordinal);
        // only the desks that build lists open the page
        var insurance = await app.LoggedInClientAsync("bhxh" + w.Registry.Tag.ToLowerInvariant());
        Assert.Contains("/Account/Denied", (await insurance.GetAsync("/Support/Lists/New")).Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task A_double_posted_batch_form_makes_one_batch_and_a_bad_return_file_changes_nothing(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await CreateAsync(app);
        var id = await w.ApprovedListAsync(app);
        var province = await app.LoggedInClientAsync("sld" + w.Registry.Tag.ToLowerInvariant());
        var formPage = await province.GetPageAsync($"/Support/Payments?ListId={id}");
        var key = System.Text.RegularExpressions.Regex.Match(formPage, "name=\"IdempotencyKey\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(key);
        var fields = new Dictionary<string, string>
        {
            ["IdempotencyKey"] = key, ["ListId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Channel"] = "WorkerAccount",
            ["__RequestVerificationToken"] = Http.AntiforgeryToken(formPage),
        };
        // the worker has no bank account on the list: the form names the rows
        Assert.Contains("Thiếu số tài khoản", await (await province.PostAsync("/Support/Payments", new FormUrlEncodedContent(fields))).PageAsync(), StringComparison.Ordinal);
        fields["Channel"] = "Employer";
        var first = await province.PostAsync("/Support/Payments", new FormUrlEncodedContent(fields));
        var second = await province.PostAsync("/Support/Payments", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var batch = await app.WithDbAsync(db => db.Set<PaymentBatch>().Include(b => b.Lines).SingleAsync(b => b.SupportListId == id));
        var batchUrl = $"/Support/Payments/Batch/{batch.Id}";
        Assert.Equal(batchUrl, first.Headers.Location!.OriginalString);

        var file = await province.PostFormAsync(batchUrl, new Dictionary<string, string> { ["Layout"] = "default", ["Format"] = "csv" }, batchUrl + "?handler=Export");
        Assert.Equal("text/csv", file.Content.Headers.ContentType!.MediaType);
        Assert.Contains(batch.Reference, await file.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        async Task<HttpResponseMessage> Upload(string csv) => await province.PostAsync(batchUrl + "?handler=Returns", new MultipartFormDataContent
        {
            { new StringContent(Http.AntiforgeryToken(await province.GetPageAsync(batchUrl))), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "Upload", "tra-ve.csv" },
        });
        var bad = await (await Upload($"Mã tham chiếu,Số tiền,Trạng thái,Lý do\n{batch.Reference},1,hoàn trả,Sai\nKHONGCO,500000,hoàn trả,Sai\n")).PageAsync();
        Assert.Contains("Số tiền không khớp", bad, StringComparison.Ordinal);
        Assert.Contains("Mã tham chiếu không thuộc đợt chi này", bad, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<PaymentLine>().CountAsync(l => l.PaymentBatchId == batch.Id && l.Status == PaymentStatus.Returned)));
        await Redirected(Upload($"Mã tham chiếu,Số tiền,Trạng thái,Lý do\n{batch.Reference},500000,hoàn trả,Sai tên\n"), batchUrl);
        var reconciled = await province.GetPageAsync(batchUrl);
        Assert.Contains("data-status=\"Returned\"", reconciled, StringComparison.Ordinal);

        // another district does not find the batch; the district may read but not pay
        var other = await app.LoggedInClientAsync("huyenkhac" + w.Registry.Tag.ToLowerInvariant());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(batchUrl)).StatusCode);
        var district = await app.LoggedInClientAsync("huyen" + w.Registry.Tag.ToLowerInvariant());
        Assert.DoesNotContain("export-form", await district.GetPageAsync(batchUrl), StringComparison.Ordinal);
    }
}
