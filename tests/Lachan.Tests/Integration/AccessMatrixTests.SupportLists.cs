using System.Net.Http.Json;
using Lachan.Features.Support.Contracts;
using Lachan.Features.Support.Lists;
using Lachan.Features.Support.Payments;
using Lachan.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration;

/// <summary>Employer lists, the review chain and payments: each side's list belongs to its enterprise (district, zone,
/// province); a step is taken only by its desk (HR, social insurance, district, province — and the steering committee),
/// so a role with the area's write access but not the step gets 403. Each probe makes the list or batch it needs, in
/// the state it needs, so probes do not disturb each other.</summary>
public sealed partial class AccessMatrixTests
{
    private static int _supportPeriod = Random.Shared.Next(0, 100_000);

    private static Func<Role, bool> Desk(params Role[] roles) => r => r == Role.Steering || roles.Contains(r);

    /// <summary>A one-row list of the side's enterprise and worker, moved by its own transitions to the state asked.</summary>
    private static async Task<SupportList> SupportListAsync(Caller c, Side side, ListState state, bool dispute = false)
    {
        var (e, w, z) = (Enterprise(c, side), Worker(c, side), Zone(c, side));
        var list = new SupportList
        {
            PolicyCode = "QD08-G1", EnterpriseId = e.Id, TaxCode = e.TaxCode, ZoneCode = z.Code, DistrictCode = e.DistrictCode, ProvinceCode = e.ProvinceCode,
            PeriodStart = new(2022, 5, 1), PeriodEnd = new(2022, 5, 31), PeriodKey = new DateOnly(1900, 1, 1).AddDays(Interlocked.Increment(ref _supportPeriod)),
            Form = "Mẫu 02", CreatedBy = "test", CreatedAt = DateTime.UtcNow,
            Rows = [new SupportListRow { RowNo = 1, Cccd = w.Cccd, WorkerId = w.Id, FullName = w.FullName, AmountAsked = 500_000, AmountComputed = 500_000, Eligible = true }],
        };
        var d = new DateOnly(2022, 5, 2);
        if (state >= ListState.Posted) list.Post(d, d.AddDays(3));
        if (dispute) list.Dispute(d, 1, "Khiếu nại thử", d.AddDays(2));
        if (state >= ListState.Submitted) list.Submit(d.AddDays(5), d.AddDays(3), d.AddDays(7));
        if (state >= ListState.InsuranceConfirmed) list.ConfirmInsurance(d.AddDays(6), new Dictionary<int, bool> { [1] = true }, d.AddDays(8));
        if (state >= ListState.Appraised) list.Appraise(d.AddDays(7), d.AddDays(9));
        if (state == ListState.Approved) list.Approve(d.AddDays(8), "1/QĐ-" + NewPhone());
        await c.App.WithDbAsync(async db =>
        {
            db.Add(list);
            await db.SaveChangesAsync();
            if (state == ListState.Approved)
            {
                db.Add(new SupportApproval
                {
                    SupportListId = list.Id, RowId = list.Rows[0].Id, WorkerId = w.Id, EnterpriseId = e.Id, PolicyCode = list.PolicyCode, PeriodStart = list.PeriodKey,
                    Amount = 500_000, ApprovedOn = d.AddDays(8), DecisionNo = list.DecisionNo!,
                });
                db.Add(new SupportDecision { SupportListId = list.Id, Approved = true, Number = list.DecisionNo, Day = d.AddDays(8), Amount = 500_000, Workers = 1, By = "test", At = DateTime.UtcNow });
            }
            return await db.SaveChangesAsync();
        });
        return list;
    }

    private static Task<ListState> ListStateAsync(Caller c, int id) =>
        c.App.WithDbAsync(db => db.Set<SupportList>().Where(l => l.Id == id).Select(l => l.State).SingleAsync());

    /// <summary>A batch of an approved list, its line sent to the bank when asked.</summary>
    private static async Task<PaymentBatch> SupportBatchAsync(Caller c, Side side, bool sent)
    {
        var list = await SupportListAsync(c, side, ListState.Approved);
        return await c.App.WithDbAsync(async db =>
        {
            var approval = await db.Set<SupportApproval>().SingleAsync(a => a.SupportListId == list.Id);
            var batch = new PaymentBatch
            {
                IdempotencyKey = Guid.NewGuid().ToString("N"), Reference = "B" + NewPhone(), SupportListId = list.Id, PolicyCode = list.PolicyCode, EnterpriseId = list.EnterpriseId,
                TaxCode = list.TaxCode, DistrictCode = list.DistrictCode, ProvinceCode = list.ProvinceCode, Channel = PaymentChannel.WorkerAccount, CreatedOn = new(2022, 5, 20),
                CreatedBy = "test", CreatedAt = DateTime.UtcNow, Total = 500_000, ExportedOn = sent ? new(2022, 5, 21) : null,
                Lines = [new PaymentLine { ApprovalId = approval.Id, WorkerId = approval.WorkerId, Reference = "P" + NewPhone(), Amount = 500_000, PayeeName = "Nguoi nhan", Account = "0011", Status = sent ? PaymentStatus.Sent : PaymentStatus.Pending }],
            };
            db.Add(batch);
            await db.SaveChangesAsync();
            return batch;
        });
    }

