using System.Net.Http.Json;
using System.Text.Json;
using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Outbreak.Zones;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lachan.Tests.Integration.Relief;

/// <summary>Each worker's reasons are read with the worker (one grouped list of the three reasons, perf13), in a
/// database of its own: the zones it locks and stops would add workers to <see cref="UnreachedTests"/>' exact lists.</summary>
public sealed class UnreachedReasonsTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    /// <summary>A worker with all three reasons is one row with every flag and the locked lodging; a worker whose only
    /// reason is the employer is flagged for that alone.</summary>
    [Theory, BothProviders]
    public async Task Each_worker_carries_every_reason_it_has_and_the_locked_lodging(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var all = await TestRegistry.AddAsync(app);
        var employer = await TestRegistry.AddAsync(app);
        var today = app.Services.GetRequiredService<TimeProvider>().ProvinceToday();
        await app.WithDbAsync(async db =>
        {
            ZoneOrder Order() => new() { Level = ZoneLevel.Lockdown, DecisionNumber = "92/QĐ-UBND", DecisionDate = today.AddDays(-2), IssuedBy = "UBND huyện", EffectiveFrom = today.AddDays(-2) };
            // the first registry's house is locked and both registries' enterprises are stopped
            db.Add(new ControlZone { Name = "Cụm " + all.Tag, Kind = ControlZoneKind.LodgingCluster, ProvinceCode = TestRegistry.OwnProvince,
                LodgingHouses = [new ControlZoneLodging { LodgingHouseId = all.LodgingOwn.Id }], Orders = [Order()] });
            foreach (var r in new[] { all, employer })
                db.Add(new ControlZone { Name = "DN " + r.Tag, Kind = ControlZoneKind.EnterpriseSite, EnterpriseId = r.EnterpriseOwn.Id, ProvinceCode = TestRegistry.OwnProvince, Orders = [Order()] });
            // a second, unlocked lodging from yesterday: the worker is listed under the locked one
            var second = new LodgingHouse
            {
                Name = "Nhà trọ Mới " + all.Tag, NameSearch = "nha tro moi " + all.Tag.ToLowerInvariant(), Address = "Thôn Mới", CommuneCode = all.LodgingOwn.CommuneCode,
                DistrictCode = all.LodgingOwn.DistrictCode, ProvinceCode = all.LodgingOwn.ProvinceCode, LandlordId = all.LodgingOwn.LandlordId, Rooms = 4, Capacity = 8,
            };
            db.Add(second);
            await db.SaveChangesAsync();
            db.Add(new Residence { WorkerId = all.WorkerOwn.Id, LodgingHouseId = second.Id, From = today.AddDays(-1) });
            db.Add(new QuarantineOrder { WorkerId = all.WorkerOwn.Id, QuarantineRuleId = 1, PlaceKind = QuarantinePlace.Home, StartOn = today.AddDays(-2), PlannedEndOn = today.AddDays(12) });
            await db.SaveChangesAsync();
        });
        var desk = await app.EnsureUserAsync("lf-w-" + all.Tag, Role.LabourFederation, TestRegistry.OwnProvince);
        var api = await app.ApiClientAsync(desk.UserName!);

        var json = await api.GetFromJsonAsync<JsonElement>($"/api/v1/relief/unreached?date={today:yyyy-MM-dd}&days=7&pageSize=200");
        var items = json.GetProperty("workers").GetProperty("items").EnumerateArray().ToList();
        var both = Assert.Single(items, w => w.GetProperty("id").GetInt32() == all.WorkerOwn.Id);
        Assert.Equal(all.LodgingOwn.Id, both.GetProperty("lodgingHouseId").GetInt32());
        Assert.True(both.GetProperty("lodgingLocked").GetBoolean());
        Assert.True(both.GetProperty("quarantine").GetBoolean());
        Assert.True(both.GetProperty("employerSuspended").GetBoolean());
        var one = Assert.Single(items, w => w.GetProperty("id").GetInt32() == employer.WorkerOwn.Id);
        Assert.Equal(employer.LodgingOwn.Id, one.GetProperty("lodgingHouseId").GetInt32());
        Assert.False(one.GetProperty("lodgingLocked").GetBoolean());
        Assert.False(one.GetProperty("quarantine").GetBoolean());
        Assert.True(one.GetProperty("employerSuspended").GetBoolean());
        // the locked house's group counts the worker once
        var group = Assert.Single(json.GetProperty("groups").EnumerateArray(), g => g.GetProperty("lodgingHouseId").ValueKind == JsonValueKind.Number
            && g.GetProperty("lodgingHouseId").GetInt32() == all.LodgingOwn.Id);
        Assert.Equal(1, group.GetProperty("workers").GetInt32());
    }
}
