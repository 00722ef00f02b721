using Lachan.Features.Support.Contracts;
using Lachan.Features.Support.Lists;
using Lachan.Features.Support.Payments;
using Lachan.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration;

/// <summary>The pages of the review chain and of payments: the same rules as their API (a step only by its desk, a list
/// or batch outside the caller's jurisdiction not found), each handler probed with the list or batch it needs.</summary>
public sealed partial class AccessMatrixTests
{
    /// <summary>A page's upload: its fields, the antiforgery token and the file in the field the pages bind ("Upload").</summary>
    private static MultipartFormDataContent PageUpload(string token, string csv, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "Upload", "file.csv");
        return form;
    }

    private static void AddSupportPageProbes(List<Probe> list)
    {
        var lists = SupportAreas.Lists;
        var payments = SupportAreas.Payments;
        Func<Caller, Side, string> taxMark = (c, s) => Enterprise(c, s).TaxCode;

        foreach (var side in new[] { Side.Own, Side.Other })
        {
            list.Add(new("page /Support/Lists/Detail", lists, Access.Read, side, false, async c =>
                await Read(await c.Pages.GetAsync($"/Support/Lists/Detail/{(await SupportListAsync(c, side, ListState.Draft)).Id}"))) { Marker = taxMark });
            list.Add(new("page /Support/Lists/Detail", lists, Access.Read, side, false, async c =>
                await Read(await c.Pages.GetAsync($"/Support/Lists/Detail/{(await SupportListAsync(c, side, ListState.Approved)).Id}?handler=Decision"))));

            void Step(string handler, ListState from, ListState to, Func<Role, bool> desk, Func<SupportList, (string, string)[]>? fields = null, bool dispute = false) =>
                list.Add(new("page /Support/Lists/Detail", lists, Access.Write, side, false, async c =>
                {
                    var l = await SupportListAsync(c, side, from, dispute);
                    var response = await c.Pages.PostAsync($"/Support/Lists/Detail/{l.Id}?handler={handler}", Form(c.Token, fields?.Invoke(l) ?? []));
                    var changed = to != from ? await ListStateAsync(c, l.Id) == to
                        : await c.App.WithDbAsync(db => db.Set<ListDispute>().AnyAsync(d => d.SupportListId == l.Id && (dispute ? d.ResolvedOn != null : true)));
                    return await Read(response, changed);
                }) { Mutates = true, Only = desk });

            Step("Post", ListState.Draft, ListState.Posted, Desk(Role.EnterpriseHr));
            Step("Submit", ListState.Posted, ListState.Submitted, Desk(Role.EnterpriseHr));
            Step("Insurance", ListState.Submitted, ListState.InsuranceConfirmed, Desk(Role.SocialInsurance), _ => [("NotInsured", "")]);
            Step("Appraise", ListState.InsuranceConfirmed, ListState.Appraised, Desk(Role.District));
            Step("Approve", ListState.Appraised, ListState.Approved, Desk(Role.LabourDepartment), _ => [("DecisionNo", "7/QĐ-" + NewPhone())]);
            Step("Refuse", ListState.Appraised, ListState.Refused, Desk(Role.LabourDepartment), _ => [("Text", "Thiếu hồ sơ")]);
            Step("Dispute", ListState.Posted, ListState.Posted, Desk(Role.EnterpriseHr), _ => [("RowNo", "1"), ("Text", "Không ở trọ")]);
            Step("Resolve", ListState.Posted, ListState.Posted, Desk(Role.EnterpriseHr),
                l => [("DisputeId", l.Disputes[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Text", "Đã xác minh")], dispute: true);

            list.Add(new("page /Support/Lists/New", lists, Access.Write, side, false, async c =>
            {
                var e = Enterprise(c, side);
                var before = await c.App.WithDbAsync(db => db.Set<SupportList>().CountAsync(l => l.EnterpriseId == e.Id));
                var response = await c.Pages.PostAsync("/Support/Lists/New?handler=Roster",
                    Form(c.Token, ("PolicyCode", "QD08-G1"), ("TaxCode", e.TaxCode), ("Month", "05/2022")));
                return await Read(response, await c.App.WithDbAsync(db => db.Set<SupportList>().CountAsync(l => l.EnterpriseId == e.Id)) != before);
            }) { Mutates = true, Only = Desk(Role.EnterpriseHr) });
            list.Add(new("page /Support/Lists/New", lists, Access.Write, side, false, async c =>
            {
                var e = Enterprise(c, side);
                var before = await c.App.WithDbAsync(db => db.Set<SupportList>().CountAsync(l => l.EnterpriseId == e.Id));
                var response = await c.Pages.PostAsync("/Support/Lists/New?handler=Import", PageUpload(c.Token, $"Số CCCD,Số tiền\n{Worker(c, side).Cccd},500000\n",
                    ("PolicyCode", "QD08-G1"), ("TaxCode", e.TaxCode), ("Month", "05/2022")));
                return await Read(response, await c.App.WithDbAsync(db => db.Set<SupportList>().CountAsync(l => l.EnterpriseId == e.Id)) != before);
            }) { Mutates = true, Only = Desk(Role.EnterpriseHr) });

            list.Add(new("page /Support/Payments/Index", payments, Access.Read, side, false, async c =>
            {
                await SupportBatchAsync(c, side, sent: false);
                return await Read(await c.Pages.GetAsync("/Support/Payments"));
            }) { IsList = true, Marker = taxMark });
            list.Add(new("page /Support/Payments/Index", payments, Access.Write, side, false, async c =>
            {
                var l = await SupportListAsync(c, side, ListState.Approved);
                var response = await c.Pages.PostAsync("/Support/Payments",
                    Form(c.Token, ("IdempotencyKey", Guid.NewGuid().ToString("N")), ("ListId", l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Channel", "Employer")));
                return await Read(response, await c.App.WithDbAsync(db => db.Set<PaymentBatch>().AnyAsync(b => b.SupportListId == l.Id)));
            }) { Mutates = true });
            list.Add(new("page /Support/Payments/Batch", payments, Access.Read, side, false, async c =>
                await Read(await c.Pages.GetAsync($"/Support/Payments/Batch/{(await SupportBatchAsync(c, side, sent: false)).Id}"))) { Marker = taxMark });
            list.Add(new("page /Support/Payments/Batch", payments, Access.Write, side, false, async c =>
            {
                var b = await SupportBatchAsync(c, side, sent: false);
                var response = await c.Pages.PostAsync($"/Support/Payments/Batch/{b.Id}?handler=Export", Form(c.Token, ("Format", "csv"), ("Layout", "default")));
                return await Read(response, await c.App.WithDbAsync(db => db.Set<PaymentLine>().AnyAsync(l => l.PaymentBatchId == b.Id && l.Status == PaymentStatus.Sent)));
            }) { Mutates = true });
            list.Add(new("page /Support/Payments/Batch", payments, Access.Write, side, false, async c =>
            {
                var b = await SupportBatchAsync(c, side, sent: true);
                var response = await c.Pages.PostAsync($"/Support/Payments/Batch/{b.Id}?handler=Returns",
                    PageUpload(c.Token, $"Mã tham chiếu,Số tiền,Trạng thái,Lý do\n{b.Lines[0].Reference},500000,hoàn trả,Sai tên\n"));
                return await Read(response, await c.App.WithDbAsync(db => db.Set<PaymentLine>().AnyAsync(l => l.PaymentBatchId == b.Id && l.Status == PaymentStatus.Returned)));
            }) { Mutates = true });
        }

        list.Add(new("page /Support/Lists/New", lists, Access.Write, Side.None, false, async c =>
            await Read(await c.Pages.GetAsync("/Support/Lists/New"))) { Only = Desk(Role.EnterpriseHr) });
        // nothing happened in 03/2021: the page says nothing was drafted
        list.Add(new("page /Support/Lists/New", lists, Access.Write, Side.None, false, async c =>
            await Read(await c.Pages.PostAsync("/Support/Lists/New?handler=Candidates", Form(c.Token, ("Month", "03/2021"))))) { Only = Desk(Role.EnterpriseHr) });
    }
}
