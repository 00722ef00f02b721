using Lachan.Features.Registry.Contracts;
using Lachan.Features.Rosters;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Lachan.Tests.Infrastructure;
using Lachan.Tests.Rosters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lachan.Tests.Integration.Rosters.RosterKit;

namespace Lachan.Tests.Integration.Rosters;

/// <summary>The roster commit writes through the bulk path (COPY / prepared INSERTs and set-based UPDATEs) for speed;
/// the rules of employment and residence live in the entity's methods (Worker.Hire, Leave, MoveLodging). The same
/// roster applied to the same registry in two databases, once by the commit and once through those methods, must
/// leave the same registry and history: any drift of the bulk path from the entity's rules shows here.</summary>
public sealed class RosterBulkDifferentialTests : IDisposable
{
    private readonly TempFolder _dir = new();
    public void Dispose() => _dir.Dispose();

    private static readonly DateOnly AsOf = RosterWorld.AsOf;
    private const string OwnTax = "2400000011", OtherTax = "2400000022";
    private const string L1 = "Nhà trọ Hương Sen", L2 = "Nhà trọ Bình An", L3 = "Ký túc xá Vân Trung";

    private static Person P(string name, Sex sex, int year, int serial, string phone) =>
        new(Cccd.Compose("024", sex, year, 900_000 + serial), name, sex, new DateOnly(year, 3, 1 + serial), phone);

    // Who is who, the same in both databases.
    private static readonly Person Stays = P("Đặng Thị Hương", Sex.Female, 1996, 1, "0977000001");
    private static readonly Person Updated = P("Nguyễn Văn Cường", Sex.Male, 1994, 2, "0977000002");
    private static readonly Person Mover = P("Lý Thị Ngọc", Sex.Female, 1999, 3, "0977000003");
    private static readonly Person Unhoused = P("Giáp Văn Sơn", Sex.Male, 1993, 4, "0977000004");
    private static readonly Person Leaver1 = P("Trần Thị Mai", Sex.Female, 1998, 5, "0977000005");
    private static readonly Person Leaver2 = P("Lê Văn Hùng", Sex.Male, 1989, 6, "0977000006");
    private static readonly Person Rehired = P("Phạm Thị Lan", Sex.Female, 1992, 7, "0977000007");
    private static readonly Person RehiredFromOther = P("Hà Văn Long", Sex.Male, 1991, 8, "0977000008");
    private static readonly Person Transfer = P("Trương Văn Bảo", Sex.Male, 1990, 9, "0977000009");
    private static readonly Person New1 = P("Hoàng Văn Nam", Sex.Male, 1999, 10, "0977000010");
    private static readonly Person New2 = P("Vũ Thị Hằng", Sex.Female, 2001, 11, "0977000011");
    private static readonly Person New3 = P("Ngô Văn Tèo", Sex.Male, 1997, 12, "0977000012");

    /// <summary>Two enterprises, three lodging houses and nine workers with their history, built through the entity methods.</summary>
    private static async Task BuildAsync(LachanApp app) => await app.WithDbAsync(async db =>
    {
        var from = new DateOnly(2000, 1, 1);
        db.Set<AdminUnit>().AddRange(
            new AdminUnit { Code = "24", Name = "Bắc Giang", Kind = "tỉnh", Level = AdminLevel.Province, ValidFrom = from },
            new AdminUnit { Code = "D1", Name = "Huyện Việt Yên", Kind = "huyện", Level = AdminLevel.District, ParentCode = "24", ValidFrom = from },
            new AdminUnit { Code = "C1", Name = "Xã Vân Trung", Kind = "xã", Level = AdminLevel.Commune, ParentCode = "D1", ValidFrom = from });
        var zone = new IndustrialZone { Code = "VT", Name = "KCN Vân Trung", AreaHectares = 350, DistrictCode = "D1", ProvinceCode = "24" };
        Enterprise Firm(string tax, string name) => new()
        {
            TaxCode = tax, Name = name, NameSearch = VietnameseText.SearchKey(name), IndustrialZone = zone,
            CommuneCode = "C1", DistrictCode = "D1", ProvinceCode = "24", Sector = "may mặc",
        };
        var own = Firm(OwnTax, "Công ty TNHH May Hòa Bình");
        var other = Firm(OtherTax, "Công ty Cổ phần Điện tử Ánh Dương");
        var landlord = new Landlord { FullName = "Lê Văn Chủ", NameSearch = "le van chu", Phone = "0912000111" };
        LodgingHouse House(string name) => new()
        {
            Name = name, NameSearch = VietnameseText.SearchKey(name), Address = "Thôn Núi, " + name, CommuneCode = "C1", DistrictCode = "D1",
            ProvinceCode = "24", Landlord = landlord, Rooms = 12, Capacity = 30,
        };
        var (l1, l2, l3) = (House(L1), House(L2), House(L3));
        db.AddRange(zone, own, other, landlord, l1, l2, l3);
        await db.SaveChangesAsync();

        Worker Make(Person p) => new()
        {
            Cccd = p.Cccd, FullName = p.FullName, NameSearch = VietnameseText.SearchKey(p.FullName), Sex = p.Sex, DateOfBirth = p.Dob,
            Phone = p.Phone, HomeProvinceCode = "024", ProvinceCode = "24", PermanentAddress = "Xã Hợp Thịnh, Hiệp Hòa, Bắc Giang",
        };
        var start = new DateOnly(2019, 4, 1);
        var workers = new List<Worker>();
        foreach (var (p, house) in new[] { (Stays, l1), (Updated, l1), (Mover, l1), (Unhoused, null), (Leaver1, l1), (Leaver2, null) })
        {
            var w = Make(p);
            w.Hire(own.Id, start, ContractType.Definite, "Xưởng may 1");
            if (house is not null) w.MoveLodging(house.Id, start);
            workers.Add(w);
        }
        var rehired = Make(Rehired);
        rehired.Hire(own.Id, start, ContractType.Definite);
        rehired.MoveLodging(l2.Id, start);
        rehired.Leave(new DateOnly(2020, 12, 31));
        var fromOther = Make(RehiredFromOther);
        fromOther.Hire(other.Id, new DateOnly(2018, 9, 15), ContractType.Seasonal);
        fromOther.Leave(new DateOnly(2020, 6, 30));
        var transfer = Make(Transfer);
        transfer.Hire(other.Id, new DateOnly(2018, 9, 15), ContractType.Definite);
        transfer.MoveLodging(l3.Id, new DateOnly(2018, 9, 15));
        db.Set<Worker>().AddRange([.. workers, rehired, fromOther, transfer]);
        await db.SaveChangesAsync();
    });

