using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lachan.Features.Registry.Demo;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration;

/// <summary>The app as a newcomer starts it: demo mode on an empty database loads the invented province and
/// creates one account per role (here with a small Demo:Workers).</summary>
public sealed class DemoProvinceTests(DemoApps apps) : IClassFixture<DemoApps>
{
    public static TheoryData<DatabaseProvider, string> Accounts()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var p in Enum.GetValues<DatabaseProvider>())
            foreach (var a in DemoAccounts.All)
                data.Add(p, a.UserName);
        return data;
    }

    [Theory, MemberData(nameof(Accounts))]
    public async Task Every_demo_account_logs_in_with_the_published_password(DatabaseProvider provider, string userName)
    {
        var app = await apps.For(provider);
        var client = await app.LoggedInClientAsync(userName, DemoAccounts.Password);
        var home = await client.GetPageAsync("/");
        var account = DemoAccounts.All.Single(a => a.UserName == userName);
        // the header names the person, not the login
        Assert.Contains($"data-testid=\"user-name\">{account.Person}</span>", System.Net.WebUtility.HtmlDecode(home));
        var role = account.Role;
        if (Jurisdiction.For(role, RegistryAreas.Workers) == Access.None)
            Assert.DoesNotContain("href=\"/Registry/Workers\"", home);
        else
            Assert.Contains("href=\"/Registry/Workers\"", home);
    }

    [Theory, BothProviders]
    public async Task Demo_accounts_have_the_jurisdictions_the_issue_names(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var users = await app.WithDbAsync(db => db.Users.ToDictionaryAsync(u => u.UserName!));
        Assert.All(DemoAccounts.All, a => Assert.Equal(a.Role, users[a.UserName].Role));
        Assert.Equal(DemoProvince.ProvinceCode, users["admin"].ScopeCode);
        Assert.Equal("*", users["kcn"].ScopeCode);
        var commune = await app.WithDbAsync(db => db.Set<AdminUnit>().SingleAsync(u => u.Code == users["xa"].ScopeCode));
        Assert.Equal((DemoProvince.DemoCommuneName, AdminLevel.Commune), (commune.Name, commune.Level));
        var enterprise = await app.WithDbAsync(db => db.Set<Enterprise>().Include(e => e.IndustrialZone).SingleAsync(e => e.TaxCode == users["doanhnghiep"].ScopeCode));
        Assert.Equal(DemoProvince.DemoEnterpriseZoneCode, enterprise.IndustrialZone?.Code);
        Assert.Null(users["tinhnguyen"].ScopeCode);
    }

    [Theory, BothProviders]
    public async Task Demo_workers_are_valid_records(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var workers = await app.WithDbAsync(db => db.Set<Worker>().AsNoTracking().ToListAsync());
        Assert.Equal(LachanApp.DemoWorkers, workers.Count);
        Assert.All(workers, w =>
        {
            Assert.True(Cccd.Validate(w.Cccd, w.Sex, w.DateOfBirth).IsValid, $"{w.Cccd} {w.Sex} {w.DateOfBirth}");
            Assert.Equal(w.Cccd[..3], w.HomeProvinceCode);
            Assert.Equal(VietnameseText.NormalizeName(w.FullName), w.FullName);
            Assert.Equal(VietnameseText.SearchKey(w.FullName), w.NameSearch);
            Assert.True(w.Phone is null || OtherIds.NormalizePhone(w.Phone) == w.Phone, w.Phone);
            Assert.True(w.Cmnd is null || OtherIds.Cmnd(w.Cmnd).IsValid, w.Cmnd);
            Assert.True(w.BhxhNumber is null || OtherIds.Bhxh(w.BhxhNumber).IsValid, w.BhxhNumber);
            Assert.Equal(DemoProvince.ProvinceCode, w.ProvinceCode);
        });
        Assert.Equal(workers.Count, workers.Select(w => w.Cccd).Distinct().Count());
        Assert.True(workers.Count(w => w.HomeProvinceCode != "024") > workers.Count / 2, "most workers were born in other provinces");
        Assert.Contains(workers, w => w.Sex == Sex.Female);
        Assert.Contains(workers, w => w.Sex == Sex.Male);

        // every current employer and lodging agrees with the open history rows
        var open = await app.WithDbAsync(async db => (
            Jobs: await db.Set<Employment>().Where(e => e.To == null).Select(e => new { e.WorkerId, e.EnterpriseId }).ToListAsync(),
            Homes: await db.Set<Residence>().Where(r => r.To == null).Select(r => new { r.WorkerId, r.LodgingHouseId }).ToListAsync()));
        Assert.All(workers, w =>
        {
            Assert.Equal(w.CurrentEnterpriseId, open.Jobs.SingleOrDefault(j => j.WorkerId == w.Id)?.EnterpriseId);
            Assert.Equal(w.CurrentLodgingHouseId, open.Homes.SingleOrDefault(h => h.WorkerId == w.Id)?.LodgingHouseId);
        });
        Assert.True(workers.Count(w => w.CurrentEnterpriseId is not null) > workers.Count * 9 / 10, "each worker has an employment");
    }

    [Theory, BothProviders]
    public async Task Demo_places_and_enterprises_are_valid(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var zones = await app.WithDbAsync(db => db.Set<IndustrialZone>().AsNoTracking().ToListAsync());
        Assert.Equal(6, zones.Count);
        Assert.Contains(zones, z => z.Code == DemoProvince.DemoEnterpriseZoneCode && z.Name.Contains("Đình Trám"));
        var enterprises = await app.WithDbAsync(db => db.Set<Enterprise>().AsNoTracking().ToListAsync());
        Assert.InRange(enterprises.Count, 300, 450);
        Assert.All(enterprises, e => Assert.True(OtherIds.TaxCode(e.TaxCode).IsValid, e.TaxCode));
        Assert.All(enterprises, e => Assert.Equal(VietnameseText.SearchKey(e.Name), e.NameSearch));
        var units = await app.WithDbAsync(db => db.Set<AdminUnit>().AsNoTracking().ToListAsync());
        Assert.Equal(10, units.Count(u => u.Level == AdminLevel.District));
        Assert.All(units.Where(u => u.Level != AdminLevel.Province), u => Assert.Contains(units, p => p.Code == u.ParentCode));
        Assert.InRange(await app.WithDbAsync(db => db.Set<LodgingHouse>().CountAsync()), 2000, 4000);
    }

    [Fact]
    public async Task The_demo_province_is_the_same_on_both_providers()
    {
        var sqlite = await apps.For(DatabaseProvider.Sqlite);
        var postgres = await apps.For(DatabaseProvider.Postgres);
        static Task<string> Fingerprint(LachanApp app) => app.WithDbAsync(async db =>
        {
            var sb = new StringBuilder();
            foreach (var w in await db.Set<Worker>().AsNoTracking().OrderBy(w => w.Cccd).Select(w => new { w.Cccd, w.FullName, w.DateOfBirth, w.Phone }).ToListAsync())
                sb.Append(w.Cccd).Append(w.FullName).Append(w.DateOfBirth).Append(w.Phone).Append('\n');
            foreach (var e in await db.Set<Enterprise>().AsNoTracking().OrderBy(e => e.TaxCode).Select(e => new { e.TaxCode, e.Name }).ToListAsync())
                sb.Append(e.TaxCode).Append(e.Name).Append('\n');
            return sb.ToString();
        });
        Assert.Equal(await Fingerprint(sqlite), await Fingerprint(postgres));
    }

    [Theory, BothProviders]
    public async Task The_demo_story_locks_four_zones_on_18_May_2021_and_reopens_them_in_stages(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var api = await app.ApiClientAsync("admin");
        async Task<JsonElement> On(string day) => JsonDocument.Parse(await api.GetStringAsync($"/api/v1/control-zones?date={day}")).RootElement;
        static List<string> Locked(JsonElement zones) => zones.EnumerateArray().Where(z => z.GetProperty("level").GetString() == "Lockdown")
            .Select(z => z.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToList();

        Assert.Empty(Locked(await On("2021-05-17")));
        Assert.Equal(["KCN Quang Châu", "KCN Song Khê – Nội Hoàng", "KCN Vân Trung", "KCN Đình Trám"], Locked(await On("2021-05-18")));
        Assert.Equal(3, Locked(await On("2021-05-28")).Count);   // Quang Châu reopens first
        Assert.Empty(Locked(await On("2021-06-08")));
        Assert.All((await On("2021-07-01")).EnumerateArray(), z => Assert.Equal("Normal", z.GetProperty("level").GetString()));

        async Task<JsonElement> Affected(string day) => JsonDocument.Parse(await api.GetStringAsync($"/api/v1/affected?date={day}")).RootElement.GetProperty("counts");
        var locked = await Affected("2021-05-20");
        var exempted = await Affected("2021-05-24");
        Assert.True(locked.GetProperty("workers").GetInt32() > 0);
        Assert.True(locked.GetProperty("lodgingLocked").GetInt32() > 0);   // Nếnh town under medical isolation
        // 35 enterprises assessed safe resume on 24/05 (those of the zones' enterprises that exist in a small demo)
        Assert.InRange(locked.GetProperty("enterprisesStopped").GetInt32() - exempted.GetProperty("enterprisesStopped").GetInt32(), 1, 35);
        Assert.Equal(0, (await Affected("2021-07-01")).GetProperty("workers").GetInt32());
    }

    [Theory, BothProviders]
    public async Task Seeding_is_audited_and_the_chain_verifies(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var seed = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == "seed"));
        Assert.Equal(("system", "DemoProvince"), (seed.UserName, seed.EntityType));
        using var counts = JsonDocument.Parse(seed.After!);
        Assert.Equal(LachanApp.DemoWorkers, counts.RootElement.GetProperty("workers").GetInt64());
        Assert.Null(await app.WithDbAsync(db => AuditChain.VerifyAsync(AuditChain.InChainOrder(db.AuditEvents).AsAsyncEnumerable())));
    }

    [Theory, BothProviders]
    public async Task Each_demo_account_sees_only_its_jurisdiction_through_the_API(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var facts = await app.WithDbAsync(async db => (
            Workers: await db.Set<Worker>().AsNoTracking().Select(w => new
            {
                w.Id, w.ProvinceCode, TaxCode = w.CurrentEnterprise!.TaxCode, ZoneId = w.CurrentEnterprise.IndustrialZoneId,
                Commune = w.CurrentLodgingHouse!.CommuneCode,
            }).ToListAsync(),
            Users: await db.Users.AsNoTracking().ToDictionaryAsync(u => u.UserName!, u => u.ScopeCode)));

        async Task<HashSet<int>> SeenBy(string user)
        {
            var client = await app.ApiClientAsync(user);
            var seen = new HashSet<int>();
            for (var page = 1; ; page++)
            {
                var response = await client.GetAsync($"/api/v1/workers?page={page}&pageSize=100");
                if (response.StatusCode == HttpStatusCode.Forbidden) return [];
                response.EnsureSuccessStatusCode();
                using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                var items = doc.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
                seen.UnionWith(items);
                if (items.Count == 0 || seen.Count >= doc.RootElement.GetProperty("total").GetInt32()) return seen;
            }
        }

        Assert.Equal(facts.Workers.Select(w => w.Id).ToHashSet(), await SeenBy("admin"));
        Assert.Equal(facts.Workers.Where(w => w.ZoneId != null).Select(w => w.Id).ToHashSet(), await SeenBy("kcn"));
        Assert.Equal(facts.Workers.Where(w => w.TaxCode == facts.Users["doanhnghiep"]).Select(w => w.Id).ToHashSet(), await SeenBy("doanhnghiep"));
        Assert.Equal(facts.Workers.Where(w => w.Commune == facts.Users["xa"]).Select(w => w.Id).ToHashSet(), await SeenBy("xa"));
        Assert.Empty(await SeenBy("tinhnguyen"));
        Assert.Empty(await SeenBy("chotkiem"));
        Assert.NotEmpty(await SeenBy("doanhnghiep"));
        Assert.NotEmpty(await SeenBy("xa"));
    }
}
