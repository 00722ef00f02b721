using System.Collections.Concurrent;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Lachan.Tests.Unit;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration;

/// <summary>A small registry on each provider, for the jurisdiction query filters (they run as SQL there).</summary>
public sealed class SmallWorld : IAsyncLifetime
{
    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<TestDatabase>>> _dbs = new();

    public Task<TestDatabase> For(DatabaseProvider provider) =>
        _dbs.GetOrAdd(provider, p => new Lazy<Task<TestDatabase>>(() => BuildAsync(p))).Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var lazy in _dbs.Values)
            try { await (await lazy.Value).DisposeAsync(); } catch (InvalidOperationException) { }
    }

    // Two zones, three enterprises (one outside the zones), two lodging houses in two communes of two districts;
    // worker 4 has no employer, worker 5 no lodging, worker 6 is on another province's registry.
    private static async Task<TestDatabase> BuildAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = Contexts.Open(database);
        await DataModule.MigrateAsync(db);
        var dt = new IndustrialZone { Code = "DT", Name = "Đình Trám", DistrictCode = "222", ProvinceCode = "24" };
        var qc = new IndustrialZone { Code = "QC", Name = "Quang Châu", DistrictCode = "222", ProvinceCode = "24" };
        var e1 = Ent("2400000001", dt, "07700", "222");
        var e2 = Ent("2400000002", qc, "07700", "222");
        var e3 = Ent("2400000003", null, "07300", "219");
        var landlord = new Landlord { FullName = "Lê Văn Chủ", NameSearch = "le van chu" };
        var l1 = Lodge("Nhà trọ Nếnh", "07700", "222", landlord);
        var l2 = Lodge("Nhà trọ Hiệp Hòa", "07300", "219", landlord);
        db.AddRange(dt, qc, e1, e2, e3, landlord, l1, l2);
        await db.SaveChangesAsync();
        db.Set<Worker>().AddRange(W(1, e1, l1), W(2, e2, l1), W(3, e3, l2), W(4, null, l2), W(5, e1, null), W(6, e1, l1, province: "27"));
        await db.SaveChangesAsync();
        return database;
    }

    private static Enterprise Ent(string tax, IndustrialZone? zone, string commune, string district) => new()
    {
        TaxCode = tax, Name = "Công ty " + tax, NameSearch = "cong ty " + tax, IndustrialZone = zone,
        CommuneCode = commune, DistrictCode = district, ProvinceCode = "24",
    };

    private static LodgingHouse Lodge(string name, string commune, string district, Landlord landlord) => new()
    {
        Name = name, NameSearch = name, Address = "-", CommuneCode = commune, DistrictCode = district, ProvinceCode = "24", Landlord = landlord,
    };

    private static Worker W(int n, Enterprise? e, LodgingHouse? l, string province = "24") => new()
    {
        Cccd = $"0241900{n:00000}", FullName = "Người " + n, NameSearch = "w" + n, HomeProvinceCode = "024", ProvinceCode = province,
        CurrentEnterprise = e, CurrentLodgingHouse = l,
    };
}

public sealed class JurisdictionFilterTests(SmallWorld world) : IClassFixture<SmallWorld>
{
    private static TheoryData<DatabaseProvider, Role?, string?, string> Cross(params (Role?, string?, string)[] rows)
    {
        var data = new TheoryData<DatabaseProvider, Role?, string?, string>();
        foreach (var p in Enum.GetValues<DatabaseProvider>())
            foreach (var (role, scope, expected) in rows)
                data.Add(p, role, scope, expected);
        return data;
    }

    private static async Task<string> Ids<T>(SmallWorld world, DatabaseProvider provider, Func<LachanDb, IQueryable<T>> query, Func<T, string> key)
    {
        var database = await world.For(provider);
        await using var db = Contexts.Open(database);
        return string.Join(",", (await query(db).ToListAsync()).Select(key).Order());
    }

