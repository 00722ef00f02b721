using System.Net;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Lachan.Tests.Infrastructure;
using Lachan.Tests.Rosters;
using Microsoft.EntityFrameworkCore;
using static Lachan.Tests.Integration.Rosters.RosterKit;

namespace Lachan.Tests.Integration.Rosters;

/// <summary>A roster that changes many existing workers at once: renamed with a blank phone, moved to another lodging
/// house, gone (leavers), updated and moved, back after leaving with blank cells. On PostgreSQL these go through one
/// set-based UPDATE per statement (ADR-0009, write path), on SQLite one prepared UPDATE per row: the registry must end
/// the same, and a blank cell must erase nothing.</summary>
public sealed class RosterChangesTests(EmptyApps apps) : IClassFixture<EmptyApps>, IDisposable
{
    private readonly TempFolder _dir = new();
    public void Dispose() => _dir.Dispose();

    private enum Change { Renamed, Moves, Leaves, UpdatedAndMoves, Rehired }

    private const int Each = 30;

    [Theory, BothProviders]
    public async Task Changes_to_many_existing_workers_are_written_as_stated_and_blank_cells_erase_nothing(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await RosterWorld.CreateAsync(app);
        var api = await app.ApiClientAsync(w.Hr);
        var own = w.Registry.LodgingOwn;
        var other = w.Registry.LodgingOther;
        var hired = new DateOnly(2020, 3, 2);

        // the registry: everyone hired here and living in the world's lodging house; the re-hired left last year
        var people = Enumerable.Range(0, 5 * Each).Select(i => (Change: (Change)(i % 5),
            Person: Person.New($"Đinh Văn {(char)('A' + i % 26)}", i % 2 == 0 ? Sex.Male : Sex.Female, 1985 + i % 15) with { Phone = $"0966{i:000000}" })).ToList();
        var workers = people.Select(p =>
        {
            var x = new Worker
            {
                Cccd = p.Person.Cccd, FullName = p.Person.FullName, NameSearch = VietnameseText.SearchKey(p.Person.FullName), Sex = p.Person.Sex,
                DateOfBirth = p.Person.Dob, Phone = p.Person.Phone, HomeProvinceCode = "024", ProvinceCode = TestRegistry.OwnProvince,
                PermanentAddress = "Xã Ngọc Thiện, Tân Yên, Bắc Giang",
            };
            x.Hire(w.Own.Id, hired, ContractType.Definite);
            x.MoveLodging(own.Id, hired);
            if (p.Change == Change.Rehired) x.Leave(new DateOnly(2020, 12, 31));
            return x;
        }).ToList();
        await app.WithDbAsync(async db =>
        {
            db.Set<Worker>().AddRange(workers);
            await db.SaveChangesAsync();
        });

        var rows = new List<object?[]> { Row(1, Person.Of(w.Stays)) };
        foreach (var (change, p) in people)
        {
            var stated = change switch
            {
                Change.Renamed => p with { FullName = p.FullName.Replace("Văn", "Công", StringComparison.Ordinal), Phone = null },
                Change.Moves => p with { Lodging = other.Name },
                Change.UpdatedAndMoves => p with { Phone = "0988" + p.Phone![4..], Lodging = other.Name },
                Change.Rehired => p with { Phone = null },
                _ => null,
            };
            if (stated is not null) rows.Add(Row(rows.Count + 1, stated));
        }
        var id = await UploadOkAsync(api, w.Own.Id, Write(_dir.Root, "xlsx", Sheet(rows)));
        var preview = (await UntilStatusAsync(api, id, "Previewed")).GetProperty("preview");
        Assert.Equal((0, 2 * Each, Each + 1, Each, Each + 3, 2 * Each), (preview.Count("created"), preview.Count("updated"),
            preview.Count("unchanged"), preview.Count("hired"), preview.Count("left"), preview.Count("moved")));
        // a quarter of the workforce leaves: the commit states their number (RosterLeaversTests)
        Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsync($"/api/v1/rosters/{id}/commit",
            System.Net.Http.Json.JsonContent.Create(new { confirmLeavers = Each + 3 }))).StatusCode);
        await UntilStatusAsync(api, id, "Committed");

        var asOf = RosterWorld.AsOf;
        await app.WithDbAsync(async db =>
        {
            var ids = workers.Select(x => x.Id).ToList();
            var after = await db.Set<Worker>().AsNoTracking().Include(x => x.Employments).Include(x => x.Residences).Include(x => x.Movements)
                .Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Cccd);
            foreach (var (change, p) in people)
            {
                var x = after[p.Cccd];
                var open = x.Residences.Where(r => r.To is null).Select(r => r.LodgingHouseId).ToList();
                var moved = change is Change.Moves or Change.UpdatedAndMoves;
                var name = change == Change.Renamed ? p.FullName.Replace("Văn", "Công", StringComparison.Ordinal) : p.FullName;
                var phone = change == Change.UpdatedAndMoves ? "0988" + p.Phone![4..] : p.Phone;   // a blank cell kept the known one
                Assert.Equal((name, VietnameseText.SearchKey(name), phone, "Xã Ngọc Thiện, Tân Yên, Bắc Giang", p.Sex, p.Dob),
                    (x.FullName, x.NameSearch, x.Phone, x.PermanentAddress, x.Sex, x.DateOfBirth));
                Assert.Equal(change == Change.Leaves ? null : w.Own.Id, x.CurrentEnterpriseId);
                Assert.Equal(moved ? other.Id : own.Id, x.CurrentLodgingHouseId);   // a blank lodging cell keeps the house
                Assert.Equal([moved ? other.Id : own.Id], open);
                Assert.Equal(moved ? [(own.Id, (DateOnly?)asOf)] : [], x.Residences.Where(r => r.To is not null).Select(r => (r.LodgingHouseId, r.To)));
                Assert.Equal(moved, x.Movements.Any(m => m.Kind == MovementKind.MovedLodging && m.Date == asOf && m.LodgingHouseId == other.Id));
                var employments = x.Employments.OrderBy(e => e.From).Select(e => (e.From, e.To)).ToList();
                Assert.Equal(change switch
                {
                    Change.Leaves => [(hired, asOf)],
                    Change.Rehired => [(hired, new DateOnly(2020, 12, 31)), (asOf, null)],
                    _ => [(hired, (DateOnly?)null)],
                }, employments);
            }
        });
    }
}
