using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Modules;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Relief.Supplies;

/// <summary>The supplies part of the demo province, all invented but plausible for May–June 2021: 29 zero-đồng
/// supermarkets in the communes where the locked IZs' workers lodge and two warehouses; money and goods from the Labour
/// Federation, companies and individuals (some billions of đồng, less than the real 28.8 billion); money allocated to the
/// points; counter issues to lodging workers at the point of their commune, one basic package per 7 days. Written as the
/// services would leave it (holdings, movements, issues consistent), in the demo's one transaction.</summary>
internal sealed class SuppliesDemo(LachanDb db) : IDemoData
{
    public int Order => 30;

    private static readonly DateOnly First = new(2021, 5, 19), Last = new(2021, 6, 30);
    private const string Seeder = "demo";

    private static readonly string[] Companies =
    [
        "Công ty TNHH Điện tử Bắc Việt (demo)", "Công ty CP May Xuất khẩu Kinh Bắc (demo)", "Ngân hàng TMCP Phát triển Miền Bắc (demo)",
        "Tập đoàn Thực phẩm An Phú (demo)", "Công ty TNHH Linh kiện Quang Minh (demo)", "Công ty CP Xi măng Đông Sơn (demo)",
        "Công ty TNHH Nhựa Thành Công (demo)", "Tổng công ty Viễn thông Lục Ngạn (demo)",
    ];

    private static readonly string[] People =
    [
        "Nguyễn Văn Hòa (demo)", "Trần Thị Mai (demo)", "Lê Quang Vinh (demo)", "Phạm Thu Hằng (demo)", "Hoàng Đức Minh (demo)",
        "Vũ Thị Lan (demo)", "Đỗ Mạnh Cường (demo)", "Bùi Thị Ngọc (demo)", "Ngô Văn Thắng (demo)", "Đặng Thị Hà (demo)",
    ];

    /// <summary>What this demo wrote that refers to no worker, enterprise or place (`seed --reset`).</summary>
    public Task ResetAsync(CancellationToken ct) => TableReset.DeleteWithDependentsAsync(db, [typeof(SupplyPoint), typeof(Donor), typeof(Donation), typeof(Holding), typeof(LedgerMovement), typeof(LedgerTotal), typeof(ReliefIssue)], ct);

    public async Task<IReadOnlyDictionary<string, long>> SeedAsync(DemoRequest request, CancellationToken ct)
    {
        var random = new Random(2021);
        // the communes where most lodging houses are: around the locked IZs
        var communes = await db.Set<LodgingHouse>().AsNoTracking().GroupBy(l => l.CommuneCode)
            .Select(g => new { Code = g.Key, Houses = g.Count() }).OrderByDescending(g => g.Houses).ThenBy(g => g.Code).Take(29).ToListAsync(ct);
        if (communes.Count == 0) return new Dictionary<string, long>();
        var names = await db.Set<AdminUnit>().AsNoTracking().Where(u => communes.Select(c => c.Code).Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name, ct);
        var points = Enumerable.Range(0, 29).Select(i =>
        {
            var c = communes[i % communes.Count].Code;
            var commune = names.GetValueOrDefault(c) ?? c;
            return new SupplyPoint
            {
                Name = $"Siêu thị 0 đồng {commune}" + (i >= communes.Count ? $" số {i / communes.Count + 1}" : ""), Kind = PointKind.Supermarket,
                CommuneCode = c, Address = $"Nhà văn hóa thôn {i % 7 + 1}, {commune}", OpeningHours = i % 2 == 0 ? "7:00–11:00, 14:00–17:00" : "7:30–17:30",
            };
        }).ToList();
        points.Add(new SupplyPoint { Name = "Kho hàng cứu trợ LĐLĐ tỉnh", Kind = PointKind.Warehouse, CommuneCode = communes[0].Code, Address = "Trụ sở LĐLĐ tỉnh (demo)", OpeningHours = "7:00–21:00" });
        db.AddRange(points);

        var donations = new List<Donation>();
        Donation Gift(DonorKind kind, string name, DateOnly day, long money) => new()
        {
            Donor = new Donor { Kind = kind, Name = name }, Day = day, MoneyAmount = money, By = Seeder, At = day.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
            ReceiptNo = $"UH-2021-D{donations.Count + 1:00000}", Note = "Dữ liệu minh họa",
        };
        donations.Add(Gift(DonorKind.LabourFederation, "Liên đoàn Lao động tỉnh (quỹ công đoàn, demo)", First, 3_000_000_000));
        foreach (var (name, i) in Companies.Select((n, i) => (n, i)))
            donations.Add(Gift(DonorKind.Company, name, First.AddDays(1 + i * 3), (2 + random.Next(9)) * 100_000_000L));
        foreach (var (name, i) in People.Select((n, i) => (n, i)))
            donations.Add(Gift(DonorKind.Individual, name, First.AddDays(2 + i * 2), (1 + random.Next(20)) * 1_000_000L));
        donations.Add(Gift(DonorKind.Organisation, "Hội Chữ thập đỏ tỉnh (demo)", First.AddDays(4), 0));
        db.AddRange(donations);
        await db.SaveChangesAsync(ct);

        // goods: each company and the Red Cross give packages and rice to the supermarkets, in lots
        var items = SupplyRules.Items.ToDictionary(i => i.Id);
        var holdings = new List<Holding>();
        var movements = new List<LedgerMovement>();
        LedgerMovement Move(Donation d, MovementReason reason, AccountKind fromKind, int fromRef, AccountKind toKind, int toRef, int? item, long quantity, long value, DateOnly day) => new()
        {
            At = day.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc), Day = day, Reason = reason, FromKind = fromKind, FromRef = fromRef, ToKind = toKind, ToRef = toRef,
            ItemId = item, DonationId = d.Id, SourceKind = d.Donor!.Kind, Quantity = quantity, Value = value, By = Seeder,
        };
        foreach (var d in donations.Where(d => d.MoneyAmount > 0))
        {
            holdings.Add(new Holding { Kind = AccountKind.Fund, DonationId = d.Id, UnitValue = 1, Quantity = d.MoneyAmount });
            movements.Add(Move(d, MovementReason.Donation, AccountKind.Donor, 0, AccountKind.Fund, 0, null, d.MoneyAmount, d.MoneyAmount, d.Day));
        }
        var perWorker = Math.Max(10, request.Workers / 29 / 2);
        foreach (var d in donations.Where(d => d.Donor!.Kind is DonorKind.Company or DonorKind.Organisation))
            foreach (var (p, i) in points.Select((p, i) => (p, i)).Where(x => x.i % 3 == d.Id % 3))
                foreach (var (item, quantity) in new[] { (1, perWorker), (2, perWorker / 2) })
                {
                    var line = new DonationLine { DonationId = d.Id, ItemId = item, Quantity = quantity, UnitValue = items[item].UnitValue, PointId = p.Id, LotCode = $"L{d.Id:000}-{i:00}" };
                    d.Lines.Add(line);
                    holdings.Add(new Holding { Kind = AccountKind.Point, Ref = p.Id, ItemId = item, DonationId = d.Id, LotCode = line.LotCode, UnitValue = line.UnitValue, Quantity = quantity, ExpiresOn = d.Day.AddMonths(6) });
                    movements.Add(Move(d, MovementReason.Donation, AccountKind.Donor, 0, AccountKind.Point, p.Id, item, quantity, quantity * line.UnitValue, d.Day));
                }
        db.AddRange(holdings);
        db.AddRange(movements);
        await db.SaveChangesAsync(ct);

