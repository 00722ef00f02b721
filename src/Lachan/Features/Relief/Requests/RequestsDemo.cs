using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Calendar;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Modules;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Relief.Requests;

/// <summary>The hotline's May–June 2021 in the demo province (invented): relief teams for the communes where the IZ
/// workers lodge, the merge/due rule, requests from the workers lodging there from the lockdown on (18/05), most of them
/// delivered by volunteers, some still open, so that on the demo day 25/05/2021 some affected workers are unreached.</summary>
internal sealed class RequestsDemo(LachanDb db, ProvinceCalendar calendar) : IDemoData
{
    public int Order => 20;
    private static readonly DateOnly Lockdown = new(2021, 5, 18), DemoDay = new(2021, 5, 25);

    /// <summary>What this demo wrote that refers to no worker, enterprise or place (`seed --reset`).</summary>
    public Task ResetAsync(CancellationToken ct) => TableReset.DeleteWithDependentsAsync(db, [typeof(HelpRequest), typeof(ReliefTeam), typeof(Delivery), typeof(RequestRule)], ct);

    public async Task<IReadOnlyDictionary<string, long>> SeedAsync(DemoRequest size, CancellationToken ct)
    {
        db.Add(new RequestRule { MergeWindowDays = 7, UrgentDueHours = 24, NormalDueHours = 72, UrgentFrom = 60, EffectiveFrom = new(2021, 5, 1),
            Source = "Tổ Hỗ trợ đời sống công nhân (demo)" });
        // the communes with the most lodging houses get a team each; the demo commune two (the union's and its own)
        var communes = await db.Set<LodgingHouse>().AsNoTracking().GroupBy(l => new { l.CommuneCode, l.DistrictCode, l.ProvinceCode })
            .Select(g => new { g.Key.CommuneCode, g.Key.DistrictCode, g.Key.ProvinceCode, Houses = g.Count() }).OrderByDescending(g => g.Houses).Take(6).ToListAsync(ct);
        var names = await db.Set<AdminUnit>().AsNoTracking().Where(u => communes.Select(c => c.CommuneCode).Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Kind + " " + u.Name, ct);
        var teams = communes.Select(c => new ReliefTeam { Name = "Tổ tình nguyện " + names.GetValueOrDefault(c.CommuneCode, c.CommuneCode), CommuneCode = c.CommuneCode, DistrictCode = c.DistrictCode, ProvinceCode = c.ProvinceCode }).ToList();
        if (communes.FirstOrDefault(c => c.CommuneCode == DemoProvince.DemoCommuneCode) is { } nenh)
            teams.Insert(0, new ReliefTeam { Name = "Đội cứu trợ khẩn cấp LĐLĐ tỉnh", CommuneCode = nenh.CommuneCode, DistrictCode = nenh.DistrictCode, ProvinceCode = nenh.ProvinceCode });
        db.AddRange(teams);
        await db.SaveChangesAsync(ct);
        if (teams.Count == 0) return new Dictionary<string, long> { ["reliefTeams"] = 0 };

        var rng = new Random(11);
        var residents = await db.Set<Worker>().AsNoTracking()
            .SelectMany(w => w.Residences.Where(r => r.From <= Lockdown && (r.To == null || r.To > Lockdown)), (w, r) => new
            {
                r.WorkerId, r.LodgingHouseId, r.LodgingHouse!.CommuneCode, r.LodgingHouse.DistrictCode, r.LodgingHouse.ProvinceCode, r.LodgingHouse.Address, w.FullName, w.Phone, w.Cccd,
            })
            .OrderBy(r => r.WorkerId).ToListAsync(ct);
        var requests = new List<HelpRequest>();
        var deliveries = new List<Delivery>();
        var pending = new List<(Delivery Delivery, HelpRequest Request)>();
        var needs = new[] { HelpNeed.Food, HelpNeed.Food, HelpNeed.Food | HelpNeed.Medicine, HelpNeed.Food | HelpNeed.Rent, HelpNeed.Cash, HelpNeed.Medicine };
        var items = new[] { "Gạo 10 kg × 1; Mì gói × 30; Trứng × 10", "Gạo 10 kg × 1; Dầu ăn 1 l × 1", "Thuốc hạ sốt × 1; Khẩu trang × 20", "Tiền mặt 500.000 đ" };
        var serial = 0;
        foreach (var r in residents)
        {
            // about two in five of the workers lodging there called or wrote in the first weeks
            if (rng.Next(5) >= 2) continue;
            var team = teams.FirstOrDefault(t => t.CommuneCode == r.CommuneCode);
            var day = Lockdown.AddDays(rng.Next(0, r.CommuneCode == DemoProvince.DemoCommuneCode ? 10 : 40));
            var created = day.ToDateTime(new TimeOnly(1 + rng.Next(10), rng.Next(60)), DateTimeKind.Utc);
            var need = needs[rng.Next(needs.Length)];
            var assessment = RequestPriority.Assess(need, new Facts(r.CommuneCode == DemoProvince.DemoCommuneCode, false, rng.Next(2) == 0, false, true));
            var request = new HelpRequest
            {
                Ticket = $"HT-{Code(++serial)}", Channel = rng.Next(3) == 0 ? RequestChannel.Public : RequestChannel.Hotline, Name = r.FullName,
                Phone = r.Phone, Cccd = r.Cccd, CommuneCode = r.CommuneCode, DistrictCode = r.DistrictCode, ProvinceCode = r.ProvinceCode, Address = r.Address,
                LodgingHouseId = r.LodgingHouseId, WorkerId = r.WorkerId, CreatedAt = created, CreatedBy = "hotline",
            };
            request.Prioritise(need, null, assessment, created.AddHours(assessment.Score >= 60 ? 24 : 72));
            requests.Add(request);
            if (team is null) continue;
            // most were delivered within one to three days; those of the last days before the demo day are still open
            var deliveredOn = day.AddDays(1 + rng.Next(3));
            var open = deliveredOn >= DemoDay && day <= DemoDay || rng.Next(10) == 0;
            request.Assign(team.Id, open && rng.Next(2) == 0 ? "tinhnguyen" : null, null, created.AddHours(2));
            if (open) continue;
            var at = deliveredOn.ToDateTime(new TimeOnly(3 + rng.Next(8), rng.Next(60)), DateTimeKind.Utc);
            request.Delivered(at);
            deliveries.Add(new Delivery
            {
                HelpRequestId = 0, WorkerId = r.WorkerId, IdempotencyKey = $"demo-{serial:000000}-delivery", DeliveredOn = deliveredOn, RecordedAt = at,
                VolunteerUserName = "tinhnguyen", Items = items[rng.Next(items.Length)], ConfirmedBy = rng.Next(2) == 0 ? "ticket" : "cccd",
            });
            pending.Add((deliveries[^1], request));
        }
        // the open requests already past due at the province's present (the demo day) are escalated as the job would have
        // done, five minutes after their due time, so a fresh demo does not leave the job ~40,000 escalations (1,000 a run)
        // to write beside the first visitors' reads; those due later are left to the job, as the demo clock reaches them
        var now = calendar.Now;
        foreach (var request in requests.Where(r => r.DueAt.AddMinutes(5) <= now)) request.Escalate(request.DueAt.AddMinutes(5));
        // tens of thousands of rows at full size: keys assigned here and written in bulk (inside the seed's transaction),
        // not one tracked insert each
        var nextRequest = (await db.Set<HelpRequest>().MaxAsync(r => (int?)r.Id, ct) ?? 0) + 1;
        foreach (var request in requests) request.Id = nextRequest++;
        var nextDelivery = (await db.Set<Delivery>().MaxAsync(d => (int?)d.Id, ct) ?? 0) + 1;
        foreach (var (delivery, request) in pending) (delivery.Id, delivery.HelpRequestId) = (nextDelivery++, request.Id);
        await using (var bulk = BulkWriter.Begin(db))
        {
            await bulk.WriteAsync(requests, ct);
            await bulk.WriteAsync(deliveries, ct);
            await bulk.CompleteAsync(ct);
        }
        return new Dictionary<string, long> { ["reliefTeams"] = teams.Count, ["helpRequests"] = requests.Count, ["deliveries"] = deliveries.Count };
    }

    /// <summary>Demo tickets: readable, distinct, in the ticket alphabet.</summary>
    private static string Code(int n)
    {
        const string alphabet = "ACDEFGHJKLMNPQRTUVWXY3479";
        var chars = new char[6];
        for (var i = 5; i >= 0; i--) { chars[i] = alphabet[n % alphabet.Length]; n /= alphabet.Length; }
        return new string(chars);
    }
}
