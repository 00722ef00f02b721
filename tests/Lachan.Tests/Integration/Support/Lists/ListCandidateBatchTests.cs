using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Outbreak.Zones;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Support.Insurance;
using Lachan.Features.Support.Lists;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lachan.Tests.Integration.Support.Lists.ListWorld;

namespace Lachan.Tests.Integration.Support.Lists;

/// <summary>The candidates draft a province's lists of one policy together (one read of the facts, lists and approvals
/// for all of them; issue 12's figure): each drafted row must say what checking that list alone says, and a worker
/// employed by two stopped enterprises in the month is on the second list as "already on the first".</summary>
public sealed class ListCandidateBatchTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    [Theory, BothProviders]
    public async Task Drafting_many_lists_at_once_answers_as_checking_each_list_alone(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await CreateAsync(app);
        var r = w.Registry;
        var (a, b, c) = (NewWorker("Nguyễn Thị An"), NewWorker("Bùi Văn Bình"), NewWorker("Chu Thị Cúc"));
        var second = new Enterprise
        {
            TaxCode = TestRegistry.NewTaxCode(), Name = "Công ty TNHH Điện tử Thứ Hai " + r.Tag, NameSearch = VietnameseText.SearchKey("Cong ty Thu Hai " + r.Tag),
            IndustrialZoneId = r.ZoneOwn.Id, CommuneCode = r.EnterpriseOwn.CommuneCode, DistrictCode = r.EnterpriseOwn.DistrictCode, ProvinceCode = TestRegistry.OwnProvince, Sector = "điện tử",
        };
        await app.WithDbAsync(async db =>
        {
            db.Add(second);
            await db.SaveChangesAsync();
            // a and c work for the second enterprise; b leaves the first for the second on 20/05 (on both lists of May)
            a.Hire(second.Id, new(2020, 1, 6), ContractType.Indefinite);
            c.Hire(second.Id, new(2020, 3, 2), ContractType.Indefinite);
            b.Hire(r.EnterpriseOwn.Id, new(2019, 8, 1), ContractType.Indefinite);
            b.Hire(second.Id, new(2021, 5, 20), ContractType.Indefinite);
            db.AddRange(a, b, c);
            await db.SaveChangesAsync();
            // insured in April (the stoppage asks about the month before): the own worker, a and b; c is not
            foreach (var id in new[] { r.WorkerOwn.Id, a.Id, b.Id })
                db.Add(new InsuredMonth { WorkerId = id, Month = new(2021, 4, 1), EnterpriseId = id == r.WorkerOwn.Id ? r.EnterpriseOwn.Id : second.Id });
            // both enterprises' zone locked 18/05–01/06 (14 days in May); c quarantined from 25/05
            db.Add(new ControlZone
            {
                Name = "KCN phong tỏa " + r.Tag, Kind = ControlZoneKind.IndustrialZone, IndustrialZoneId = r.ZoneOwn.Id, ProvinceCode = TestRegistry.OwnProvince,
                Orders = [new ZoneOrder { Level = ZoneLevel.Lockdown, DecisionNumber = "PT " + r.Tag, DecisionDate = new(2021, 5, 17), IssuedBy = "BCĐ", EffectiveFrom = new(2021, 5, 18), LiftedOn = new(2021, 6, 2) }],
            });
            db.Add(new QuarantineOrder { WorkerId = c.Id, QuarantineRuleId = 1, PlaceKind = QuarantinePlace.Facility, StartOn = new(2021, 5, 25), PlannedEndOn = new(2021, 6, 7), ReleasedOn = new(2021, 6, 5) });
            await db.SaveChangesAsync();
        });

        // the steering committee drafts for the whole province (every enterprise of every world in this database)
        var steering = await app.ApiClientAsync((await app.EnsureUserAsync("bcd" + r.Tag.ToLowerInvariant(), Role.Steering, TestRegistry.OwnProvince)).UserName!);
        await Expect(HttpStatusCode.OK, steering.PostAsJsonAsync("/api/v1/support/lists/candidates", new { month = "05/2021" }));

        var ours = new[] { r.EnterpriseOwn.Id, second.Id };
        var lists = await app.WithDbAsync(db => db.Set<SupportList>().AsNoTracking().Include(l => l.Rows)
            .Where(l => ours.Contains(l.EnterpriseId) && l.Origin == ListOrigin.Candidates).OrderBy(l => l.Id).ToListAsync());
        Assert.Equal(["NQ68-MEALS", "NQ68-STOPPAGE", "NQ68-STOPPAGE"], lists.Select(l => l.PolicyCode).Order());

        await using var scope = app.Services.CreateAsyncScope();
        var checks = scope.ServiceProvider.GetRequiredService<ListChecks>();
        var today = new DateOnly(2021, 6, 15);
        foreach (var list in lists)
        {
            var taxCode = list.EnterpriseId == second.Id ? second.TaxCode : r.EnterpriseOwn.TaxCode;
            var target = await checks.TargetAsync(list.PolicyCode, taxCode, list.PeriodStart, today, CancellationToken.None);
            var rows = list.Rows.OrderBy(x => x.RowNo).ToList();
            var alone = await checks.CheckAsync(target!, [.. rows.Select(x => new RowInput(x.RowNo, x.Cccd, x.FullName, null))], list.Id, CancellationToken.None);
            foreach (var (row, check) in rows.Zip(alone).Where(p => p.First.WorkerId != b.Id).Select(p => (p.First, p.Second)))
                Assert.Equal((check.Input.RowNo, check.Eligible, check.Amount, Codes(RowReasons.Write(check.Reasons))), (row.RowNo, row.Eligible, row.AmountComputed, Codes(row.ReasonsJson)));
        }
        // the verdicts themselves: the own worker and a were stopped 14 days and insured; c was not insured; c's meals
        var stoppage = lists.Where(l => l.PolicyCode == "NQ68-STOPPAGE").SelectMany(l => l.Rows).ToList();
        Assert.True(stoppage.Single(x => x.WorkerId == r.WorkerOwn.Id).Eligible);
        Assert.True(stoppage.Single(x => x.WorkerId == a.Id).Eligible);
        Assert.False(stoppage.Single(x => x.WorkerId == c.Id).Eligible);
        Assert.Equal([c.Id], lists.Single(l => l.PolicyCode == "NQ68-MEALS").Rows.Select(x => x.WorkerId));

        // b: on both stoppage lists; the later one says the earlier one has him
        var bRows = lists.Where(l => l.PolicyCode == "NQ68-STOPPAGE").Select(l => (List: l, Row: l.Rows.Single(x => x.WorkerId == b.Id))).ToList();
        var flagged = bRows.Where(x => Codes(x.Row.ReasonsJson).Contains("LIST-OTHER-LIST")).ToList();
        Assert.Single(flagged);
        var other = bRows.Single(x => x.List.Id != flagged[0].List.Id).List.Id;
        Assert.Contains($"số {other}", flagged[0].Row.ReasonsJson, StringComparison.Ordinal);
    }

    private static Worker NewWorker(string name) => new()
    {
        Cccd = TestRegistry.NewCccd("024", Sex.Female, 1997), FullName = name, NameSearch = VietnameseText.SearchKey(name), Sex = Sex.Female,
        DateOfBirth = new(1997, 2, 3), Phone = "0977555666", HomeProvinceCode = "024", ProvinceCode = TestRegistry.OwnProvince, PermanentAddress = "Xã Tân Mỹ, Bắc Giang",
    };

    private static string Codes(string reasonsJson) =>
        string.Join(",", JsonDocument.Parse(reasonsJson).RootElement.EnumerateArray().Select(e => e.GetProperty("code").GetString()).Order(StringComparer.Ordinal));
}
