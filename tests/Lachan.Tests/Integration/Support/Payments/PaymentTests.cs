using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lachan.Features.Support.Payments;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Lachan.Tests.Integration.Support.Lists;
using Microsoft.EntityFrameworkCore;
using static Lachan.Tests.Integration.Support.Lists.ListWorld;

namespace Lachan.Tests.Integration.Support.Payments;

/// <summary>Payment batches from an approved list, the bank file and the bank's returns, on both databases.</summary>
public sealed class PaymentTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    private static Task<HttpResponseMessage> CreateBatch(ListWorld w, int listId, string key, string channel = "Employer") =>
        w.Province.PostAsJsonAsync("/api/v1/support/payments/batches", new { idempotencyKey = key, listId, channel });

    private static async Task<int> BatchId(HttpResponseMessage r) => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

    [Theory, BothProviders]
    public async Task A_batch_is_made_once_per_key_and_an_approval_is_paid_once(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await CreateAsync(app);
        var listId = await w.ApprovedListAsync(app);
        // to workers' accounts: the roster gave no account numbers, so nothing is made and the rows are named
        var noAccounts = await Expect(HttpStatusCode.BadRequest, CreateBatch(w, listId, Guid.NewGuid().ToString("N"), "WorkerAccount"));
        Assert.Contains("SupportPayments.AccountMissing", await noAccounts.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var key = Guid.NewGuid().ToString("N");
        var id = await BatchId(await Expect(HttpStatusCode.Created, CreateBatch(w, listId, key)));
        Assert.Equal(id, await BatchId(await Expect(HttpStatusCode.OK, CreateBatch(w, listId, key))));
        var twice = await Expect(HttpStatusCode.BadRequest, CreateBatch(w, listId, Guid.NewGuid().ToString("N")));
        Assert.Contains("SupportPayments.NothingToPay", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // HR reads its enterprise's batch, may not make one
        await Expect(HttpStatusCode.OK, w.Hr.GetAsync($"/api/v1/support/payments/batches/{id}"));
        await Expect(HttpStatusCode.Forbidden, w.Hr.PostAsJsonAsync("/api/v1/support/payments/batches", new { idempotencyKey = "x", listId, channel = "Employer" }));
        await app.WithDbAsync(async db =>
        {
            var batch = await db.Set<PaymentBatch>().Include(b => b.Lines).SingleAsync(b => b.Id == id);
            Assert.Equal((500_000L, 1), (batch.Total, batch.Lines.Count));
            Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.EntityType == nameof(PaymentBatch) && a.EntityId == key));
        });
    }

    [Theory, BothProviders]
    public async Task The_bank_file_is_exported_and_a_return_is_reconciled_while_a_bad_return_file_changes_nothing(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await CreateAsync(app);
        var listId = await w.ApprovedListAsync(app);
        var id = await BatchId(await Expect(HttpStatusCode.Created, CreateBatch(w, listId, Guid.NewGuid().ToString("N"))));
        var file = await Expect(HttpStatusCode.OK, w.Province.PostAsync($"/api/v1/support/payments/batches/{id}/export?format=csv&layout=default", null));
        var csv = (await file.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        var reference = await app.WithDbAsync(db => db.Set<PaymentBatch>().Where(b => b.Id == id).Select(b => b.Reference).SingleAsync());
        Assert.StartsWith("Mã tham chiếu,Tên người nhận,Số tài khoản,Ngân hàng,Số tiền,Nội dung", csv, StringComparison.Ordinal);
        Assert.Contains($"{reference},{w.Registry.EnterpriseOwn.Name},,,500000,", csv, StringComparison.Ordinal);

        // unknown, duplicated and mismatched rows: each named, nothing changed
        var bad = $"Mã tham chiếu,Số tiền,Trạng thái,Lý do\nBNOPE,500000,hoàn trả,x\n{reference},400000,hoàn trả,x\n{reference},500000,hoàn trả,x\n";
        var refused = await Expect(HttpStatusCode.BadRequest, w.Province.PostAsync($"/api/v1/support/payments/batches/{id}/returns", Upload(bad)));
        var codes = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("code").GetString())).ToList();
        Assert.Equal([(2, "SupportPayments.ReturnUnknown"), (3, "SupportPayments.ReturnAmountMismatch"), (4, "SupportPayments.ReturnDuplicate")], codes);
        Assert.True(await app.WithDbAsync(db => db.Set<PaymentLine>().Where(l => l.PaymentBatchId == id).AllAsync(l => l.Status == PaymentStatus.Sent)));

        var twoAmounts = $"Mã tham chiếu,Số tiền,Trạng thái,Số tiền (đồng)\n{reference},500000,hoàn trả,500000\n";
        var ambiguous = await Expect(HttpStatusCode.BadRequest, w.Province.PostAsync($"/api/v1/support/payments/batches/{id}/returns", Upload(twoAmounts)));
        Assert.Contains("SupportPayments.ReturnDuplicateHeader", await ambiguous.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // the bank's title line above the header is skipped; the rows keep the numbers the spreadsheet shows
        var good = $"NGÂN HÀNG CHÍNH SÁCH XÃ HỘI - BẢNG KÊ TRẢ VỀ\nMã tham chiếu,Số tiền,Trạng thái,Lý do\n{reference},500.000,hoàn trả,Tài khoản đã đóng\n";
        await Expect(HttpStatusCode.OK, w.Province.PostAsync($"/api/v1/support/payments/batches/{id}/returns", Upload(good)));
        var view = await w.Province.GetFromJsonAsync<JsonElement>($"/api/v1/support/payments/batches/{id}");
        Assert.Equal((500_000L, 0L), (view.GetProperty("returned").GetInt64(), view.GetProperty("paid").GetInt64()));
        // the same return again: the line is no longer out
        var again = await Expect(HttpStatusCode.BadRequest, w.Province.PostAsync($"/api/v1/support/payments/batches/{id}/returns", Upload(good)));
        Assert.Contains("SupportPayments.ReturnAlready", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // the worker's profile shows the support: applied, approved, returned
        var hr = await app.LoggedInClientAsync("hr" + w.Registry.Tag.ToLowerInvariant());
        var profile = await hr.GetPageAsync($"/Registry/Workers/{w.Registry.WorkerOwn.Id}");
        Assert.Contains("data-testid=\"worker-support\"", profile, StringComparison.Ordinal);
        Assert.Contains("QD08-G1 · 05/2022", profile, StringComparison.Ordinal);
        Assert.Contains("Bị trả lại", profile, StringComparison.Ordinal);
    }

    private static MultipartFormDataContent Upload(string csv) =>
        new MultipartFormDataContent().WithFile(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "tra-ve.csv");
}