    /// <summary>New hires (one with a hire date and contract, two with lodging), an update that moves, moves from a house
    /// and from none, two re-hires (one with a changed phone and a move), a transfer, and two leavers by absence.</summary>
    private string Roster() => Write(_dir.Root, "csv", Sheet(
    [
        Row(1, Stays with { Lodging = L1 }),
        Row(2, Updated with { Phone = "0988123456", Lodging = L2 }),
        Row(3, Mover with { Lodging = L3 }),
        Row(4, Unhoused with { Lodging = L2 }),
        Row(5, Rehired with { Phone = "0988000777", Lodging = L1 }),
        Row(6, RehiredFromOther with { HiredOn = new DateOnly(2021, 5, 3), Contract = "Thời vụ" }),
        Row(7, Transfer with { Lodging = L1 }),
        Row(8, New1 with { HiredOn = new DateOnly(2021, 5, 15), Contract = "Không xác định thời hạn", Lodging = L3 }),
        Row(9, New2),
        Row(10, New3 with { Lodging = L1 }),
    ]));

    private static async Task<RosterPlan> PlanAsync(IServiceProvider services, string file)
    {
        var db = services.GetRequiredService<LachanDb>();
        var enterprise = await db.Set<Enterprise>().Where(e => e.TaxCode == OwnTax).Select(e => e.Id).SingleAsync();
        var prepared = await services.GetRequiredService<RosterImports>().PrepareAsync(file, enterprise, AsOf, null, CancellationToken.None);
        return prepared.Plan ?? throw new InvalidOperationException("roster refused: " + prepared.Preview.Refused);
    }

    /// <summary>What committing the plan means, said with the entity's methods, row by row through the change tracker.</summary>
    private static async Task ApplyThroughEntitiesAsync(LachanDb db, RosterPlan plan)
    {
        var e = plan.EnterpriseId;
        var province = await db.Set<Enterprise>().Where(x => x.Id == e).Select(x => x.ProvinceCode).SingleAsync();
        Task<Worker> Load(int id) => db.Set<Worker>().Include(w => w.Employments).Include(w => w.Residences).Include(w => w.Movements).SingleAsync(w => w.Id == id);
        foreach (var p in plan.Rows)
        {
            var r = p.Row;
            Worker w;
            if (p.Kind == PlanKind.New)
            {
                w = new Worker
                {
                    Cccd = r.Cccd, FullName = r.FullName, NameSearch = r.NameSearch, Sex = r.Sex!.Value, DateOfBirth = r.DateOfBirth!.Value,
                    Cmnd = r.Cmnd, BhxhNumber = r.Bhxh, Phone = r.Phone, PermanentAddress = r.PermanentAddress,
                    HomeProvinceCode = r.Cccd[..3], ProvinceCode = province,
                };
                db.Set<Worker>().Add(w);
            }
            else if (p.Kind == PlanKind.Transfer) continue;   // sent for review, not moved
            else
            {
                w = await Load(p.WorkerId!.Value);
                if (p.Changes.Count > 0)
                {
                    // the roster's stated fields; a blank cell keeps what the registry knows
                    (w.FullName, w.NameSearch) = (r.FullName, r.NameSearch);
                    w.Sex = r.Sex ?? w.Sex;
                    w.DateOfBirth = r.DateOfBirth ?? w.DateOfBirth;
                    w.Cmnd = r.Cmnd ?? w.Cmnd;
                    w.BhxhNumber = r.Bhxh ?? w.BhxhNumber;
                    w.Phone = r.Phone ?? w.Phone;
                    w.PermanentAddress = r.PermanentAddress ?? w.PermanentAddress;
                }
            }
            if (p.Kind is PlanKind.New or PlanKind.Rehire) w.Hire(e, r.HiredOn ?? plan.AsOf, r.Contract ?? ContractType.Definite, r.Workshop);
            if (p.MovesLodging) w.MoveLodging(p.LodgingHouseId, plan.AsOf);
        }
        foreach (var leaver in plan.Leaving) (await Load(leaver.WorkerId)).Leave(plan.AsOf);
        await db.SaveChangesAsync();
    }

