using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lachan.Features.Support.Lists;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Lachan.Tests.Integration.Support.Lists.ListWorld;

namespace Lachan.Tests.Integration.Support.Lists;

/// <summary>Employer lists and the review chain through the API on both databases: built from the roster and checked,
/// each step by its own desk and in order, the notice's working days, one approval per list and per worker.</summary>
public sealed class ListChainTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    [Theory, BothProviders]
    public async Task Hr_builds_the_list_from_its_roster_and_every_row_is_checked(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await CreateAsync(app);
        var id = await w.BuildAsync();
        var list = await w.Hr.GetFromJsonAsync<JsonElement>($"/api/v1/support/lists/{id}");
        var row = list.GetProperty("rows")[0];
        Assert.Equal(w.Registry.WorkerOwn.Cccd, row.GetProperty("cccd").GetString());
        Assert.True(row.GetProperty("eligible").GetBoolean(), row.ToString());
        Assert.Equal(500_000, row.GetProperty("amountComputed").GetInt64());
        Assert.Equal("Draft", list.GetProperty("summary").GetProperty("state").GetString());
        Assert.Equal("Mẫu 02", list.GetProperty("summary").GetProperty("form").GetString());

        // a month the worker was not insured before (no insured month 01/2022): not eligible, the reason in Vietnamese
        var feb = await w.BuildAsync("02/2022");
        var febRow = (await w.Hr.GetFromJsonAsync<JsonElement>($"/api/v1/support/lists/{feb}")).GetProperty("rows")[0];
        Assert.False(febRow.GetProperty("eligible").GetBoolean());
        Assert.Contains(febRow.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "not-insured-month-before"
            && r.GetProperty("vi").GetString()!.Contains("bảo hiểm xã hội", StringComparison.Ordinal));
    }

    [Theory, BothProviders]
    public async Task The_chain_runs_desk_by_desk_and_the_province_approves_once(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await CreateAsync(app);
        var id = await w.BuildAsync();
        await Expect(HttpStatusCode.NoContent, w.Hr.PostAsync($"/api/v1/support/lists/{id}/post", null));
        // the public notice lasts its working days: submitting at once is refused with the reason
        var early = await Expect(HttpStatusCode.BadRequest, w.Hr.PostAsync($"/api/v1/support/lists/{id}/submit", null));
        Assert.Contains("SupportList.NoticeNotOver", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await app.WithDbAsync(db => db.Set<SupportList>().Where(l => l.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.PostedOn, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10))));
        await Expect(HttpStatusCode.NoContent, w.Hr.PostAsync($"/api/v1/support/lists/{id}/submit", null));

        // another desk's step is refused (403); another district does not see the list at all (404)
        await Expect(HttpStatusCode.Forbidden, w.District.PostAsync($"/api/v1/support/lists/{id}/appraise", null));
        await Expect(HttpStatusCode.NotFound, w.OtherDistrict.GetAsync($"/api/v1/support/lists/{id}"));
        await Expect(HttpStatusCode.NoContent, w.Insurance.PostAsJsonAsync($"/api/v1/support/lists/{id}/insurance", new { rows = new[] { new { rowNo = 1, insured = true } } }));
        await Expect(HttpStatusCode.NotFound, w.OtherDistrict.PostAsync($"/api/v1/support/lists/{id}/appraise", null));
        await Expect(HttpStatusCode.NoContent, w.District.PostAsync($"/api/v1/support/lists/{id}/appraise", null));
        var noNumber = await Expect(HttpStatusCode.BadRequest, w.Province.PostAsJsonAsync($"/api/v1/support/lists/{id}/approve", new { decisionNo = "" }));
        Assert.Contains("SupportList.DecisionNoRequired", await noNumber.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Expect(HttpStatusCode.NoContent, w.Province.PostAsJsonAsync($"/api/v1/support/lists/{id}/approve", new { decisionNo = "1234/QĐ-UBND" }));
        await Expect(HttpStatusCode.Conflict, w.Province.PostAsJsonAsync($"/api/v1/support/lists/{id}/approve", new { decisionNo = "1235/QĐ-UBND" }));

        var pdf = await Expect(HttpStatusCode.OK, w.Province.GetAsync($"/api/v1/support/lists/{id}/decision.pdf"));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..4], StringComparison.Ordinal);
        await app.WithDbAsync(async db =>
        {
            var approval = await db.Set<SupportApproval>().SingleAsync(a => a.SupportListId == id);
            Assert.Equal((w.Registry.WorkerOwn.Id, 500_000L, "1234/QĐ-UBND"), (approval.WorkerId, approval.Amount, approval.DecisionNo));
            Assert.Equal(1, await db.Set<SupportDecision>().CountAsync(d => d.SupportListId == id));
            var steps = await db.AuditEvents.Where(a => a.EntityType == nameof(SupportList) && a.EntityId == id.ToString()).Select(a => a.Action).ToListAsync();
            Assert.Equal(["appraise", "approve", "confirm-insurance", "create", "post", "submit"], steps.Order(StringComparer.Ordinal));
        });
    }

    [Theory, BothProviders]
    public async Task A_worker_already_approved_for_the_month_is_flagged_on_a_new_list_and_left_out_of_its_approval(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await CreateAsync(app);
        var first = await w.BuildAsync();
        // the second list is built while the first is still open: the worker is on another list of the same period
        var second = await w.BuildAsync();
        var row = (await w.Hr.GetFromJsonAsync<JsonElement>($"/api/v1/support/lists/{second}")).GetProperty("rows")[0];
        Assert.False(row.GetProperty("eligible").GetBoolean());
        Assert.Contains(row.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "LIST-OTHER-LIST");
        await app.WithDbAsync(db => db.Set<SupportList>().Where(l => l.Id == first || l.Id == second).ExecuteDeleteAsync());

        await w.ApprovedListAsync(app);
        var third = await w.BuildAsync();
        var again = (await w.Hr.GetFromJsonAsync<JsonElement>($"/api/v1/support/lists/{third}")).GetProperty("rows")[0];
        Assert.Contains(again.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "LIST-APPROVED-TWICE");
    }

    [Theory, BothProviders]
    public async Task The_database_refuses_a_second_approval_of_a_worker_for_the_same_policy_period(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await CreateAsync(app);
        var id = await w.ApprovedListAsync(app);
        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            var a = await db.Set<SupportApproval>().AsNoTracking().SingleAsync(x => x.SupportListId == id);
            a.Id = 0;
            db.Add(a);
            return await db.SaveChangesAsync();
        }));
    }

    [Theory, BothProviders]
    public async Task An_imported_list_with_a_bad_row_is_refused_whole_naming_row_and_column(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await CreateAsync(app);
        var csv = $"DANH SÁCH NGƯỜI LAO ĐỘNG ĐỀ NGHỊ HỖ TRỢ TIỀN THUÊ NHÀ\nSTT,Họ và tên,Số CCCD,Số tiền đề nghị\n1,{w.Registry.WorkerOwn.FullName},{w.Registry.WorkerOwn.Cccd},500000\n2,Nguyễn Văn A,,500000\n3,Trần Thị B,024196000001,năm trăm\n";
        var before = await app.WithDbAsync(db => db.Set<SupportList>().CountAsync());
        var bad = await Expect(HttpStatusCode.BadRequest, w.Hr.PostAsync("/api/v1/support/lists/import", Form(w, csv)));
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("code").GetString())).ToList();
        Assert.Equal([(4, "CCCD", "SupportList.FileCccdMissing"), (5, "Amount", "SupportList.FileAmountInvalid")], errors);
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<SupportList>().CountAsync()));
        // two amount columns: which is meant cannot be guessed
        var twice = await Expect(HttpStatusCode.BadRequest, w.Hr.PostAsync("/api/v1/support/lists/import",
            Form(w, $"Họ và tên,Số CCCD,Số tiền,Số tiền đề nghị\n{w.Registry.WorkerOwn.FullName},{w.Registry.WorkerOwn.Cccd},500000,500000\n")));
        Assert.Contains("\"row\":1,\"column\":\"Amount\",\"code\":\"SupportList.FileDuplicateColumn\"", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<SupportList>().CountAsync()));

        var good = $"STT,Họ và tên,Số CCCD,Số tiền đề nghị\n1,{w.Registry.WorkerOwn.FullName},{w.Registry.WorkerOwn.Cccd},700000\n";
        var created = await Expect(HttpStatusCode.Created, w.Hr.PostAsync("/api/v1/support/lists/import", Form(w, good)));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var row = (await w.Hr.GetFromJsonAsync<JsonElement>($"/api/v1/support/lists/{id}")).GetProperty("rows")[0];
        // asked more than the policy gives: flagged, the computed amount is what counts
        Assert.Equal((700_000, 500_000), (row.GetProperty("amountAsked").GetInt64(), row.GetProperty("amountComputed").GetInt64()));
        Assert.Contains(row.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "LIST-OVER-CAP");
    }

    [Theory, BothProviders]
    public async Task A_step_past_its_deadline_is_flagged_on_the_desks_worklist(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await CreateAsync(app);
        var id = await w.BuildAsync();
        await w.PostAndWaitAsync(app, id);
        await Expect(HttpStatusCode.NoContent, w.Hr.PostAsync($"/api/v1/support/lists/{id}/submit", null));
        var due = await app.WithDbAsync(db => db.Set<SupportList>().Where(l => l.Id == id).Select(l => l.DueOn).SingleAsync());
        Assert.True(due > DateOnly.FromDateTime(DateTime.UtcNow), $"due {due}");   // two working days from today
        var mine = await w.Insurance.GetFromJsonAsync<JsonElement>("/api/v1/support/lists?mine=true");
        Assert.Contains(mine.EnumerateArray(), l => l.GetProperty("id").GetInt32() == id && !l.GetProperty("overdue").GetBoolean());

        // the insurance desk let the two working days pass
        await app.WithDbAsync(db => db.Set<SupportList>().Where(l => l.Id == id).ExecuteUpdateAsync(s => s.SetProperty(l => l.DueOn, new DateOnly(2022, 5, 10))));
        var overdue = await w.Insurance.GetFromJsonAsync<JsonElement>("/api/v1/support/lists?overdue=true&mine=true");
        Assert.Contains(overdue.EnumerateArray(), l => l.GetProperty("id").GetInt32() == id && l.GetProperty("overdue").GetBoolean());
        var page = await (await app.LoggedInClientAsync("bhxh" + w.Registry.Tag.ToLowerInvariant())).GetPageAsync("/Support/Lists?Overdue=true");
        Assert.Contains($"data-testid=\"support-list-{id}\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"overdue\"", page, StringComparison.Ordinal);
        // HR's own worklist does not count it as HR's step
        var hr = await w.Hr.GetFromJsonAsync<JsonElement>("/api/v1/support/lists?mine=true");
        Assert.DoesNotContain(hr.EnumerateArray(), l => l.GetProperty("id").GetInt32() == id);
    }

    [Theory, BothProviders]
    public async Task Hr_cannot_build_another_enterprises_list(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await CreateAsync(app);
        await Expect(HttpStatusCode.NotFound, w.Hr.PostAsJsonAsync("/api/v1/support/lists", new { policyCode = Policy, taxCode = w.Registry.EnterpriseOther.TaxCode, month = Month }));
        var bad = await Expect(HttpStatusCode.BadRequest, w.Hr.PostAsJsonAsync("/api/v1/support/lists", new { policyCode = Policy, taxCode = w.Registry.EnterpriseOwn.TaxCode, month = "13/2022" }));
        Assert.Contains("month", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static MultipartFormDataContent Form(ListWorld w, string csv) => new MultipartFormDataContent
    {
        { new StringContent(Policy), "policyCode" }, { new StringContent(w.Registry.EnterpriseOwn.TaxCode), "taxCode" }, { new StringContent(Month), "month" },
    }.WithFile(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "danh-sach.csv");
}
