using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lachan.Features.Support.Insurance;
using Lachan.Features.Support.Lists;
using Lachan.Infrastructure.Auth;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration.Support.Lists;

/// <summary>A registry (TestRegistry: an IZ enterprise whose worker has rented since 2019 under an indefinite contract)
/// with the worker insured from February 2022, and one account per desk of the chain, each with an API client.</summary>
internal sealed record ListWorld(TestRegistry Registry, HttpClient Hr, HttpClient Insurance, HttpClient District, HttpClient Province, HttpClient OtherDistrict)
{
    public const string Policy = "QD08-G1";
    public const string Month = "05/2022";

    public static async Task<ListWorld> CreateAsync(LachanApp app)
    {
        var r = await TestRegistry.AddAsync(app);
        await app.WithDbAsync(async db =>
        {
            for (var m = new DateOnly(2022, 2, 1); m <= new DateOnly(2022, 6, 1); m = m.AddMonths(1))
                db.Add(new InsuredMonth { WorkerId = r.WorkerOwn.Id, Month = m, EnterpriseId = r.EnterpriseOwn.Id });
            await db.SaveChangesAsync();
        });
        async Task<HttpClient> Client(string prefix, Role role, string scope)
        {
            var user = await app.EnsureUserAsync(prefix + r.Tag.ToLowerInvariant(), role, scope);
            return await app.ApiClientAsync(user.UserName!);
        }
        return new ListWorld(r,
            await Client("hr", Role.EnterpriseHr, r.EnterpriseOwn.TaxCode),
            await Client("bhxh", Role.SocialInsurance, TestRegistry.OwnProvince),
            await Client("huyen", Role.District, r.EnterpriseOwn.DistrictCode),
            await Client("sld", Role.LabourDepartment, TestRegistry.OwnProvince),
            await Client("huyenkhac", Role.District, r.EnterpriseOther.DistrictCode));
    }

    public async Task<int> BuildAsync(string month = Month)
    {
        var response = await Hr.PostAsJsonAsync("/api/v1/support/lists", new { policyCode = Policy, taxCode = Registry.EnterpriseOwn.TaxCode, month });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    /// <summary>Posts the list and moves its posting back a week, as if the public notice had run its days.</summary>
    public async Task PostAndWaitAsync(LachanApp app, int id)
    {
        await Expect(HttpStatusCode.NoContent, Hr.PostAsync($"/api/v1/support/lists/{id}/post", null));
        var week = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10);
        await app.WithDbAsync(db => db.Set<SupportList>().Where(l => l.Id == id).ExecuteUpdateAsync(s => s.SetProperty(l => l.PostedOn, week)));
    }

    /// <summary>Draft → approved by every desk in turn.</summary>
    public async Task<int> ApprovedListAsync(LachanApp app, string decisionNo = "123/QĐ-UBND")
    {
        var id = await BuildAsync();
        await PostAndWaitAsync(app, id);
        await Expect(HttpStatusCode.NoContent, Hr.PostAsync($"/api/v1/support/lists/{id}/submit", null));
        await Expect(HttpStatusCode.NoContent, Insurance.PostAsJsonAsync($"/api/v1/support/lists/{id}/insurance", new { rows = new[] { new { rowNo = 1, insured = true } } }));
        await Expect(HttpStatusCode.NoContent, District.PostAsync($"/api/v1/support/lists/{id}/appraise", null));
        await Expect(HttpStatusCode.NoContent, Province.PostAsJsonAsync($"/api/v1/support/lists/{id}/approve", new { decisionNo }));
        return id;
    }

    public static async Task<HttpResponseMessage> Expect(HttpStatusCode status, Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} instead of {(int)status}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }
}