    public static TheoryData<DatabaseProvider, Role?, string?, string> WorkerRows() => Cross(
        (Role.Steering, "24", "w1,w2,w3,w4,w5"),
        (Role.Health, "24", "w1,w2,w3,w4,w5"),
        (Role.SocialInsurance, "24", "w1,w2,w3,w4,w5"),
        (Role.IzBoard, "*", "w1,w2,w5,w6"),
        (Role.IzBoard, null, "w1,w2,w5,w6"),
        (Role.IzBoard, "DT", "w1,w5,w6"),
        (Role.EnterpriseHr, "2400000001", "w1,w5,w6"),
        (Role.EnterpriseHr, "2400000003", "w3"),
        (Role.Commune, "07700", "w1,w2,w6"),
        (Role.District, "219", "w3,w4"),
        (Role.Volunteer, null, ""),
        (Role.Checkpoint, null, ""),
        (null, null, ""));

    [Theory, MemberData(nameof(WorkerRows))]
    public async Task Workers_are_filtered_to_the_jurisdiction(DatabaseProvider provider, Role? role, string? scope, string expected) =>
        Assert.Equal(expected, await Ids(world, provider, db => JurisdictionTests.For(role, scope).Workers(db.Set<Worker>()), w => w.NameSearch));

    public static TheoryData<DatabaseProvider, Role?, string?, string> EnterpriseRows() => Cross(
        (Role.Steering, "24", "2400000001,2400000002,2400000003"),
        (Role.IzBoard, "*", "2400000001,2400000002"),
        (Role.IzBoard, "QC", "2400000002"),
        (Role.EnterpriseHr, "2400000002", "2400000002"),
        (Role.Commune, "07300", "2400000003"),
        (Role.District, "222", "2400000001,2400000002"),
        (Role.Volunteer, null, ""),
        (null, null, ""));

    [Theory, MemberData(nameof(EnterpriseRows))]
    public async Task Enterprises_are_filtered_to_the_jurisdiction(DatabaseProvider provider, Role? role, string? scope, string expected) =>
        Assert.Equal(expected, await Ids(world, provider, db => JurisdictionTests.For(role, scope).Enterprises(db.Set<Enterprise>()), e => e.TaxCode));

    public static TheoryData<DatabaseProvider, Role?, string?, string> LodgingRows() => Cross(
        (Role.Steering, "24", "Nhà trọ Hiệp Hòa,Nhà trọ Nếnh"),
        (Role.IzBoard, "DT", "Nhà trọ Hiệp Hòa,Nhà trọ Nếnh"),
        (Role.Commune, "07700", "Nhà trọ Nếnh"),
        (Role.District, "219", "Nhà trọ Hiệp Hòa"),
        (Role.EnterpriseHr, "2400000001", ""),
        (Role.Checkpoint, null, ""),
        (null, null, ""));

    [Theory, MemberData(nameof(LodgingRows))]
    public async Task Lodging_houses_are_filtered_to_the_jurisdiction(DatabaseProvider provider, Role? role, string? scope, string expected) =>
        Assert.Equal(expected, await Ids(world, provider, db => JurisdictionTests.For(role, scope).LodgingHouses(db.Set<LodgingHouse>()), l => l.Name));

    public static TheoryData<DatabaseProvider, Role?, string?, string> ZoneRows() => Cross(
        (Role.IzBoard, "DT", "DT"),
        (Role.IzBoard, "*", "DT,QC"),
        (Role.Commune, "07700", "DT,QC"),
        (Role.Volunteer, null, ""));

    [Theory, MemberData(nameof(ZoneRows))]
    public async Task Zones_are_filtered_to_the_jurisdiction(DatabaseProvider provider, Role? role, string? scope, string expected) =>
        Assert.Equal(expected, await Ids(world, provider, db => JurisdictionTests.For(role, scope).Zones(db.Set<IndustrialZone>()), z => z.Code));
}
