using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Relief.Requests;
using Lachan.Infrastructure;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lachan.Tests.Integration.Relief;

/// <summary>The create path read with fewer round trips (issue 11's form rate) still reads what it read: a worker's facts
/// in one read, the rules kept until forgotten, a ticket already taken drawn again — on both databases. Its own apps,
/// as it adds rule versions the other tests would meet.</summary>
public sealed class HelpFormTests(ReliefApps apps) : IClassFixture<ReliefApps>
{
    private static int _ip = 10;

    private static async Task<string> SendAsync(LachanApp app, object form)
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.18.0.{Interlocked.Increment(ref _ip) % 250}");
        var sent = await client.PostAsJsonAsync("/api/v1/public/help-requests", form);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        return (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticket").GetString()!;
    }

    private static string NewPhone() => "09" + Random.Shared.Next(10_000_000, 99_999_999);

    private static Task<HelpRequest> RequestAsync(LachanApp app, string ticket) =>
        app.WithDbAsync(db => db.Set<HelpRequest>().AsNoTracking().SingleAsync(x => x.Ticket == ticket));

    [Theory, BothProviders]
    public async Task A_workers_quarantine_case_in_the_lodging_and_earlier_delivery_come_from_one_read(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var r = await TestRegistry.AddAsync(app);
        var today = app.Services.GetRequiredService<TimeProvider>().ProvinceToday();
        await app.WithDbAsync(async db =>
        {
            // the own worker: a case since yesterday (so a case in their lodging), in quarantine, and reached once before
            db.Add(new Case { WorkerId = r.WorkerOwn.Id, Code = "BN-F" + r.Tag, ConfirmedOn = today.AddDays(-1), TestKind = "RT-PCR", TestDate = today.AddDays(-2) });
            db.Add(new QuarantineOrder { WorkerId = r.WorkerOwn.Id, QuarantineRuleId = 1, PlaceKind = QuarantinePlace.LodgingHouse, StartOn = today.AddDays(-1), PlannedEndOn = today.AddDays(13) });
            var earlier = new HelpRequest
            {
                Ticket = RequestRules.NewTicket(), Name = "x", CommuneCode = r.LodgingOwn.CommuneCode, DistrictCode = r.LodgingOwn.DistrictCode, ProvinceCode = TestRegistry.OwnProvince,
                WorkerId = r.WorkerOwn.Id, CreatedAt = today.AddDays(-30).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            };
            db.Add(earlier);
            await db.SaveChangesAsync();
            db.Add(new Delivery { HelpRequestId = earlier.Id, WorkerId = r.WorkerOwn.Id, IdempotencyKey = Guid.NewGuid().ToString(), DeliveredOn = today.AddDays(-30), VolunteerUserName = "tnv", Items = "Gạo 10 kg × 1", ConfirmedBy = "cccd" });
            await db.SaveChangesAsync();
        });

        var own = await RequestAsync(app, await SendAsync(app, new { name = "Người lao động", phone = NewPhone(), cccd = r.WorkerOwn.Cccd, communeCode = r.LodgingOwn.CommuneCode, needs = new[] { "rent" } }));
        Assert.Equal(r.WorkerOwn.Id, own.WorkerId);
        Assert.Equal(new[] { "CaseInLodging", "Quarantine" }, own.Reasons.Split(',').Order().ToArray());
        var other = await RequestAsync(app, await SendAsync(app, new { name = "Người lao động", phone = NewPhone(), cccd = r.WorkerOther.Cccd, communeCode = r.LodgingOther.CommuneCode, needs = new[] { "rent" } }));
        Assert.Equal(r.WorkerOther.Id, other.WorkerId);
        Assert.Equal("NoDeliveryYet", other.Reasons);
    }