    private static MultipartFormDataContent CsvUpload(string csv, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "file.csv");
        return form;
    }

    private static void AddSupportListProbes(List<Probe> list)
    {
        var lists = SupportAreas.Lists;
        var payments = SupportAreas.Payments;
        Func<Caller, Side, string> taxMark = (c, s) => Enterprise(c, s).TaxCode;

        foreach (var side in new[] { Side.Own, Side.Other })
        {
            list.Add(new("GET /api/v1/support/lists", lists, Access.Read, side, true, async c =>
            {
                await SupportListAsync(c, side, ListState.Draft);
                return await Read(await c.Api.GetAsync("/api/v1/support/lists"));
            }) { IsList = true, Marker = taxMark });
            list.Add(new("page /Support/Lists/Index", lists, Access.Read, side, false, async c =>
            {
                await SupportListAsync(c, side, ListState.Draft);
                return await Read(await c.Pages.GetAsync("/Support/Lists"));
            }) { IsList = true, Marker = taxMark });
            list.Add(new("GET /api/v1/support/lists/{id:int}", lists, Access.Read, side, true, async c =>
                await Read(await c.Api.GetAsync($"/api/v1/support/lists/{(await SupportListAsync(c, side, ListState.Draft)).Id}"))) { Marker = taxMark });
            list.Add(new("GET /api/v1/support/lists/{id:int}/decision.pdf", lists, Access.Read, side, true, async c =>
                await Read(await c.Api.GetAsync($"/api/v1/support/lists/{(await SupportListAsync(c, side, ListState.Approved)).Id}/decision.pdf"))));

            list.Add(new("POST /api/v1/support/lists", lists, Access.Write, side, true, async c =>
            {
                var e = Enterprise(c, side);
                var before = await c.App.WithDbAsync(db => db.Set<SupportList>().CountAsync(l => l.EnterpriseId == e.Id));
                var response = await c.Api.PostAsJsonAsync("/api/v1/support/lists", new { policyCode = "QD08-G1", taxCode = e.TaxCode, month = "05/2022" });
                return await Read(response, await c.App.WithDbAsync(db => db.Set<SupportList>().CountAsync(l => l.EnterpriseId == e.Id)) != before);
            }) { Mutates = true, Only = Desk(Role.EnterpriseHr) });
            list.Add(new("POST /api/v1/support/lists/import", lists, Access.Write, side, true, async c =>
            {
                var e = Enterprise(c, side);
                var before = await c.App.WithDbAsync(db => db.Set<SupportList>().CountAsync(l => l.EnterpriseId == e.Id));
                var response = await c.Api.PostAsync("/api/v1/support/lists/import", CsvUpload($"Số CCCD,Số tiền\n{Worker(c, side).Cccd},500000\n",
                    ("policyCode", "QD08-G1"), ("taxCode", e.TaxCode), ("month", "05/2022")));
                return await Read(response, await c.App.WithDbAsync(db => db.Set<SupportList>().CountAsync(l => l.EnterpriseId == e.Id)) != before);
            }) { Mutates = true, Only = Desk(Role.EnterpriseHr) });

            void Step(string path, ListState from, ListState to, Func<Role, bool> desk, Func<int, HttpContent?>? body = null, bool dispute = false) =>
                list.Add(new($"POST /api/v1/support/lists/{{id:int}}/{path}", lists, Access.Write, side, true, async c =>
                {
                    var l = await SupportListAsync(c, side, from, dispute);
                    var url = $"/api/v1/support/lists/{l.Id}/" + path.Replace("{disputeId:int}", l.Disputes.FirstOrDefault()?.Id.ToString(), StringComparison.Ordinal);
                    var response = await c.Api.PostAsync(url, body?.Invoke(l.Id));
                    var changed = to != from ? await ListStateAsync(c, l.Id) == to
                        : await c.App.WithDbAsync(db => db.Set<ListDispute>().AnyAsync(d => d.SupportListId == l.Id && (dispute ? d.ResolvedOn != null : true)));
                    return await Read(response, changed);
                }) { Mutates = true, Only = desk });

            Step("post", ListState.Draft, ListState.Posted, Desk(Role.EnterpriseHr));
            Step("submit", ListState.Posted, ListState.Submitted, Desk(Role.EnterpriseHr));
            Step("insurance", ListState.Submitted, ListState.InsuranceConfirmed, Desk(Role.SocialInsurance),
                _ => JsonContent.Create(new { rows = new[] { new { rowNo = 1, insured = true } } }));
            Step("appraise", ListState.InsuranceConfirmed, ListState.Appraised, Desk(Role.District));
            Step("approve", ListState.Appraised, ListState.Approved, Desk(Role.LabourDepartment), _ => JsonContent.Create(new { decisionNo = "9/QĐ-" + NewPhone() }));
            Step("refuse", ListState.Appraised, ListState.Refused, Desk(Role.LabourDepartment), _ => JsonContent.Create(new { reason = "Thiếu hồ sơ" }));
            Step("disputes", ListState.Posted, ListState.Posted, Desk(Role.EnterpriseHr), _ => JsonContent.Create(new { rowNo = 1, text = "Không ở trọ" }));
            Step("disputes/{disputeId:int}/resolve", ListState.Posted, ListState.Posted, Desk(Role.EnterpriseHr),
                _ => JsonContent.Create(new { resolution = "Đã xác minh", removeRow = false }), dispute: true);

            list.Add(new("GET /api/v1/support/payments/batches", payments, Access.Read, side, true, async c =>
            {
                await SupportBatchAsync(c, side, sent: false);
                return await Read(await c.Api.GetAsync("/api/v1/support/payments/batches"));
            }) { IsList = true, Marker = taxMark });
            list.Add(new("GET /api/v1/support/payments/batches/{id:int}", payments, Access.Read, side, true, async c =>
                await Read(await c.Api.GetAsync($"/api/v1/support/payments/batches/{(await SupportBatchAsync(c, side, sent: false)).Id}"))) { Marker = taxMark });
            list.Add(new("POST /api/v1/support/payments/batches", payments, Access.Write, side, true, async c =>
            {
                var l = await SupportListAsync(c, side, ListState.Approved);
                var response = await c.Api.PostAsJsonAsync("/api/v1/support/payments/batches", new { idempotencyKey = Guid.NewGuid().ToString("N"), listId = l.Id, channel = "Employer" });
                return await Read(response, await c.App.WithDbAsync(db => db.Set<PaymentBatch>().AnyAsync(b => b.SupportListId == l.Id)));
            }) { Mutates = true });
            list.Add(new("POST /api/v1/support/payments/batches/{id:int}/export", payments, Access.Write, side, true, async c =>
            {
                var b = await SupportBatchAsync(c, side, sent: false);
                var response = await c.Api.PostAsync($"/api/v1/support/payments/batches/{b.Id}/export?format=csv", null);
                return await Read(response, await c.App.WithDbAsync(db => db.Set<PaymentLine>().AnyAsync(l => l.PaymentBatchId == b.Id && l.Status == PaymentStatus.Sent)));
            }) { Mutates = true });
            list.Add(new("POST /api/v1/support/payments/batches/{id:int}/returns", payments, Access.Write, side, true, async c =>
            {
                var b = await SupportBatchAsync(c, side, sent: true);
                var response = await c.Api.PostAsync($"/api/v1/support/payments/batches/{b.Id}/returns",
                    CsvUpload($"Mã tham chiếu,Số tiền,Trạng thái,Lý do\n{b.Lines[0].Reference},500000,hoàn trả,Sai tên\n"));
                return await Read(response, await c.App.WithDbAsync(db => db.Set<PaymentLine>().AnyAsync(l => l.PaymentBatchId == b.Id && l.Status == PaymentStatus.Returned)));
            }) { Mutates = true });
        }

        // nothing happened in 03/2021 (no orders, no quarantines): the call drafts nothing and changes nothing
        list.Add(new("POST /api/v1/support/lists/candidates", lists, Access.Write, Side.None, true, async c =>
            await Read(await c.Api.PostAsJsonAsync("/api/v1/support/lists/candidates", new { month = "03/2021" }))) { Only = Desk(Role.EnterpriseHr) });
        list.Add(new("GET /api/v1/support/payments/layouts", payments, Access.Read, Side.None, true, async c =>
            await Read(await c.Api.GetAsync("/api/v1/support/payments/layouts"))) { Marker = (_, _) => "vbsp" });
        list.Add(new("GET /api/v1/support/holidays", lists, Access.Read, Side.None, true, async c =>
            await Read(await c.Api.GetAsync("/api/v1/support/holidays?year=2021"))) { Marker = (_, _) => "2021-09-02" });
        list.Add(new("POST /api/v1/support/holidays", AdminAreas.Users, Access.Write, Side.None, true, async c =>
        {
            var day = new DateOnly(2040, 1, 1).AddDays(Interlocked.Increment(ref _supportPeriod) % 30_000);
            var response = await c.Api.PostAsJsonAsync("/api/v1/support/holidays", new { day, name = "Nghỉ thử", source = "test" });
            return await Read(response, await c.App.WithDbAsync(db => db.Set<Lachan.Infrastructure.Calendar.PublicHoliday>().AnyAsync(h => h.Day == day)));
        }) { Mutates = true });
    }
}
