using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lachan.Features.Support.Lists;
using Lachan.Features.Support.Payments;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Lachan.Tests.Integration.Support.Lists;
using Microsoft.EntityFrameworkCore;
using static Lachan.Tests.Integration.Support.Lists.ListWorld;

namespace Lachan.Tests.Integration.Support.Views;

/// <summary>Issue 12, item 7, on both databases: the flags worklist finds each kind of rule broken — the same worker on two
/// employers' lists, an amount over the cap, a payment without an approval, a worker paid twice — naming the worker by
/// masked CCCD and id only, in the caller's jurisdiction; and one worker's view puts cash and kind together.</summary>
public sealed class OverviewTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    [Theory, BothProviders]
    public async Task The_flags_worklist_finds_each_broken_rule_in_the_callers_jurisdiction(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await CreateAsync(app);
        var approvedId = await w.ApprovedListAsync(app, "77/QĐ-UBND");
        var worker = w.Registry.WorkerOwn;
        await app.WithDbAsync(async db =>
        {
            var first = await db.Set<SupportList>().AsNoTracking().SingleAsync(l => l.Id == approvedId);
            var approval = await db.Set<SupportApproval>().AsNoTracking().SingleAsync(a => a.SupportListId == approvedId);
            // another employer's list of the same policy period with the same worker, asking more than the policy gives
            db.Add(new SupportList
            {
                PolicyCode = first.PolicyCode, EnterpriseId = w.Registry.EnterpriseOther.Id, TaxCode = "9" + first.TaxCode[1..], DistrictCode = first.DistrictCode,
                ProvinceCode = first.ProvinceCode, PeriodStart = first.PeriodStart, PeriodEnd = first.PeriodEnd, PeriodKey = first.PeriodKey, Form = first.Form, CreatedBy = "test",
                CreatedAt = DateTime.UtcNow,
                Rows = [new SupportListRow { RowNo = 1, Cccd = worker.Cccd, WorkerId = worker.Id, FullName = worker.FullName, AmountAsked = 900_000, AmountComputed = 500_000, Eligible = true }],
            });
            // paid once properly, and once more by a line whose approval does not exist
            PaymentBatch Batch(int approvalId) => new()
            {
                IdempotencyKey = Guid.NewGuid().ToString("N"), Reference = "B" + Guid.NewGuid().ToString("N")[..12], SupportListId = approvedId, PolicyCode = first.PolicyCode,
                EnterpriseId = first.EnterpriseId, TaxCode = first.TaxCode, DistrictCode = first.DistrictCode, ProvinceCode = first.ProvinceCode, Channel = PaymentChannel.Employer,
                CreatedOn = new(2022, 6, 1), CreatedBy = "test", CreatedAt = DateTime.UtcNow, Total = 500_000, ExportedOn = new(2022, 6, 2),
                Lines = [new PaymentLine { ApprovalId = approvalId, WorkerId = worker.Id, Reference = "P" + Guid.NewGuid().ToString("N")[..12], Amount = 500_000, PayeeName = "x", Status = PaymentStatus.Sent }],
            };
            db.AddRange(Batch(approval.Id), Batch(900_000_000 + approval.Id));
            return await db.SaveChangesAsync();
        });

        var page = await w.Province.GetFromJsonAsync<JsonElement>("/api/v1/support/flags");
        var flags = page.GetProperty("flags").EnumerateArray().Where(f => f.GetProperty("workerId").GetInt32() == worker.Id).ToList();
        var kinds = flags.Select(f => f.GetProperty("kind").GetString()).ToHashSet();
        Assert.Equal(["over-cap", "paid-twice", "payment-without-approval", "two-employers"], kinds.Order());
        Assert.All(flags, f =>
        {
            Assert.Equal(worker.FullName, f.GetProperty("fullName").GetString());
            Assert.Equal(worker.Cccd[..3] + "******" + worker.Cccd[^3..], f.GetProperty("cccdMasked").GetString());
            if (f.GetProperty("kind").GetString() != "over-cap") Assert.Contains(approvedId, f.GetProperty("listIds").EnumerateArray().Select(x => x.GetInt32()));
        });
        Assert.Equal(2, flags.Single(f => f.GetProperty("kind").GetString() == "paid-twice").GetProperty("batchIds").GetArrayLength());
        Assert.DoesNotContain(worker.Cccd, page.ToString(), StringComparison.Ordinal);
        var one = await w.Province.GetFromJsonAsync<JsonElement>("/api/v1/support/flags?kind=paid-twice");
        Assert.All(one.GetProperty("flags").EnumerateArray(), f => Assert.Equal("paid-twice", f.GetProperty("kind").GetString()));
        await Expect(HttpStatusCode.BadRequest, w.Province.GetAsync("/api/v1/support/flags?kind=nope"));

        // a district elsewhere sees none of them
        var other = await w.OtherDistrict.GetFromJsonAsync<JsonElement>("/api/v1/support/flags");
        Assert.DoesNotContain(other.GetProperty("flags").EnumerateArray(), f => f.GetProperty("workerId").GetInt32() == worker.Id);

        // the worker's view across programmes: the approval and the payment; outside the jurisdiction not found
        var received = await w.Province.GetFromJsonAsync<JsonElement>($"/api/v1/support/workers/{worker.Id}/received");
        Assert.Equal(500_000, received.GetProperty("approved").GetInt64());
        Assert.Contains(received.GetProperty("cash").EnumerateArray(), c => c.GetProperty("listId").GetInt32() == approvedId);
        Assert.Equal(0, received.GetProperty("inKind").GetArrayLength());
        await Expect(HttpStatusCode.NotFound, w.Province.GetAsync($"/api/v1/support/workers/{w.Registry.WorkerOther.Id}/received"));
    }
}