    [Theory, BothProviders]
    public async Task The_rule_in_force_is_kept_until_forgotten_and_a_new_version_then_sets_the_due_time(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var r = await TestRegistry.AddAsync(app);
        var today = app.Services.GetRequiredService<TimeProvider>().ProvinceToday();
        var reference = app.Services.GetRequiredService<RequestReference>();
        async Task<double> DueHoursAsync()
        {
            var request = await RequestAsync(app, await SendAsync(app, new { name = "Người hỏi", phone = NewPhone(), communeCode = r.LodgingOwn.CommuneCode, needs = new[] { "other" } }));
            return (request.DueAt - request.CreatedAt).TotalHours;
        }
        var rule = new RequestRule { MergeWindowDays = 7, UrgentDueHours = 2, NormalDueHours = 5, UrgentFrom = 99, EffectiveFrom = today, Source = "test " + r.Tag };
        await app.WithDbAsync(async db =>
        {
            db.Add(rule);
            await db.SaveChangesAsync();
        });
        reference.Forget();
        Assert.Equal(5, await DueHoursAsync());

        // a version added behind the app's back (another process) is not read again at once ...
        await app.WithDbAsync(db => db.Set<RequestRule>().Where(x => x.Id == rule.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.NormalDueHours, 9)));
        Assert.Equal(5, await DueHoursAsync());
        // ... but once what is kept is forgotten (or older than RequestReference.MaxAge)
        reference.Forget();
        Assert.Equal(9, await DueHoursAsync());
        await app.WithDbAsync(db => db.Set<RequestRule>().Where(x => x.Id == rule.Id).ExecuteDeleteAsync());
        reference.Forget();
    }

    [Theory, BothProviders]
    public async Task A_ticket_already_taken_is_drawn_again(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var r = await TestRegistry.AddAsync(app);
        var taken = await SendAsync(app, new { name = "Người hỏi", phone = NewPhone(), communeCode = r.LodgingOwn.CommuneCode, needs = new[] { "food" } });

        await using var scope = app.Services.CreateAsyncScope();
        var requests = scope.ServiceProvider.GetRequiredService<HelpRequests>();
        var draws = 0;
        requests.NewTicket = () => ++draws <= 2 ? taken : RequestRules.NewTicket();
        var result = await requests.SubmitAsync(new HelpForm { Name = "Người khác", Phone = NewPhone(), CommuneCode = r.LodgingOwn.CommuneCode, Needs = ["food"] },
            RequestChannel.Public, null, "public", CancellationToken.None);

        var created = Assert.IsType<Submitted.Created>(result);
        Assert.NotEqual(taken, created.Ticket);
        Assert.True(draws >= 3);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<HelpRequest>().CountAsync(x => x.Ticket == taken)));
    }

    /// <summary>Under load on PostgreSQL one create in about 100,000 answered 500: another create had drawn the same ticket
    /// and committed it between this one's read and its insert. (On SQLite the writers take turns, and the other
    /// connection's insert here would wait for this one's write lock.)</summary>
    [Fact]
    public async Task A_ticket_another_create_commits_after_the_read_is_drawn_again()
    {
        var app = await apps.For(DatabaseProvider.Postgres);
        var r = await TestRegistry.AddAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var requests = scope.ServiceProvider.GetRequiredService<HelpRequests>();
        var db = scope.ServiceProvider.GetRequiredService<LachanDb>();
        string? raced = null;
        // at the save, after the read found the drawn ticket free: another connection commits a request with that ticket
        db.SavingChanges += (_, _) =>
        {
            if (raced is not null) return;
            raced = db.ChangeTracker.Entries<HelpRequest>().Single(e => e.State == EntityState.Added).Entity.Ticket;
            using var other = app.Services.CreateScope();
            var otherRequests = other.ServiceProvider.GetRequiredService<HelpRequests>();
            otherRequests.NewTicket = () => raced;
            Assert.IsType<Submitted.Created>(otherRequests.SubmitAsync(new HelpForm { Name = "Người khác", Phone = NewPhone(), CommuneCode = r.LodgingOwn.CommuneCode, Needs = ["food"] },
                RequestChannel.Public, null, "public", CancellationToken.None).GetAwaiter().GetResult());
        };
        var result = await requests.SubmitAsync(new HelpForm { Name = "Người hỏi", Phone = NewPhone(), CommuneCode = r.LodgingOwn.CommuneCode, Needs = ["food"] },
            RequestChannel.Public, null, "public", CancellationToken.None);

        var created = Assert.IsType<Submitted.Created>(result);
        Assert.NotNull(raced);
        Assert.NotEqual(raced, created.Ticket);
        Assert.Equal(1, await app.WithDbAsync(x => x.Set<HelpRequest>().CountAsync(h => h.Ticket == raced)));
        Assert.Equal(1, await app.WithDbAsync(x => x.AuditEvents.CountAsync(e => e.EntityType == nameof(HelpRequest) && e.EntityId == created.Id.ToString())));
    }
}