    /// <summary>The registry as lines of text, ids replaced by CCCDs, tax codes and house names, in a stable order.</summary>
    private static Task<List<string>> SnapshotAsync(LachanApp app) => app.WithDbAsync(async db =>
    {
        var firms = await db.Set<Enterprise>().ToDictionaryAsync(x => x.Id, x => x.TaxCode);
        var houses = await db.Set<LodgingHouse>().ToDictionaryAsync(x => x.Id, x => x.Name);
        string F(int? id) => id is int i ? firms[i] : "-";
        string H(int? id) => id is int i ? houses[i] : "-";
        var lines = new List<string>();
        foreach (var w in (await db.Set<Worker>().AsNoTracking().Include(x => x.Employments).Include(x => x.Residences).Include(x => x.Movements).ToListAsync())
                 .OrderBy(x => x.Cccd, StringComparer.Ordinal))
        {
            lines.Add($"{w.Cccd} worker {w.FullName} | {w.NameSearch} | {w.Sex} | {w.DateOfBirth:yyyy-MM-dd} | {w.Cmnd} | {w.BhxhNumber} | {w.Phone} | "
                + $"{w.PermanentAddress} | {w.HomeProvinceCode} | {w.ProvinceCode} | employer {F(w.CurrentEnterpriseId)} | lodging {H(w.CurrentLodgingHouseId)}");
            lines.AddRange(w.Employments.Select(x => $"{w.Cccd} employment {F(x.EnterpriseId)} {x.From:yyyy-MM-dd}–{x.To:yyyy-MM-dd} {x.ContractType} {x.Workshop} {x.InsuredMonths}").Order(StringComparer.Ordinal));
            lines.AddRange(w.Residences.Select(x => $"{w.Cccd} residence {H(x.LodgingHouseId)} {x.From:yyyy-MM-dd}–{x.To:yyyy-MM-dd} {x.Room}").Order(StringComparer.Ordinal));
            lines.AddRange(w.Movements.Select(x => $"{w.Cccd} movement {x.Date:yyyy-MM-dd} {x.Kind} {F(x.EnterpriseId)} from {F(x.PreviousEnterpriseId)} "
                + $"lodging {H(x.LodgingHouseId)} from {H(x.PreviousLodgingHouseId)}").Order(StringComparer.Ordinal));
        }
        return lines;
    });

    /// <summary>Equal snapshots, or a failure that lists the lines only one of them has.</summary>
    private static void Same(List<string> entities, List<string> bulk) =>
        Assert.True(entities.SequenceEqual(bulk), "only through the entity methods:\n  " + string.Join("\n  ", entities.Except(bulk))
            + "\nonly through the bulk commit:\n  " + string.Join("\n  ", bulk.Except(entities)));

    [Theory, BothProviders]
    public async Task BulkCommit_WritesTheSameRegistryAndHistory_AsTheEntityMethods(DatabaseProvider provider)
    {
        await using var bulkApp = await LachanApp.StartAsync(provider, Seed.Empty);
        await using var entityApp = await LachanApp.StartAsync(provider, Seed.Empty);
        await BuildAsync(bulkApp);
        await BuildAsync(entityApp);
        Same(await SnapshotAsync(entityApp), await SnapshotAsync(bulkApp));
        var file = Roster();

        await using (var scope = bulkApp.Services.CreateAsyncScope())
        {
            var plan = await PlanAsync(scope.ServiceProvider, file);
            // the roster exercises every kind of row and leavers
            Assert.Equal(Enum.GetValues<PlanKind>().Order(), plan.Rows.Select(r => r.Kind).Distinct().Order());
            Assert.Equal(2, plan.Leaving.Count);
            Assert.Equal(6, plan.MovedLodging);
            await scope.ServiceProvider.GetRequiredService<RosterImports>().CommitAsync(plan, "differential", new CommitRequest("test"), null, CancellationToken.None);
        }
        await using (var scope = entityApp.Services.CreateAsyncScope())
            await ApplyThroughEntitiesAsync(scope.ServiceProvider.GetRequiredService<LachanDb>(), await PlanAsync(scope.ServiceProvider, file));

        var expected = await SnapshotAsync(entityApp);
        Same(expected, await SnapshotAsync(bulkApp));
        // not two empty stories: the moves name the house they leave
        Assert.Contains($"{Updated.Cccd} movement 2021-05-31 MovedLodging - from - lodging {L2} from {L1}", expected);
        Assert.Contains($"{Rehired.Cccd} movement 2021-05-31 MovedLodging - from - lodging {L1} from {L2}", expected);
    }
}
