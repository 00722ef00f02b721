using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lachan.Features.Relief.Requests;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration.Home;

/// <summary>The relief desks and the volunteer find their help requests on the home page: open, overdue, delivered on the
/// province's day, each equal to the queue it links to (the queue's own filters) and to the records.</summary>
public sealed partial class ReliefHomeTests(DemoApps apps) : IClassFixture<DemoApps>
{
    private static readonly DateOnly Day = new(2021, 5, 25);   // the demo day

    [Theory, BothProviders]
    public async Task The_union_desk_sees_open_overdue_and_delivered_requests_each_equal_to_its_list(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        await DeliverOneTodayAsync(app);
        var home = await (await app.ApiClientAsync("congdoan")).GetFromJsonAsync<JsonElement>("/api/v1/home");
        var pages = await app.LoggedInClientAsync("congdoan");
        var (open, delivered) = await app.WithDbAsync(async db => (
            await db.Set<HelpRequest>().CountAsync(r => r.Status == RequestStatus.New || r.Status == RequestStatus.Assigned),
            await db.Set<HelpRequest>().CountAsync(r => db.Set<Delivery>().Any(d => d.HelpRequestId == r.Id && d.DeliveredOn == Day))));
        Assert.True(open > 0 && delivered > 0, "the demo has open requests and deliveries on its day");
        Assert.Equal(open, Value(home, "relief.open"));   // the union desk sees the whole province
        Assert.Equal(delivered, Value(home, "relief.deliveredToday"));
        Assert.Equal("/Relief/Requests?DeliveredOn=25/05/2021", home.GetProperty("figures").GetProperty("relief.deliveredToday").GetProperty("page").GetString());
        foreach (var key in new[] { "relief.open", "relief.overdue", "relief.deliveredToday" })
        {
            var page = await pages.GetPageAsync(home.GetProperty("figures").GetProperty(key).GetProperty("page").GetString()!);
            Assert.True(Value(home, key) == PageCount(page), $"{key}: home {Value(home, key)}, list {PageCount(page)}");
        }
    }

    [Theory, BothProviders]
    public async Task The_volunteer_sees_their_own_deliveries_of_the_day_not_an_empty_home(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        await DeliverOneTodayAsync(app);
        var home = await (await app.ApiClientAsync("tinhnguyen")).GetFromJsonAsync<JsonElement>("/api/v1/home");
        var (mine, assigned) = await app.WithDbAsync(async db => (
            await db.Set<HelpRequest>().CountAsync(r => db.Set<Delivery>().Any(d => d.HelpRequestId == r.Id && d.DeliveredOn == Day && d.VolunteerUserName == "tinhnguyen")
                && r.VolunteerUserName == "tinhnguyen"),
            await db.Set<HelpRequest>().CountAsync(r => r.VolunteerUserName == "tinhnguyen" && (r.Status == RequestStatus.New || r.Status == RequestStatus.Assigned))));
        Assert.True(mine > 0);
        Assert.Equal(mine, Value(home, "relief.deliveredToday"));
        Assert.Equal(assigned, Value(home, "relief.open"));
        var page = await (await app.LoggedInClientAsync("tinhnguyen")).GetPageAsync("/");
        Assert.Contains("data-testid=\"value-relief.open\"", page);
        Assert.DoesNotContain("Tài khoản của bạn không có hồ sơ nào", page);
    }

    [Theory, BothProviders]
    public async Task A_delivery_day_that_is_not_a_date_is_named_on_the_queue(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var page = await (await app.LoggedInClientAsync("congdoan")).GetPageAsync("/Relief/Requests?DeliveredOn=31/02/2021");
        Assert.Contains("data-testid=\"error-DeliveredOn\"", page);
    }

    /// <summary>The demo's deliveries all fall before its day: one of the volunteer's open requests is delivered on it
    /// (as Deliveries.RecordAsync records it, without the stock draw), once per app.</summary>
    private static Task DeliverOneTodayAsync(LachanApp app) => app.WithDbAsync(async db =>
    {
        if (await db.Set<Delivery>().AnyAsync(d => d.DeliveredOn == Day)) return;
        var request = await db.Set<HelpRequest>().Where(r => r.VolunteerUserName == "tinhnguyen" && r.Status == RequestStatus.Assigned).OrderBy(r => r.Id).FirstAsync();
        var at = Day.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc);
        request.Delivered(at);
        db.Add(new Delivery
        {
            HelpRequestId = request.Id, WorkerId = request.WorkerId, IdempotencyKey = $"test-relief-home-{request.Id}", DeliveredOn = Day, RecordedAt = at,
            VolunteerUserName = "tinhnguyen", Items = "Gạo 10 kg × 1", ConfirmedBy = "ticket",
        });
        await db.SaveChangesAsync();
    });

    private static long Value(JsonElement home, string key) => home.GetProperty("figures").GetProperty(key).GetProperty("value").GetInt64();

    [GeneratedRegex("data-testid=\"result-count\">[^0-9<]*([0-9][0-9.,]*)")]
    private static partial Regex ResultCount();

    private static long PageCount(string html) =>
        long.Parse(ResultCount().Match(html) is { Success: true } m ? m.Groups[1].Value.Replace(".", "").Replace(",", "") : "-1", System.Globalization.CultureInfo.InvariantCulture);
}
