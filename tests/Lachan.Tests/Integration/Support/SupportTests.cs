using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Outbreak.Zones;
using Lachan.Features.Support.Eligibility;
using Lachan.Features.Support.Insurance;
using Lachan.Features.Support.Policies;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Calendar;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lachan.Tests.Integration.Support;

/// <summary>The support module through the real app on both databases: the policies API, a policy changed by a new
/// version on its page, the facts loader over the outbreak's orders and quarantines, the simulation API, and the
/// insurance-month import (all or nothing, row and column named).</summary>
public sealed class SupportTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    private static string Dmy(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    [Theory, BothProviders]
    public async Task The_policies_API_lists_every_code_with_its_current_values(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var user = await app.NewUserAsync("ldtbxh", Role.LabourDepartment, "24");
        var api = await app.ApiClientAsync(user.UserName!);
        var policies = await api.GetFromJsonAsync<JsonElement>("/api/v1/support/policies");
        var byCode = policies.EnumerateArray().ToDictionary(p => p.GetProperty("code").GetString()!);
        foreach (var code in new[] { "QD08-G1", "QD08-G2", "NQ68-SUSPEND", "NQ68-STOPPAGE", "NQ68-TERMINATED", "NQ68-MEALS", "NQ68-HOUSEHOLD", "BG-FREE-WORKERS" })
            Assert.True(byCode.ContainsKey(code), code);
        var g1 = byCode["QD08-G1"].GetProperty("current");
        Assert.Equal(500_000, g1.GetProperty("amount").GetInt64());
        Assert.Equal("2022-04-01", g1.GetProperty("contractBefore").GetString());
        Assert.Equal("Mẫu 02", byCode["QD08-G1"].GetProperty("employerForm").GetString());
        Assert.Equal(3_710_000, byCode["NQ68-SUSPEND"].GetProperty("current").GetProperty("upperTierAmount").GetInt64());

        // a volunteer has no business with support policies
        var volunteer = await app.NewUserAsync("tnv", Role.Volunteer, null);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync(volunteer.UserName!)).GetAsync("/api/v1/support/policies")).StatusCode);
    }

    [Theory, BothProviders]
    public async Task A_policy_change_is_a_new_version_that_ends_the_current_one_the_day_before(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var user = await app.NewUserAsync("ldtbxh", Role.LabourDepartment, "24");
        var client = await app.LoggedInClientAsync(user.UserName!);
        var id = await app.WithDbAsync(db => db.Set<SupportPolicy>().Where(p => p.Code == "NQ68-HOUSEHOLD").Select(p => p.Id).SingleAsync());
        var page = await client.GetPageAsync($"/Support/Policies/{id}");
        Assert.Contains("3.000.000", page);
        var token = Http.AntiforgeryToken(page);
        var from = app.Services.GetRequiredService<ProvinceCalendar>().Today.AddDays(30);

        FormUrlEncodedContent Form(string effectiveFrom, string amount) => new(new Dictionary<string, string>
        {
            ["Form.EffectiveFrom"] = effectiveFrom, ["Form.Source"] = "Nghị quyết sửa đổi (thử)", ["Form.PeriodFrom"] = "01/05/2021",
            ["Form.PeriodTo"] = "31/12/2021", ["Form.MinDays"] = "15", ["Form.Amount"] = amount, ["__RequestVerificationToken"] = token,
        });

        // bad input: each field named, nothing written
        var bad = await client.PostAsync($"/Support/Policies/{id}", Form("01/01/2020", "ba triệu"));
        var badPage = await bad.PageAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("data-testid=\"error-EffectiveFrom\"", badPage);
        Assert.Contains("data-testid=\"error-Amount\"", badPage);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<SupportPolicyVersion>().CountAsync(v => v.PolicyId == id)));

        var ok = await client.PostAsync($"/Support/Policies/{id}", Form(Dmy(from), "3.500.000"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var versions = await app.WithDbAsync(db => db.Set<SupportPolicyVersion>().Where(v => v.PolicyId == id).OrderBy(v => v.EffectiveFrom).ToListAsync());
        Assert.Equal(2, versions.Count);
        Assert.Equal(from.AddDays(-1), versions[0].EffectiveTo);
        Assert.Equal(3_000_000, versions[0].Amount);
        Assert.Equal((from, (DateOnly?)null, 3_500_000L), (versions[1].EffectiveFrom, versions[1].EffectiveTo, versions[1].Amount));
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEvent>().AnyAsync(e => e.EntityType == nameof(SupportPolicyVersion) && e.EntityId == versions[1].Id.ToString())));

        // a district reads the policy but may not change it
        var district = await app.NewUserAsync("huyen", Role.District, "D1");
        var districtClient = await app.LoggedInClientAsync(district.UserName!);
        var districtPage = await districtClient.GetPageAsync($"/Support/Policies/{id}");
        Assert.DoesNotContain("policy-version-form", districtPage);
    }

    /// <summary>tidy13 item 5: the API adds a policy's version through the page's own service: the province's role only,
    /// each bad field named in the caller's language (nothing written), the version in force ended the day before,
    /// audited as on the page.</summary>
    [Theory, BothProviders]
    public async Task A_policy_version_is_added_by_the_API_with_the_pages_rules_and_audit(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var user = await app.NewUserAsync("ldtbxh", Role.LabourDepartment, "24");
        var api = await app.ApiClientAsync(user.UserName!);
        const string url = "/api/v1/support/policies/QD08-G2/versions";
        var id = await app.WithDbAsync(db => db.Set<SupportPolicy>().Where(p => p.Code == "QD08-G2").Select(p => p.Id).SingleAsync());
        Task<List<SupportPolicyVersion>> VersionsAsync() =>
            app.WithDbAsync(db => db.Set<SupportPolicyVersion>().AsNoTracking().Where(v => v.PolicyId == id).OrderBy(v => v.EffectiveFrom).ToListAsync());
        var before = await VersionsAsync();
        var from = app.Services.GetRequiredService<ProvinceCalendar>().Today.AddDays(50);
        object Body(string effectiveFrom, string amount) => new
        {
            effectiveFrom, source = "Nghị quyết sửa đổi (API, thử)", periodFrom = "01/05/2021", periodTo = "31/12/2021", minDays = "15", amount,
            contractKinds = new[] { "Indefinite" },
        };

        var bad = await api.PostAsJsonAsync(url, Body("01/01/2020", "ba triệu"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Phiên bản mới không được áp dụng từ một ngày trước hôm nay.", problem.GetProperty("errors").GetProperty("effectiveFrom")[0].GetString());
        Assert.Equal("Support.NumberRange", problem.GetProperty("codes").GetProperty("amount").GetString());
        using (var english = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(Body("01/01/2020", "1000000")) })
        {
            english.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");
            var answer = await (await api.SendAsync(english)).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("A new version cannot take effect before today.", answer.GetProperty("errors").GetProperty("effectiveFrom")[0].GetString());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync("/api/v1/support/policies/NO-SUCH/versions", Body(Dmy(from), "1000000"))).StatusCode);
        var district = await app.NewUserAsync("huyen", Role.District, "D1");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync(district.UserName!)).PostAsJsonAsync(url, Body(Dmy(from), "1000000"))).StatusCode);
        Assert.Equal(before.Count, (await VersionsAsync()).Count);

        var created = await api.PostAsJsonAsync(url, Body(Dmy(from), "3.500.000"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var newId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var versions = await VersionsAsync();
        Assert.Equal(before.Count + 1, versions.Count);
        Assert.Equal((newId, from, 3_500_000L, (int?)15, "Indefinite"), (versions[^1].Id, versions[^1].EffectiveFrom, versions[^1].Amount, versions[^1].MinDays, versions[^1].ContractKinds));
        Assert.Equal(from.AddDays(-1), versions[^2].EffectiveTo);
        var e = await app.WithDbAsync(db => db.Set<AuditEvent>().SingleAsync(x => x.EntityType == nameof(SupportPolicyVersion) && x.EntityId == newId.ToString()));
        Assert.Equal(("create", user.UserName), (e.Action, e.UserName));
    }

    /// <summary>Issue 12 leftovers, item 4: Resolution 68's supplements (pregnancy, per child under six) are fields of the
    /// policy's version like the others: on the form filled with the current values, validated as whole đồng (the field
    /// named), a change a new version; the API gives them with the current values.</summary>
    [Theory, BothProviders]
    public async Task The_supplements_are_edited_as_a_new_version_and_shown_by_the_API(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var user = await app.NewUserAsync("ldtbxh", Role.LabourDepartment, "24");
        var client = await app.LoggedInClientAsync(user.UserName!);
        var id = await app.WithDbAsync(db => db.Set<SupportPolicy>().Where(p => p.Code == "NQ68-TERMINATED").Select(p => p.Id).SingleAsync());
        var page = await client.GetPageAsync($"/Support/Policies/{id}");
        Assert.Contains("name=\"Form.PregnancySupplement\" value=\"1000000\"", page);
        Assert.Contains("name=\"Form.ChildSupplement\" value=\"1000000\"", page);
        var token = Http.AntiforgeryToken(page);
        var from = app.Services.GetRequiredService<ProvinceCalendar>().Today.AddDays(40);
        FormUrlEncodedContent Form(string pregnant, string child) => new(new Dictionary<string, string>
        {
            ["Form.EffectiveFrom"] = Dmy(from), ["Form.Source"] = "Sửa mức hỗ trợ thêm (thử)", ["Form.PeriodFrom"] = "01/05/2021", ["Form.PeriodTo"] = "31/12/2021",
            ["Form.Amount"] = "3.710.000", ["Form.PregnancySupplement"] = pregnant, ["Form.ChildSupplement"] = child, ["__RequestVerificationToken"] = token,
        });

        var bad = await (await client.PostAsync($"/Support/Policies/{id}", Form("1.500.000", "một triệu"))).PageAsync();
        Assert.Contains("data-testid=\"error-ChildSupplement\"", bad);
        Assert.DoesNotContain("data-testid=\"error-PregnancySupplement\"", bad);
        var tooMuch = await (await client.PostAsync($"/Support/Policies/{id}", Form("2000000000", "800000"))).PageAsync();
        Assert.Contains("data-testid=\"error-PregnancySupplement\"", tooMuch);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<SupportPolicyVersion>().CountAsync(v => v.PolicyId == id)));

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/Support/Policies/{id}", Form("1.500.000", "800.000"))).StatusCode);
        var versions = await app.WithDbAsync(db => db.Set<SupportPolicyVersion>().Where(v => v.PolicyId == id).OrderBy(v => v.EffectiveFrom).ToListAsync());
        Assert.Equal([(1_000_000L, 1_000_000L), (1_500_000L, 800_000L)], versions.Select(v => (v.PregnancySupplement ?? 0, v.ChildSupplement ?? 0)));
        Assert.Equal(from.AddDays(-1), versions[0].EffectiveTo);

        var api = await app.ApiClientAsync(user.UserName!);
        var current = (await api.GetFromJsonAsync<JsonElement>("/api/v1/support/policies")).EnumerateArray().Single(p => p.GetProperty("code").GetString() == "NQ68-TERMINATED").GetProperty("current");
        Assert.Equal((1_000_000, 1_000_000), (current.GetProperty("pregnancySupplement").GetInt64(), current.GetProperty("childSupplement").GetInt64()));
    }

    [Theory, BothProviders]
    public async Task Facts_come_from_the_registry_insurance_and_the_outbreak_and_decide_the_suspension(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var r = await TestRegistry.AddAsync(app);
        var w = r.WorkerOwn;
        await app.WithDbAsync(async db =>
        {
            // the own IZ locked down 18/05/2021, lifted 02/06 (stopped 18/05–01/06); the worker quarantined 25/05, released 05/06
            db.Add(new ControlZone
            {
                Name = "KCN phong tỏa " + r.Tag, Kind = ControlZoneKind.IndustrialZone, IndustrialZoneId = r.ZoneOwn.Id, ProvinceCode = TestRegistry.OwnProvince,
                Orders = [new ZoneOrder { Level = ZoneLevel.Lockdown, DecisionNumber = "PT " + r.Tag, DecisionDate = new(2021, 5, 17), IssuedBy = "BCĐ", EffectiveFrom = new(2021, 5, 18), LiftedOn = new(2021, 6, 2) }],
            });
            db.Add(new QuarantineOrder { WorkerId = w.Id, QuarantineRuleId = 1, PlaceKind = QuarantinePlace.Facility, StartOn = new(2021, 5, 25), PlannedEndOn = new(2021, 6, 7), ReleasedOn = new(2021, 6, 5) });
            db.Add(new InsuredMonth { WorkerId = w.Id, Month = new(2021, 4, 1), EnterpriseId = r.EnterpriseOwn.Id });
            await db.SaveChangesAsync();
        });
        using var scope = app.Services.CreateScope();
        var facts = (await scope.ServiceProvider.GetRequiredService<SupportFacts>().ForWorkersAsync([w.Id, r.WorkerOther.Id, -5], new(2021, 5, 1), new(2021, 12, 31), CancellationToken.None))[w.Id];
        var job = Assert.Single(facts.Employments);
        Assert.True(job.AtIzEmployer);
        Assert.Equal([new Span(new(2021, 5, 18), new(2021, 6, 1))], job.Stopped);
        Assert.Equal([new Span(new(2021, 5, 25), new(2021, 6, 4))], facts.Quarantines);
        Assert.Single(facts.Lodging);
        Assert.Contains(new DateOnly(2021, 4, 1), facts.InsuredMonths);

        var policy = await app.WithDbAsync(db => db.Set<SupportPolicy>().Include(p => p.Versions).SingleAsync(p => p.Code == "NQ68-SUSPEND"));
        var v = policy.Versions.Single();
        v.Policy = policy;
        // stopped 18/05–01/06 and quarantined until 04/06: 18 days off, insured in April
        var verdict = SupportRules.Evaluate(v, facts, new(2021, 5, 1), new(2021, 12, 31), r.EnterpriseOwn.Id);
        Assert.True(verdict.Eligible, string.Join(", ", verdict.Reasons.Select(x => x.Code)));
        Assert.Equal((1_855_000L, v.Id), (verdict.Amount, verdict.PolicyVersionId));
    }

    [Theory, BothProviders]
    public async Task The_simulation_API_counts_the_eligible_workers_and_money_by_district(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var r = await TestRegistry.AddAsync(app);
        // only this registry's own worker is insured in March 2022 (so qualifies for April under QD08-G1)
        await app.WithDbAsync(async db =>
        {
            db.Add(new InsuredMonth { WorkerId = r.WorkerOwn.Id, Month = new(2022, 3, 1), EnterpriseId = r.EnterpriseOwn.Id });
            await db.SaveChangesAsync();
        });
        var user = await app.NewUserAsync("ldtbxh", Role.LabourDepartment, TestRegistry.OwnProvince);
        var api = await app.ApiClientAsync(user.UserName!);
        var result = await api.GetFromJsonAsync<JsonElement>("/api/v1/support/simulations?policy=QD08-G1&from=2022-04-01&to=2022-04-30");
        var district = result.GetProperty("byDistrict").EnumerateArray().Single(d => d.GetProperty("key").GetString() == "D1" + r.Tag);
        Assert.Equal((1, 500_000L), (district.GetProperty("workers").GetInt32(), district.GetProperty("amount").GetInt64()));
        Assert.True(result.GetProperty("workers").GetInt32() >= 1);
        Assert.Equal(result.GetProperty("workers").GetInt32() * 500_000L, result.GetProperty("amount").GetInt64());
        Assert.DoesNotContain(r.EnterpriseOther.Name, result.GetRawText());

        var bad = await api.GetAsync("/api/v1/support/simulations?policy=QD08-G1&from=2022-05-01&to=2022-04-30");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"to\"", (await bad.Content.ReadAsStringAsync()).ToLowerInvariant());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/support/simulations?policy=NOPE&from=2022-04-01&to=2022-04-30")).StatusCode);
        // a district appraises lists; the province-wide simulation is not its part
        var districtUser = await app.NewUserAsync("huyen", Role.District, "D1" + r.Tag);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync(districtUser.UserName!)).GetAsync("/api/v1/support/simulations?policy=QD08-G1&from=2022-04-01&to=2022-04-30")).StatusCode);
    }

    [Theory, BothProviders]
    public async Task An_insurance_file_is_recorded_whole_or_not_at_all_with_each_bad_row_named(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var r = await TestRegistry.AddAsync(app);
        var user = await app.NewUserAsync("bhxh", Role.SocialInsurance, TestRegistry.OwnProvince);
        var client = await app.LoggedInClientAsync(user.UserName!);
        var token = Http.AntiforgeryToken(await client.GetPageAsync("/Support/Insurance"));
        var (cccd, tax) = (r.WorkerOwn.Cccd, r.EnterpriseOwn.TaxCode);
        Task<int> MonthsAsync() => app.WithDbAsync(db => db.Set<InsuredMonth>().CountAsync(m => m.WorkerId == r.WorkerOwn.Id));

        async Task<string> UploadAsync(string csv)
        {
            var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
            var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv));
            file.Headers.ContentType = new("text/csv");
            var response = await client.PostAsync("/Support/Insurance", content.WithFile(file, "Upload", "bhxh.csv"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.PageAsync();
        }

        // a title line above the header, columns in another order
        var good = await UploadAsync($"DANH SÁCH THAM GIA BHXH\nMã số thuế,Tháng,Số CCCD\n{tax},05/2021,{cccd}\n{tax},6/2021,{cccd}\n");
        Assert.Contains("data-testid=\"import-done\"", good);
        Assert.Equal(2, await MonthsAsync());
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEvent>().AnyAsync(e => e.EntityType == nameof(InsuredMonth) && e.Action == "import")));

        // the same month again is not written twice
        await UploadAsync($"Số CCCD,Tháng,Mã số thuế\n{cccd},05/2021,{tax}\n");
        Assert.Equal(2, await MonthsAsync());

        // one good row and three bad ones: nothing is written, each problem names its row and column
        var bad = await UploadAsync($"Số CCCD,Tháng,Mã số thuế\n{cccd},07/2021,{tax}\n{cccd},13/2021,{tax}\n{cccd},08/2021,0000000000\n{r.WorkerOther.Cccd},08/2021,{tax}\n");
        Assert.Contains("data-testid=\"import-problems\"", bad);
        Assert.Contains("Tháng phải có dạng MM/yyyy", bad);
        Assert.Contains("Không có doanh nghiệp với mã số thuế này", bad);
        // the other province's worker is not found for this province's social insurance
        Assert.Contains("Không có người lao động này", bad);
        Assert.DoesNotContain(r.WorkerOther.Cccd, bad);
        foreach (var row in new[] { ">3<", ">4<", ">5<" }) Assert.Contains(row, bad);
        Assert.Equal(2, await MonthsAsync());

        var noHeader = await UploadAsync("a,b,c\n1,2,3\n");
        Assert.Contains("data-testid=\"import-refused\"", noHeader);
        // two month columns: which one is meant? refused, nothing written
        var twoMonths = await UploadAsync($"Số CCCD,Tháng,Mã số thuế,Tháng đóng\n{cccd},09/2021,{tax},10/2021\n");
        Assert.Contains("Hai cột của dòng tiêu đề là cùng một trường", twoMonths);
        Assert.Equal(2, await MonthsAsync());
    }
}
