using System.Net.Http.Json;
using System.Text.Json;
using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lachan.Tests.Integration.Relief;

/// <summary>"No one left hungry" counts workers, not their lodgings: the set-based query joins each affected worker to
/// the lodgings they hold on the day, and a worker who holds two (moving in before the old lease ends) is one row, one
/// worker in the total, the groups and the page — on both databases.</summary>
public sealed class UnreachedTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    [Theory, BothProviders]
    public async Task A_worker_with_two_lodgings_on_the_day_is_counted_and_listed_once(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var r = await TestRegistry.AddAsync(app);
        var today = app.Services.GetRequiredService<TimeProvider>().ProvinceToday();
        await app.WithDbAsync(async db =>
        {
            var second = new LodgingHouse
            {
                Name = "Nhà trọ Thứ Hai " + r.Tag, NameSearch = "nha tro thu hai " + r.Tag.ToLowerInvariant(), Address = "Thôn Hai", CommuneCode = r.LodgingOwn.CommuneCode,
                DistrictCode = r.LodgingOwn.DistrictCode, ProvinceCode = r.LodgingOwn.ProvinceCode, LandlordId = r.LodgingOwn.LandlordId, Rooms = 4, Capacity = 8,
            };
            db.Add(second);
            await db.SaveChangesAsync();
            db.Add(new Residence { WorkerId = r.WorkerOwn.Id, LodgingHouseId = second.Id, From = today.AddDays(-1) });
            db.Add(new QuarantineOrder { WorkerId = r.WorkerOwn.Id, QuarantineRuleId = 1, PlaceKind = QuarantinePlace.Home, StartOn = today.AddDays(-2), PlannedEndOn = today.AddDays(12) });
            await db.SaveChangesAsync();
        });
        var desk = await app.EnsureUserAsync("lf-u-" + r.Tag, Role.LabourFederation, TestRegistry.OwnProvince);
        var api = await app.ApiClientAsync(desk.UserName!);

        var json = await api.GetFromJsonAsync<JsonElement>($"/api/v1/relief/unreached?date={today:yyyy-MM-dd}&days=7&pageSize=200");
        var ids = json.GetProperty("workers").GetProperty("items").EnumerateArray().Select(w => w.GetProperty("id").GetInt32()).ToList();
        Assert.Equal([r.WorkerOwn.Id], ids);
        Assert.Equal(1, json.GetProperty("total").GetInt32());
        Assert.Equal(1, json.GetProperty("affected").GetInt32());
        Assert.Equal(1, json.GetProperty("workers").GetProperty("total").GetInt32());
        Assert.Equal(1, json.GetProperty("groups").EnumerateArray().Sum(g => g.GetProperty("workers").GetInt32()));
        Assert.True(json.GetProperty("workers").GetProperty("items")[0].GetProperty("quarantine").GetBoolean());
    }
}