        // the Labour Federation's money: 20,000,000 đồng to each supermarket for cash support
        var fund = holdings.Where(h => h.Kind == AccountKind.Fund).OrderBy(h => h.Id).ToList();
        var sources = donations.ToDictionary(d => d.Id, d => d.Donor!.Kind);
        var allocated = new List<LedgerMovement>();
        foreach (var p in points.Where(p => p.Kind == PointKind.Supermarket))
        {
            var before = fund.ToDictionary(h => h, h => h.Quantity);
            var moves = Stock.Draw(fund, 20_000_000, MovementReason.Allocation, AccountKind.Point, p.Id, First.AddDays(3), First.AddDays(3).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), Seeder, sources);
            if (moves is null) break;
            allocated.AddRange(moves);
            foreach (var h in fund.Where(h => before[h] != h.Quantity))
                holdings.Add(Add(new Holding { Kind = AccountKind.Point, Ref = p.Id, DonationId = h.DonationId, UnitValue = 1, Quantity = before[h] - h.Quantity }));
        }
        db.AddRange(allocated);
        await db.SaveChangesAsync(ct);

        // counter issues: lodging workers of each point's commune, a basic package every 7–10 days while stock lasts
        var pointOf = points.Where(p => p.Kind == PointKind.Supermarket).GroupBy(p => p.CommuneCode).ToDictionary(g => g.Key, g => g.First());
        var workers = await db.Set<Worker>().AsNoTracking().Where(w => w.CurrentLodgingHouse != null && pointOf.Keys.Contains(w.CurrentLodgingHouse.CommuneCode))
            .OrderBy(w => w.Id).Select(w => new { w.Id, w.CurrentLodgingHouse!.CommuneCode }).Take(Math.Min(request.Workers / 2, 3_000)).ToListAsync(ct);
        var stock = holdings.Where(h => h.Kind == AccountKind.Point && h.ItemId == 1).GroupBy(h => h.Ref).ToDictionary(g => g.Key, g => g.OrderBy(h => h.Id).ToList());
        var issues = new List<ReliefIssue>();
        foreach (var w in workers)
        {
            var point = pointOf[w.CommuneCode];
            if (!stock.TryGetValue(point.Id, out var lots)) continue;
            for (var day = First.AddDays(1 + random.Next(6)); day <= Last; day = day.AddDays(7 + random.Next(4)))
            {
                var at = day.ToDateTime(new TimeOnly(8 + random.Next(8), random.Next(60)), DateTimeKind.Utc).AddHours(-7);
                var moves = Stock.Draw(lots, 1, MovementReason.Issue, AccountKind.Recipients, (int)IssueChannel.Counter, day, at, Seeder, sources);
                if (moves is null) break;
                issues.Add(new ReliefIssue
                {
                    WorkerId = w.Id, PointId = point.Id, Day = day, Channel = IssueChannel.Counter, IdempotencyKey = $"demo-{w.Id}-{day:yyyyMMdd}",
                    By = Seeder, At = at, Lines = [new ReliefIssueLine { ItemId = 1, Quantity = 1 }], Movements = moves,
                });
            }
        }
        db.AddRange(issues);
        await db.SaveChangesAsync(ct);
        return new Dictionary<string, long>
        {
            ["supplyPoints"] = points.Count, ["donations"] = donations.Count, ["ledgerMovements"] = movements.Count + allocated.Count + issues.Sum(i => i.Movements.Count),
            ["counterIssues"] = issues.Count,
        };

        Holding Add(Holding h)
        {
            db.Add(h);
            return h;
        }
    }
}
